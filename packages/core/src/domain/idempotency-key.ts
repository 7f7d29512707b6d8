/** Visible ASCII only (0x21–0x7E): no spaces, controls or anything a proxy might rewrite. */
const VISIBLE_ASCII = /^[\x21-\x7E]{1,255}$/;

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export const isIdempotencyKey = (key: string): boolean => VISIBLE_ASCII.test(key);

/** How long a repeat of a keyed send returns the first response. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

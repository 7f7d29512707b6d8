import { createHash } from 'node:crypto';
import type { CreateMessageInput } from './create-message.js';

/**
 * A digest of the request exactly as sent (mode, target, untrimmed text): a repeat must be
 * the same request, so `"hi"` and `" hi "` under one key are two different sends.
 */
export const sendFingerprint = (input: CreateMessageInput): string => {
  const target = input.mode === 'create' ? input.handle : input.groupUuid;
  return createHash('sha256').update(JSON.stringify([input.mode, target, input.message])).digest('base64url');
};

export const MAX_MESSAGE_CODE_POINTS = 1024;

export type MessageTextProblem = 'message_blank' | 'message_exceed_max_chars_1024' | 'message_invalid_text';

/**
 * A UTF-16 surrogate that is not half of a pair. With the `u` flag a proper pair reads as one code
 * point, so only lone halves match. They arrive as JSON escapes (`"\ud800"`) and cannot be encoded
 * as UTF-8, so storing one would hand readers text no other system can represent.
 */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Trims the text and names what is wrong with it, if anything. */
export const checkMessageText = (
  raw: string,
): { readonly text: string; readonly problem: MessageTextProblem | null } => {
  const text = raw.trim();
  if (LONE_SURROGATE.test(text)) return { text, problem: 'message_invalid_text' };
  if (text.length === 0) return { text, problem: 'message_blank' };
  // Counted in code points, not UTF-16 units, so an emoji is one character.
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > MAX_MESSAGE_CODE_POINTS) return { text, problem: 'message_exceed_max_chars_1024' };
  }
  return { text, problem: null };
};

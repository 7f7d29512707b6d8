export const MAX_MESSAGE_CODE_POINTS = 1024;

export type MessageTextProblem = 'message_blank' | 'message_exceed_max_chars_1024';

/** Trims the text and names what is wrong with it, if anything. */
export const checkMessageText = (
  raw: string,
): { readonly text: string; readonly problem: MessageTextProblem | null } => {
  const text = raw.trim();
  if (text.length === 0) return { text, problem: 'message_blank' };
  // Counted in code points, not UTF-16 units, so an emoji is one character.
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > MAX_MESSAGE_CODE_POINTS) return { text, problem: 'message_exceed_max_chars_1024' };
  }
  return { text, problem: null };
};

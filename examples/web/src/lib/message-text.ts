/** The API's rule: after trimming, 1 to 1024 code points (an emoji such as 👍 is one). */
export const MAX_CODE_POINTS = 1024;

export function codePoints(text: string): number {
  return Array.from(text.trim()).length;
}

export type TextProblem = 'blank' | 'too_long' | null;

export function textProblem(text: string): TextProblem {
  const count = codePoints(text);
  if (count === 0) return 'blank';
  return count > MAX_CODE_POINTS ? 'too_long' : null;
}

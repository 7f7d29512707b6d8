/** Progress goes to stderr, so stdout carries nothing but the final table. */
const started = performance.now();

export const progress = (message: string): void => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`[bench +${seconds}s] ${message}\n`);
};

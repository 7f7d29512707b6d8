// Test fixture, preloaded into the start entry: the first line on stdin throws an uncaught
// error, as a bug in a request handler's callback would, so a test can watch the shutdown.
process.stdin.once('data', () => {
  setImmediate(() => {
    throw new Error('uncaught, on purpose');
  });
});

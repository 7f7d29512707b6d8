#!/usr/bin/env node
// The SDK warns about Node 20 on every client it builds; an ops tool's stderr is for its own messages.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// A dynamic import, because static imports would load the SDK before the line above runs.
const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

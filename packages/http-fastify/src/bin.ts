#!/usr/bin/env node
// `npx cruddur-messaging`: the host from an installed package, the same entry as `npm start`.
// The SDK warns about Node 20 on every client it builds; set before any SDK module loads.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await import('./start.js');

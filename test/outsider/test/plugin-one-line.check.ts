import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { app, runIn } from './project.js';

// Issue 9 item 2: not yet part of `npm test` (the plugin still relies on the host's error
// handler, validator and 404 handler). Run with `npm run check:plugin -w @cruddur/test-outsider`;
// once it passes, rename this file to plugin-one-line.test.ts.
it('messagingPlugin registered with one line in a fresh Fastify app answers as the README documents', async () => {
  copyFileSync(new URL('../fixture/plugin-app.mjs', import.meta.url), join(app(), 'plugin-app.mjs'));
  const { stdout } = await runIn('node', ['plugin-app.mjs']);
  expect(JSON.parse(stdout)).toEqual({
    missingToken: { status: 401, code: 'unauthenticated' },
    blankMessage: { status: 422, code: 'message_blank' },
    badBody: { status: 400, code: 'invalid_request' },
    unknownRoute: { status: 404, code: 'route_not_found' },
  });
});

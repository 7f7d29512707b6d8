import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { app, runIn } from './project.js';

// The plugin sets its own error handler, validator, 404 handler and JSON parser: an app with
// none of them (fixture/plugin-app.mjs, plain `Fastify()`) gets the README's statuses.
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

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatBanner } from '../../src/banner.js';
import type { HostConfig } from '../../src/config.js';
import { DEFAULT_EDGE_SETTINGS } from '../../src/edge/edge-settings.js';
import { composeHost, type RunningHost } from '../../src/host.js';

const config: HostConfig = { port: 0, host: '127.0.0.1', backend: { kind: 'memory' } };
let host: RunningHost;
let banner: string;

beforeAll(async () => {
  host = await composeHost(config);
  const address = await host.app.listen({ port: 0, host: '127.0.0.1' });
  banner = formatBanner({ address, config, host });
});
afterAll(() => host.close());

it('names the URL, the docs and the demo handles', () => {
  expect(banner).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ {2}\(in-memory adapters\)/);
  expect(banner).toContain('/docs');
  expect(banner).toContain('@mira, @tomas, @ines, @kofi');
});

it('says which origins may call the host from a browser', () => {
  expect(banner).toContain('CORS:      no cross-origin access');
  const open = formatBanner({ address: 'http://x', config: { ...config, edge: { ...DEFAULT_EDGE_SETTINGS, corsOrigins: '*' } }, host });
  expect(open).toContain('CORS:      any origin');
  const listed = { ...DEFAULT_EDGE_SETTINGS, corsOrigins: ['https://a.example', 'https://b.example'] };
  expect(formatBanner({ address: 'http://x', config: { ...config, edge: listed }, host })).toContain(
    'CORS:      https://a.example, https://b.example',
  );
});

it('prints a curl line that works as printed', async () => {
  const curl = banner.split('\n').find((line) => line.trim().startsWith('curl '));
  expect(curl).toBeDefined();
  const { stdout } = await promisify(execFile)('sh', ['-c', `${curl} -w '\\n%{http_code}'`]);
  const [body = '', status] = stdout.split('\n');
  expect(status).toBe('200');
  expect(JSON.parse(body).map((g: { handle: string }) => g.handle)).toEqual(['ines', 'tomas']);
});

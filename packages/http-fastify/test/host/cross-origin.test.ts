import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EDGE_SETTINGS } from '../../src/edge/edge-settings.js';
import { composeHost, type RunningHost } from '../../src/host.js';
import { chromiumRunnable, launchChromium } from '@cruddur/engines/chromium';

/** A page server on its own port, i.e. its own origin, like a frontend deployed apart from the API. */
async function servePage(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_request, response) => {
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><title>frontend</title><p>hi</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let page: { server: Server; origin: string };
let stranger: { server: Server; origin: string };
let host: RunningHost;
let api: string;
let token: string;

beforeAll(async () => {
  page = await servePage();
  stranger = await servePage();
  host = await composeHost({
    port: 0,
    host: '127.0.0.1',
    backend: { kind: 'memory' },
    edge: { ...DEFAULT_EDGE_SETTINGS, corsOrigins: [page.origin] },
  });
  api = await host.app.listen({ port: 0, host: '127.0.0.1' });
  const issued = await fetch(`${api}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle: 'mira' }),
  });
  token = ((await issued.json()) as { access_token: string }).access_token;
});
afterAll(async () => {
  await host.close();
  page.server.close();
  stranger.server.close();
});

describe('cross-origin calls to a listening host', () => {
  it('answers a real preflight from the listed origin with 204 and the CORS headers', async () => {
    const response = await fetch(`${api}/api/messages`, {
      method: 'OPTIONS',
      headers: {
        origin: page.origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(page.origin);
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization, Content-Type');
    expect(response.headers.get('vary')).toContain('Origin');
  });
});

describe.runIf(chromiumRunnable())('a page on another origin, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('reads a page of the inbox with its paging headers and posts a message, with a bearer token', async () => {
    const tab = await browser.newPage();
    await tab.goto(page.origin);
    const result = await tab.evaluate(
      async ({ api, token }) => {
        const auth = { authorization: `Bearer ${token}` };
        const list = await fetch(`${api}/api/message_groups?limit=1`, { headers: auth });
        const groups = (await list.json()) as Array<{ uuid: string; handle: string }>;
        const link = list.headers.get('link');
        const cursor = list.headers.get('x-next-cursor');
        const next = await fetch(
          `${api}/api/message_groups?limit=1&cursor=${encodeURIComponent(cursor ?? '')}`,
          {
            headers: auth,
          },
        );
        const sent = await fetch(`${api}/api/messages`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ message: 'from another origin', message_group_uuid: groups[0]?.uuid }),
        });
        const refused = await fetch(`${api}/api/message_groups`, {
          headers: { authorization: 'Bearer nope' },
        });
        return {
          status: list.status,
          handles: groups.map((g) => g.handle),
          link,
          cursor,
          nextHandles: ((await next.json()) as Array<{ handle: string }>).map((g) => g.handle),
          sent: { status: sent.status, body: await sent.json() },
          refused: { status: refused.status, challenge: refused.headers.get('www-authenticate') },
        };
      },
      { api, token },
    );
    expect(result.status).toBe(200);
    expect(result.handles).toHaveLength(1);
    expect(result.link).toMatch(/^<\/api\/message_groups\?limit=1&cursor=.+>; rel="next"$/);
    expect(result.cursor).toBeTruthy();
    expect(result.nextHandles).toHaveLength(1);
    expect(result.nextHandles).not.toEqual(result.handles);
    expect(result.sent.status).toBe(200);
    expect(result.sent.body).toMatchObject({ message: 'from another origin', handle: 'mira' });
    expect(result.refused).toEqual({ status: 401, challenge: 'Bearer error="invalid_token"' });
  });

  it('is blocked by the browser from an origin that is not listed, and nothing is sent', async () => {
    const tab = await browser.newPage();
    await tab.goto(stranger.origin);
    const outcome = await tab.evaluate(
      async ({ api, token }) => {
        try {
          await fetch(`${api}/api/messages`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ message: 'should never arrive', handle: 'tomas' }),
          });
          return 'answered';
        } catch (error) {
          return (error as Error).name;
        }
      },
      { api, token },
    );
    expect(outcome).toBe('TypeError');
    const inbox = await fetch(`${api}/api/message_groups`, { headers: { authorization: `Bearer ${token}` } });
    expect(JSON.stringify(await inbox.json())).not.toContain('should never arrive');
  });
});

import type { User } from '@cruddur/core';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './support/messaging.js';
import { buildTestApp, type TestApp } from './support/test-app.js';

describe('HTTP API under random input', () => {
  let t: TestApp;
  let mira: User;
  let group: string;

  beforeAll(async () => {
    t = await buildTestApp();
    mira = await t.aUser('mira');
    group = (await send(t, mira, await t.aUser('otto'), 'hi')).message_group_uuid;
  });
  afterAll(() => t.close());

  const segment = () =>
    fc.oneof(
      fc.string({ maxLength: 80 }).map(encodeURIComponent),
      fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '..', '@', '@otto', 'short', '', 'api', 'messages'),
      fc.uuid(),
      fc.constant('{group}'),
    );
  const path = () =>
    fc.oneof(
      fc.constantFrom(
        '/api/message_groups',
        '/api/messages',
        '/api/messages/{group}',
        '/api/users/@otto/short',
        '/healthz',
        '/readyz',
        '/dev/token',
        '/dev/users',
        '/openapi.json',
      ),
      fc
        .tuple(fc.constantFrom('/api/messages/', '/api/users/@', '/api/', '/'), segment())
        .map(([a, b]) => a + b),
      fc.array(segment(), { maxLength: 5 }).map((parts) => `/${parts.join('/')}`),
    );
  const query = () =>
    fc.option(
      fc
        .dictionary(
          fc.constantFrom('limit', 'cursor', 'x', 'limit[]', '__proto__'),
          fc.oneof(fc.string({ maxLength: 40 }), fc.integer().map(String), fc.string({ maxLength: 2000 })),
          { maxKeys: 3 },
        )
        .map((params) => new URLSearchParams(params).toString()),
    );
  const mostly = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) =>
    fc.oneof({ arbitrary: usual, weight: 5 }, { arbitrary: odd, weight: 1 });
  const messageBody = () =>
    fc
      .record({
        message: mostly(fc.string({ maxLength: 1100, unit: 'grapheme' }), fc.jsonValue()),
        handle: mostly(
          fc.constantFrom('otto', 'mira', 'nobody', 'a.b-c_d'),
          fc.oneof(fc.string(), fc.jsonValue()),
        ),
        group: mostly(fc.constant(group), fc.oneof(fc.uuid(), fc.string(), fc.jsonValue())),
        target: fc.constantFrom('handle', 'handle', 'group', 'group', 'both', 'neither'),
        extra: fc.option(fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue(), { maxKeys: 2 }), {
          freq: 8,
        }),
      })
      .map(({ message, handle, group: groupUuid, target, extra }) => ({
        ...extra,
        message,
        ...(target === 'handle' || target === 'both' ? { handle } : {}),
        ...(target === 'group' || target === 'both' ? { message_group_uuid: groupUuid } : {}),
      }));
  const body = () =>
    fc.option(
      fc.oneof(
        messageBody().map((value) => JSON.stringify(value)),
        fc.jsonValue().map((value) => JSON.stringify(value)),
        fc.string({ maxLength: 200, unit: 'binary' }),
        fc.constantFrom('{', '{"__proto__": {"a": 1}}', '{"constructor": {"prototype": {}}}', '[]', ''),
      ),
    );
  const request = () =>
    fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'),
      path: path(),
      query: query(),
      body: body(),
      contentType: fc.option(
        fc.oneof(
          fc.constantFrom(
            'application/json',
            'application/json; charset=utf-8',
            'text/plain',
            'multipart/form-data',
          ),
          fc.stringMatching(/^[a-z/+.;= -]{0,30}$/),
        ),
      ),
      auth: fc.constantFrom('none', 'valid', 'garbage', 'basic'),
    });

  /** Aimed at the API routes with JSON and mostly valid tokens, so input reaches schemas and use cases. */
  const apiRequest = () =>
    fc.oneof(
      fc.record({
        method: fc.constant('POST' as const),
        path: fc.constant('/api/messages'),
        query: fc.constant(null),
        body: messageBody().map((value) => JSON.stringify(value)),
        contentType: fc.constant('application/json'),
        auth: fc.constantFrom('valid', 'valid', 'valid', 'none', 'garbage'),
      }),
      fc.record({
        method: fc.constant('GET' as const),
        path: fc.oneof(
          fc.constantFrom('/api/message_groups', '/api/messages/{group}', '/api/users/@otto/short'),
          fc.tuple(fc.constantFrom('/api/messages/', '/api/users/@'), segment()).map(([a, b]) => a + b),
        ),
        query: query(),
        body: fc.constant(null),
        contentType: fc.constant(null),
        auth: fc.constantFrom('valid', 'valid', 'none', 'garbage'),
      }),
    );

  it.each([
    ['any request', request],
    ['API requests', apiRequest],
  ])('never answers %s with a 5xx, and every error is JSON with a code', async (_name, arbitrary) => {
    await fc.assert(
      fc.asyncProperty(arbitrary(), async (r) => {
        const url = r.path.replaceAll('{group}', group) + (r.query ? `?${r.query}` : '');
        const headers: Record<string, string> = {};
        if (r.contentType !== null) headers['content-type'] = r.contentType;
        if (r.auth === 'valid') headers.authorization = `Bearer ${t.tokenFor(mira)}`;
        if (r.auth === 'garbage') headers.authorization = 'Bearer eyJhbGciOi.JIUzI1NiJ9.e30';
        if (r.auth === 'basic') headers.authorization = 'Basic Zm9vOmJhcg==';
        const options: InjectOptions = { method: r.method, url, headers };
        const response = await t.app.inject(r.body === null ? options : { ...options, payload: r.body });

        expect(response.statusCode, `${r.method} ${url} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
        if (response.statusCode >= 400 && r.method !== 'HEAD') {
          expect(response.json<{ code?: unknown }>().code, `${r.method} ${url}`).toEqual(expect.any(String));
        }
      }),
      { numRuns: 300 },
    );
  });
});

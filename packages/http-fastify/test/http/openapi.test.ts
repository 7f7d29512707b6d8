import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './support/test-app.js';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, unknown> };
}

describe('OpenAPI', () => {
  let t: TestApp;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await buildTestApp();
    const response = await t.get('/openapi.json');
    expect(response.statusCode).toBe(200);
    doc = response.json<OpenApiDocument>();
  });
  afterAll(() => t.close());

  it('lists every route with its methods', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );

    expect(operations.sort()).toEqual(
      [
        'GET /api/message_groups',
        'GET /api/messages/{message_group_uuid}',
        'POST /api/messages',
        'POST /api/message_groups/{message_group_uuid}/read',
        'GET /api/users/@{handle}/short',
        'GET /api/events',
        'POST /api/events/ticket',
        'GET /healthz',
        'GET /readyz',
        'GET /.well-known/jwks.json',
        'POST /dev/token',
        'GET /dev/users',
      ].sort(),
    );
    expect(doc.openapi).toMatch(/^3\./);
  });

  it('marks the API routes as bearer-protected and documents their errors', () => {
    expect(doc.components.securitySchemes).toHaveProperty('bearerAuth');
    const inbox = doc.paths['/api/message_groups']?.get;
    expect(inbox?.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(inbox?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '503']));
    expect(Object.keys(doc.paths['/api/messages']?.post?.responses ?? {})).toContain('422');
  });

  it('documents the event stream, its ticket and the message event payload', () => {
    const stream = doc.paths['/api/events']?.get as unknown as {
      responses: Record<
        string,
        { content?: Record<string, { schema: { anyOf: Array<{ properties: Record<string, { enum?: string[] }> }> } }> }
      >;
    };
    const events = stream.responses['200']?.content?.['text/event-stream']?.schema.anyOf ?? [];
    expect(events.map((e) => [e.properties.event?.enum?.[0], Object.keys(e.properties)])).toEqual([
      ['message', ['event', 'id', 'data']],
      ['read', ['event', 'data']],
    ]);
    expect(Object.keys(stream.responses)).toEqual(expect.arrayContaining(['200', '401', '429', '503']));
    expect(doc.paths['/api/events/ticket']?.post?.security).toEqual([{ bearerAuth: [] }]);
  });

  it('serves the docs UI', async () => {
    const response = await t.get('/docs');
    const page = response.statusCode === 302 ? await t.get(String(response.headers.location)) : response;

    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});

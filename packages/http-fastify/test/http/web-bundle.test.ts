import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeHost } from '../../src/host.js';

// No request here carries a token: a verifier that refuses everything is enough.
const verifier = { verify: () => Promise.reject(new Error('no tokens in these tests')) };

/** The host's composition root in memory mode, serving the bundle from `root`. */
async function appServing(root: string): Promise<FastifyInstance> {
  const { app } = await composeHost(
    { port: 0, host: '127.0.0.1', backend: { kind: 'memory' } },
    { tokens: { verifier, devIssuer: null }, webRoot: root },
  );
  return app;
}

describe('the browser bundle at /', () => {
  const root = mkdtempSync(join(tmpdir(), 'web-bundle-'));
  let app: FastifyInstance;
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>client</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = await appServing(root);
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("answers / and the client's routes with index.html, fetched fresh", async () => {
    for (const url of [
      '/',
      '/sign-in',
      '/messages/0b6f0c5e-7e4a-4f51-9d5d-1c3e0e7b2a11',
      '/messages/new/mira',
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<title>client</title>');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('leaves unknown API paths and other files to the JSON 404', async () => {
    for (const url of ['/api/nope', '/api/messages/x/y', '/nope.js', '/messagesx']) {
      const response = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().code).toBe('route_not_found');
    }
  });

  it('serves nothing at / when there is no bundle', async () => {
    const bare = await appServing(join(root, 'missing'));
    const response = await bare.inject({ url: '/' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('route_not_found');
    await bare.close();
  });
});

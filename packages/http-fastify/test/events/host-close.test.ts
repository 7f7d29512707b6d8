import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SharedEngines, startSharedEngines } from './support/shared-engines.js';

/** Server-side, a closed connection's backend goes away a moment after the client ends it. */
async function settle(read: () => Promise<number>, want: number): Promise<number> {
  const until = Date.now() + 10_000;
  let seen = await read();
  while (seen !== want && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await read();
  }
  return seen;
}

describe('app.close() of a composed aws-mode host', { timeout: 120_000 }, () => {
  let engines: SharedEngines;
  beforeAll(async () => {
    engines = await startSharedEngines();
  });
  afterAll(() => engines?.close());

  it('releases its pool and its LISTEN connection: no PostgreSQL connection is left', async () => {
    const before = await engines.hostConnections();
    const host = await engines.startHost();
    const [ada, bo] = [await engines.aUser('ada'), await engines.aUser('bo')];
    const sent = await fetch(`${host.url}/api/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${engines.tokenFor(ada)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ handle: bo.handle, message: 'before closing' }),
    });
    expect(sent.status).toBe(200);
    // The pool answered the send's user lookups, and the LISTEN connection is its own.
    expect(await engines.hostConnections()).toBeGreaterThanOrEqual(before + 2);
    await host.app.close();
    expect(await settle(() => engines.hostConnections(), before)).toBe(before);
  });
});

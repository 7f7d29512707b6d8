import { freePort, ListUsersStub, pgMemDatabase, type StubUser } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, runCli } from './run-cli.js';

const POOL = 'us-east-1_CliTest';
const user = (handle: string, sub: string): StubUser => ({
  Username: `cognito-${handle}`,
  Attributes: [
    { Name: 'sub', Value: sub },
    { Name: 'preferred_username', Value: handle },
  ],
});

let stub: ListUsersStub;
let env: Record<string, string>;

beforeAll(async () => {
  // Two pages: cognito-local ignores PaginationToken, so the stub plays the real API.
  stub = await ListUsersStub.start([
    [user('mira', 'sub-mira'), user('tomas', 'sub-tomas')],
    [user('ines', 'sub-ines'), user('stranger', 'sub-stranger')],
  ]);
  env = { AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: stub.endpoint, AWS_COGNITO_USER_POOL_ID: POOL };
});
afterAll(() => stub.close());

describe('cognito list-users', () => {
  it('lists the users of every page', async () => {
    const users = jsonOf<Array<{ handle: string; sub: string }>>(
      await runCli(['cognito', 'list-users', '--json'], { env }),
    );
    expect(users.map((u) => u.handle)).toEqual(['mira', 'tomas', 'ines', 'stranger']);
    const table = await runCli(['cognito', 'list-users'], { env });
    expect(table.stdout).toMatch(/^stranger\s+sub-stranger$/m);
    expect(table.stdout).toContain(`4 users in ${stub.endpoint}, pool ${POOL}`);
  });

  it('needs a user pool id', async () => {
    const { code, stderr } = await runCli(['cognito', 'list-users'], {
      env: { ...env, AWS_COGNITO_USER_POOL_ID: '' },
    });
    expect([code, stderr]).toEqual([
      2,
      'cruddur-ops: no user pool: pass --user-pool-id or set AWS_COGNITO_USER_POOL_ID\n',
    ]);
  });

  it('names the endpoint it could not reach', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const { code, stderr } = await runCli(['cognito', 'list-users', '--user-pool-id', POOL], {
      env: { AWS_ENDPOINT_URL: endpoint },
    });
    expect([code, stderr]).toEqual([
      1,
      `cruddur-ops: cannot reach Cognito at ${endpoint}, pool ${POOL}: connection refused (ECONNREFUSED)\n`,
    ]);
  });
});

describe('cognito sync-user-ids', () => {
  it('links users by handle and reports each one', async () => {
    const openPostgres = pgMemDatabase();
    await runCli(['db', 'migrate'], { env, openPostgres });
    await runCli(['db', 'seed'], { env, openPostgres });
    const first = await runCli(['cognito', 'sync-user-ids'], { env, openPostgres });
    expect(first.stdout).toMatch(/^mira\s+sub-mira\s+linked$/m);
    expect(first.stdout).toMatch(/^stranger\s+sub-stranger\s+no_local_user$/m);
    expect(first.stdout).toContain('3 linked, 1 no_local_user');
    expect(first.stdout).toContain('no_local_user: 1 user(s) have no user row with that handle');

    const again = jsonOf<Array<{ handle: string; outcome: string }>>(
      await runCli(['cognito', 'sync-user-ids', '--json'], { env, openPostgres }),
    );
    expect(again.map((line) => line.outcome)).toEqual([
      'already_linked',
      'already_linked',
      'already_linked',
      'no_local_user',
    ]);
  });
});

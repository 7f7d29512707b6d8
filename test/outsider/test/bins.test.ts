import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app, runIn, startInstalledHost } from './project.js';

describe('the installed bins', () => {
  it('npx cruddur-ops --help lists the command groups', async () => {
    const { stdout } = await runIn('npx', ['--no-install', 'cruddur-ops', '--help']);
    for (const group of ['ddb', 'db', 'cognito']) expect(stdout).toContain(group);
  });

  it('cruddur-messaging starts the host on in-memory adapters, answers, and stops on SIGTERM', async () => {
    const host = await startInstalledHost(['--memory']);
    const health = await fetch(`${host.address}/healthz`);
    expect(health.status).toBe(200);
    const groups = await fetch(`${host.address}/api/message_groups`);
    expect(groups.status).toBe(401);
    expect(await host.stop()).toBe(0);
  });

  it('cruddur-messaging in embedded mode says it needs @cruddur/engines, which a production install lacks', async () => {
    const host = spawn(join(app(), 'node_modules/.bin/cruddur-messaging'), [], {
      cwd: app(),
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: string[] = [];
    host.stdout.on('data', (chunk) => chunks.push(String(chunk)));
    host.stderr.on('data', (chunk) => chunks.push(String(chunk)));
    const [code] = await once(host, 'exit');
    expect(code).toBe(1);
    expect(chunks.join('')).toContain('Embedded mode needs the @cruddur/engines package');
  });
});

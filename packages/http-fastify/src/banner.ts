import type { HostConfig } from './config.js';
import { DEFAULT_EDGE_SETTINGS, describeCors } from './edge/edge-settings.js';
import type { RunningHost } from './host.js';

const BACKEND_NAMES = {
  memory: 'in-memory adapters',
  embedded: 'embedded engines',
  aws: 'AWS (DynamoDB, PostgreSQL, Cognito)',
} as const;

/** What a developer needs after `npm start`: where it runs, who to be, and one working request. */
export function formatBanner({ address, config, host }: { address: string; config: HostConfig; host: RunningHost }): string {
  const lines = [
    '',
    `Cruddur Messaging is listening on ${address}  (${BACKEND_NAMES[config.backend.kind]})`,
    `  API docs:  ${address}/docs`,
    `  CORS:      ${describeCors((config.edge ?? DEFAULT_EDGE_SETTINGS).corsOrigins)}`,
  ];
  if (host.embedded) lines.push(`  Data:      ${dataLine(host.embedded.dataDir)}`);
  const [first] = host.demoUsers;
  if (host.devIssuer && first?.cognitoUserId) {
    const token = host.devIssuer.issueAccessToken({ sub: first.cognitoUserId, username: first.handle });
    lines.push(
      `  Demo users: ${host.demoUsers.map((u) => `@${u.handle}`).join(', ')}`,
      `  Token for @${first.handle} (valid ${Math.round(token.expiresIn / 60)} min; more from POST ${address}/dev/token {"handle":"..."}):`,
      '',
      `  ${token.accessToken}`,
      '',
      '  Try:',
      `  curl -s -H "Authorization: Bearer ${token.accessToken}" ${address}/api/message_groups`,
      '',
    );
  }
  return lines.join('\n');
}

const dataLine = (dataDir: string | null): string =>
  dataDir === null
    ? 'in memory (dynalite + pg-mem): gone when the process exits'
    : `${dataDir} (dynalite's LevelDB + embedded PostgreSQL), kept across restarts; \`npm start -- --reset\` starts over`;

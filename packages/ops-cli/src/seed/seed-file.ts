import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { DEMO_SEED } from './demo-seed.js';
import type { SeedConversation, SeedData, SeedMessage, SeedUser } from './seed-data.js';

/**
 * Reads a seed file: the table's and the API's snake_case names, e.g.
 * `{ "users": [{ "uuid", "handle", "display_name", "email"? }],
 *    "conversations": [{ "group_uuid"?, "members": [h, h],
 *                        "messages": [{ "uuid"?, "from", "message", "created_at"? }] }] }`.
 * Shape errors name the file and the JSON path, so a typo is found without a debugger.
 */
type Fail = (path: string, problem: string) => never;

const reader = (fail: Fail) => {
  const object = (value: unknown, path: string): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : fail(path, 'expected an object');
  const list = (value: unknown, path: string): unknown[] =>
    Array.isArray(value) ? value : fail(path, 'expected an array');
  const text = (value: unknown, path: string): string =>
    typeof value === 'string' && value !== '' ? value : fail(path, 'expected a non-empty string');
  const optional = (value: unknown, path: string): string | undefined =>
    value === undefined ? undefined : text(value, path);
  return { object, list, text, optional };
};

const parse = (json: unknown, fail: Fail): SeedData => {
  const { object, list, text, optional } = reader(fail);
  const root = object(json, '$');
  const users = list(root.users, '$.users').map((raw, i): SeedUser => {
    const path = `$.users[${i}]`;
    const user = object(raw, path);
    const handle = text(user.handle, `${path}.handle`);
    return {
      uuid: text(user.uuid, `${path}.uuid`),
      handle,
      displayName: text(user.display_name, `${path}.display_name`),
      // `users.email` is NOT NULL, but a file made for DynamoDB alone should not need one.
      email: optional(user.email, `${path}.email`) ?? `${handle}@cruddur.test`,
    };
  });
  const conversations = list(root.conversations ?? [], '$.conversations').map((raw, i): SeedConversation => {
    const path = `$.conversations[${i}]`;
    const conversation = object(raw, path);
    const members = list(conversation.members, `${path}.members`).map((m, j) =>
      text(m, `${path}.members[${j}]`),
    );
    const [first, second, ...extra] = members;
    if (first === undefined || second === undefined || extra.length > 0)
      fail(`${path}.members`, 'expected two handles');
    const messages = list(conversation.messages, `${path}.messages`).map((rawMessage, j): SeedMessage => {
      const at = `${path}.messages[${j}]`;
      const message = object(rawMessage, at);
      return {
        uuid: optional(message.uuid, `${at}.uuid`),
        from: text(message.from, `${at}.from`),
        text: text(message.message, `${at}.message`),
        createdAt: optional(message.created_at, `${at}.created_at`),
      };
    });
    return {
      groupUuid: optional(conversation.group_uuid, `${path}.group_uuid`),
      members: [first, second],
      messages,
    };
  });
  return { users, conversations };
};

/** The demo set, or the file given with `--file`. */
export const loadSeed = async (file: string | undefined): Promise<SeedData> => {
  if (file === undefined) return DEMO_SEED;
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    throw new UsageError(`cannot read seed file ${file}${code}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new UsageError(
      `seed file ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parse(json, (path, problem) => {
    throw new UsageError(`seed file ${file}: ${path}: ${problem}`);
  });
};

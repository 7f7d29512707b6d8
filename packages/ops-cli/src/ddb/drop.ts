import { DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { type Command, YES_OPTION } from '../command.js';
import { CliError, UsageError } from '../errors.js';
import type { MessagesTableRef } from '@cruddur/http-fastify/composition';

const isMissing = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ResourceNotFoundException';

/** AWS deletes a table in the background; the command returns once it is really gone. */
const waitUntilGone = async ({ client, tableName }: MessagesTableRef, timeoutMs = 120_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await client.send(new DescribeTableCommand({ TableName: tableName }));
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    if (Date.now() > deadline)
      throw new CliError(`table ${tableName} is still being deleted after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

export const drop: Command = {
  name: 'drop',
  summary: 'delete the messages table and everything in it (needs --yes)',
  details: 'Refuses without --yes. A table that does not exist is reported, not an error.',
  options: YES_OPTION,
  async run({ args, out, session }) {
    const tableName = session.tableName();
    if (!args.flag('yes')) {
      throw new UsageError(
        `ddb drop deletes table ${tableName} and every message in it; add --yes to confirm`,
      );
    }
    const table = session.dynamo();
    const outcome = await session.call('dynamodb', async () => {
      try {
        await table.client.send(new DeleteTableCommand({ TableName: tableName }));
      } catch (error) {
        if (isMissing(error)) return 'absent' as const;
        throw error;
      }
      await waitUntilGone(table);
      return 'deleted' as const;
    });
    out.result({ table: tableName, outcome }, () =>
      outcome === 'deleted'
        ? `deleted table ${tableName} at ${session.where('dynamodb')}`
        : `table ${tableName} does not exist at ${session.where('dynamodb')}; nothing to delete`,
    );
  },
};

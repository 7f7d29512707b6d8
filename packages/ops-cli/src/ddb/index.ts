import type { CommandGroup } from '../command.js';
import { LOCAL_DYNAMO_ENDPOINT } from '../targets.js';
import { conversation } from './conversation.js';
import { conversations } from './conversations.js';
import { drop } from './drop.js';
import { listTables } from './list-tables.js';
import { repair } from './repair.js';
import { scan } from './scan.js';
import { schemaLoad } from './schema-load.js';
import { seed } from './seed.js';

export const ddbGroup: CommandGroup = {
  name: 'ddb',
  summary: 'the DynamoDB messages table',
  options: {
    table: {
      type: 'string',
      value: '<name>',
      description: 'table name (default: DDB_MESSAGE_TABLE, else cruddur-messages)',
    },
  },
  environment: [
    [
      'AWS_ENDPOINT_URL_DYNAMODB',
      `endpoint (else AWS_ENDPOINT_URL, else ${LOCAL_DYNAMO_ENDPOINT}); refused with --prod`,
    ],
    ['AWS_REGION', 'region (else AWS_DEFAULT_REGION; us-east-1 locally, required with --prod)'],
    ['DDB_MESSAGE_TABLE', 'table name (default cruddur-messages)'],
    ['CONNECTION_URL', 'PostgreSQL, only for "conversations <handle>" (see "db --help")'],
  ],
  commands: [schemaLoad, drop, listTables, scan, seed, conversation, conversations, repair],
};

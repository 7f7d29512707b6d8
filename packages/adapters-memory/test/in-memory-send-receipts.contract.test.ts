import { runSendReceiptsContract } from '@cruddur/core/testing';
import { InMemorySendReceipts } from '../src/index.js';

runSendReceiptsContract('memory', async () => new InMemorySendReceipts());

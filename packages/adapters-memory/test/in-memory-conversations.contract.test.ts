import { runConversationsContract } from '@cruddur/core/testing';
import { InMemoryConversations } from '../src/index.js';

runConversationsContract(
  'memory',
  async () => {
    const conversations = new InMemoryConversations();
    // The adapter carries the backdoor method itself: its stored rows are its own state.
    return { conversations, backdoor: conversations };
  },
  // Its calls run without awaiting, so parallel sends cannot race here; the engines' runs race them.
  { interleaves: false },
);

import { expect, it } from 'vitest';
import { walkThroughConversation } from './conversation.js';

it('walks a conversation through the use cases on the memory adapters', async () => {
  const log: string[] = [];
  const transcript = await walkThroughConversation((line) => log.push(line));
  expect(transcript).toEqual(['ada: Hi Linus!', 'linus: Hello Ada, good to hear from you.']);
  expect(log).toContain('rejected: message_blank');
  expect(log).toContain('inbox of linus: ada said "Hello Ada, good to hear from you."');
});

import { runMessageEventsContract } from '@cruddur/core/testing';
import { InMemoryConversations, InMemoryMessageEvents } from '../src/index.js';

runMessageEventsContract('memory', async () => {
  // One process: the "other host" is the same instance.
  const events = new InMemoryMessageEvents();
  return { events, peer: events, conversations: new InMemoryConversations() };
});

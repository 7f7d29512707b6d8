import { runReadMarkersContract } from '@cruddur/core/testing';
import { InMemoryConversations, InMemoryReadMarkers } from '../src/index.js';

runReadMarkersContract('memory', async () => {
  const conversations = new InMemoryConversations();
  return { conversations, readMarkers: new InMemoryReadMarkers(conversations) };
});

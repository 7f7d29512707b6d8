import {
  type Clock,
  CreateMessage,
  FollowMessages,
  type Message,
  type MessageEvents,
  type MessageListener,
  RandomIdGenerator,
  SystemClock,
} from '@cruddur/core';
import { describe, expect, it } from 'vitest';
import { InMemoryConversations, InMemoryMessageEvents, InMemoryUserDirectory, SteppingClock } from '../../src/index.js';

/** The use cases on the memory adapters, with a fan-out that can be told to fail. */
const aLiveWorld = (clock: Clock = new SteppingClock('2026-01-01T00:00:00Z')) => {
  const users = new InMemoryUserDirectory();
  const conversations = new InMemoryConversations();
  const inner = new InMemoryMessageEvents();
  let down = false;
  const events: MessageEvents = {
    publish: (message, members) => (down ? Promise.reject(new Error('fan-out down')) : inner.publish(message, members)),
    publishRead: (read, members) => (down ? Promise.reject(new Error('fan-out down')) : inner.publishRead(read, members)),
    subscribe: (user, listener) => inner.subscribe(user, listener),
  };
  const deps = { users, conversations, events, clock, ids: new RandomIdGenerator() };
  const createMessage = new CreateMessage(deps);
  const aUser = (handle: string) =>
    users.create({ handle, displayName: handle, email: `${handle}@example.test`, cognitoUserId: `sub-${handle}` });
  return {
    aUser,
    follow: new FollowMessages(deps),
    send: (from: string, to: string, message: string) =>
      createMessage.execute({ mode: 'create', callerSub: `sub-${from}`, handle: to, message }),
    breakFanOut: () => {
      down = true;
    },
  };
};

const collector = () => {
  const received: Message[] = [];
  const listener: MessageListener = { message: (m) => void received.push(m), lost: () => {} };
  return { received, listener };
};

describe('CreateMessage announcing stored messages', () => {
  it("publishes each send once, to the sender's and the receiver's subscribers", async () => {
    const world = aLiveWorld();
    await Promise.all(['ann', 'bo'].map(world.aUser));
    const [ann, bo] = [collector(), collector()];
    await world.follow.execute({ callerSub: 'sub-ann', since: null, maxMissed: 10, listener: ann.listener });
    await world.follow.execute({ callerSub: 'sub-bo', since: null, maxMissed: 10, listener: bo.listener });
    const sent = await world.send('ann', 'bo', 'hello');
    expect(ann.received).toEqual([sent]);
    expect(bo.received).toEqual([sent]);
  });

  it('still reports a stored message as sent when the fan-out is down', async () => {
    const world = aLiveWorld();
    await Promise.all(['ann', 'bo'].map(world.aUser));
    world.breakFanOut();
    await expect(world.send('ann', 'bo', 'stored anyway')).resolves.toMatchObject({ text: 'stored anyway' });
  });
});

describe('FollowMessages', () => {
  it('returns what was missed since an instant across all groups, oldest first, and says when it was all', async () => {
    const world = aLiveWorld();
    await Promise.all(['ann', 'bo', 'cy'].map(world.aUser));
    const before = await world.send('bo', 'ann', 'seen already');
    const missed = [
      await world.send('bo', 'ann', 'one'),
      await world.send('cy', 'ann', 'two'),
      await world.send('ann', 'bo', 'three'),
    ];
    await world.send('bo', 'cy', 'not ann’s');
    const { listener } = collector();
    const all = await world.follow.execute({ callerSub: 'sub-ann', since: missed[0]?.createdAt ?? null, maxMissed: 10, listener });
    expect(all.missed).toEqual(missed);
    expect(all.complete).toBe(true);
    const capped = await world.follow.execute({ callerSub: 'sub-ann', since: before.createdAt, maxMissed: 2, listener });
    expect(capped.missed.map((m) => m.text)).toEqual(['seen already', 'one']);
    expect(capped.complete).toBe(false);
  });

  it('subscribes before reading, so a message stored during the catch-up is heard live', async () => {
    const world = aLiveWorld(new SystemClock());
    await Promise.all(['ann', 'bo'].map(world.aUser));
    const first = await world.send('bo', 'ann', 'first');
    const { received, listener } = collector();
    const catchUp = world.follow.execute({ callerSub: 'sub-ann', since: first.createdAt, maxMissed: 10, listener });
    const during = await world.send('bo', 'ann', 'during');
    const { missed } = await catchUp;
    expect([...missed, ...received].map((m) => m.uuid)).toContain(during.uuid);
  });
});

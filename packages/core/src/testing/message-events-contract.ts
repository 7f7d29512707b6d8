import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, ReadMarkerMoved } from '../domain/message.js';
import type { Participant } from '../domain/user.js';
import type { Conversations } from '../ports/conversations.js';
import type { MessageEvents } from '../ports/message-events.js';
import { aMessage, aParticipant } from './builders.js';
import { type Inbox, listen } from './message-events-contract/inbox.js';

export interface MessageEventsHarness {
  /** The adapter as one host sees it. */
  readonly events: MessageEvents;
  /** The same fan-out seen from a second host (the same instance for a one-process adapter). */
  readonly peer: MessageEvents;
  /** Where the published messages are stored, for adapters that read them back. */
  readonly conversations: Conversations;
  close?(): Promise<void>;
}

/** Run by every `MessageEvents` adapter: `runMessageEventsContract('memory', async () => ...)`. */
export function runMessageEventsContract(name: string, setup: () => Promise<MessageEventsHarness>): void {
  describe(`MessageEvents contract: ${name}`, () => {
    let harness: MessageEventsHarness;
    beforeAll(async () => {
      harness = await setup();
    });
    afterAll(() => harness.close?.());

    /** Stores a message in the pair's group (opened on first use) and publishes it from `events`. */
    const send = async (from: Participant, to: Participant, text?: string, events = harness.events) => {
      const group = await harness.conversations.openGroup([from.uuid, to.uuid], randomUUID());
      const draft = aMessage(group, from, to, text === undefined ? {} : { text });
      const stored = await harness.conversations.append(draft);
      await events.publish(stored, [from.uuid, to.uuid]);
      return stored;
    };
    const uuids = (messages: readonly Message[]) => messages.map((m) => m.uuid);

    it('delivers a published message to both members, on this host and on the other', async () => {
      const [ada, bo] = [aParticipant(), aParticipant()];
      const inboxes: Inbox[] = [listen(harness.events, ada), listen(harness.peer, ada), listen(harness.peer, bo)];
      const sent = await send(ada, bo);
      for (const inbox of inboxes) expect(uuids(await inbox.next(1))).toEqual([sent.uuid]);
      expect((await inboxes[2]?.next(1))?.[0]).toEqual(sent);
      for (const inbox of inboxes) inbox.close();
    });

    it('never delivers to a user outside the group', async () => {
      const [ada, bo, eve, fin] = [aParticipant(), aParticipant(), aParticipant(), aParticipant()];
      const outsider = listen(harness.peer, eve);
      await send(ada, bo);
      // A later message the outsider does get: once it is here, the earlier one had its chance.
      const marker = await send(fin, eve);
      expect(uuids(await outsider.next(1))).toEqual([marker.uuid]);
      outsider.close();
    });

    it('stops delivering to a closed subscription and keeps the other tab of the user', async () => {
      const [ada, bo] = [aParticipant(), aParticipant()];
      const [closed, open] = [listen(harness.peer, bo), listen(harness.peer, bo)];
      closed.close();
      const sent = await send(ada, bo);
      expect(uuids(await open.next(1))).toEqual([sent.uuid]);
      expect(closed.received).toEqual([]);
      open.close();
    });

    it('keeps the order of messages published one after another', async () => {
      const [ada, bo] = [aParticipant(), aParticipant()];
      const inbox = listen(harness.peer, bo);
      const sent: Message[] = [];
      for (let i = 0; i < 20; i += 1) sent.push(await send(ada, bo, `number ${i}`));
      expect(uuids(await inbox.next(20))).toEqual(uuids(sent));
      inbox.close();
    });

    it('carries a 1024-character message of four-byte characters intact', async () => {
      const [ada, bo] = [aParticipant(), aParticipant({ displayName: '🦜'.repeat(200) })];
      const inbox = listen(harness.peer, ada);
      const sent = await send(bo, ada, '🦊'.repeat(1024));
      expect(await inbox.next(1)).toEqual([sent]);
      inbox.close();
    });

    it('delivers a moved read marker to both members on every host, and to no one else', async () => {
      const [ada, bo, eve] = [aParticipant(), aParticipant(), aParticipant()];
      const heard: Array<[string, ReadMarkerMoved]> = [];
      const subscriptions = [
        [harness.events, ada],
        [harness.peer, bo],
        [harness.peer, eve],
      ].map(([events, user]) =>
        (events as MessageEvents).subscribe((user as Participant).uuid, {
          message: () => {},
          read: (read) => void heard.push([(user as Participant).handle, read]),
          lost: () => {},
        }),
      );
      const read: ReadMarkerMoved = {
        groupUuid: randomUUID(),
        reader: { uuid: bo.uuid, handle: bo.handle },
        lastReadAt: '2026-01-01T00:00:01.000001+00:00',
      };
      await harness.events.publishRead(read, [ada.uuid, bo.uuid]);
      // A message to eve afterwards: once it is here, a stray read event had its chance.
      const marker = listen(harness.peer, eve);
      await send(ada, eve);
      await marker.next(1);
      const deadline = Date.now() + 5_000;
      while (heard.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(heard.sort(([x], [y]) => (x < y ? -1 : 1))).toEqual(
        [
          [ada.handle, read],
          [bo.handle, read],
        ].sort(([x], [y]) => ((x as string) < (y as string) ? -1 : 1)),
      );
      for (const subscription of subscriptions) subscription.close();
      marker.close();
    });

    it('keeps delivering to others when one listener throws', async () => {
      const [ada, bo] = [aParticipant(), aParticipant()];
      const broken = harness.peer.subscribe(bo.uuid, {
        message: () => {
          throw new Error('a broken listener');
        },
        lost: () => {},
      });
      const inbox = listen(harness.peer, bo);
      const first = await send(ada, bo);
      const second = await send(ada, bo);
      expect(uuids(await inbox.next(2))).toEqual([first.uuid, second.uuid]);
      broken.close();
      inbox.close();
    });
  });
}

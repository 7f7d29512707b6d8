import { randomUUID } from 'node:crypto';
import { beforeAll, expect } from 'vitest';
import type { Page, PageRequest } from '../../domain/page.js';
import type { Participant } from '../../domain/user.js';
import type { Conversations } from '../../ports/conversations.js';

/** What the suite may read behind the port to check what was really stored. */
export interface ConversationsBackdoor {
  /** Every stored inbox row of the owner, duplicates and leftovers included. */
  storedInboxRows(ownerUuid: string): Promise<Array<{ groupUuid: string; lastMessage: string }>>;
}

export type ConversationsHarness = { conversations: Conversations; backdoor: ConversationsBackdoor };

/** The adapter under test (set up once per suite) and the helpers every section uses. */
export class ContractContext {
  #harness: ConversationsHarness | null = null;

  constructor(setup: () => Promise<ConversationsHarness>) {
    beforeAll(async () => {
      this.#harness = await setup();
    });
  }

  get conversations(): Conversations {
    return this.#ready().conversations;
  }

  get backdoor(): ConversationsBackdoor {
    return this.#ready().backdoor;
  }

  pairGroup(a: Participant, b: Participant): Promise<string> {
    return this.conversations.openGroup([a.uuid, b.uuid], randomUUID());
  }

  /** Every page of a list, following cursors to the end. */
  async readAll<T>(list: (page: PageRequest) => Promise<Page<T>>, limit: number): Promise<T[][]> {
    const pages: T[][] = [];
    let cursor: string | null = null;
    do {
      const page: Page<T> = await list({ limit, cursor });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      pages.push([...page.items]);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 1000);
    return pages;
  }

  #ready(): ConversationsHarness {
    if (!this.#harness) throw new Error('The contract setup has not finished.');
    return this.#harness;
  }
}

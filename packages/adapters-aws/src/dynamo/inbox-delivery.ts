import type { BackgroundRetries } from './background-retries.js';
import type { LastMessage } from './group-item.js';
import type { MessagesTable } from './messages-table.js';
import { claimInbox } from './group-item.js';
import { convergeGroup, putInboxRows, sweepGroup, writeInboxRows } from './sync-inbox.js';

/**
 * A sweep waits this long before reading the group index, so that the sweeps of many sends
 * into one group at once coalesce into a few. Every send schedules its sweep only after its
 * own puts are answered, so some sweep always reads the index after them.
 */
const SWEEP_DELAY_MS = 100;
/** One quick retry of the critical path before the work goes to the background. */
const RETRY_PAUSE_MS = 50;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Steps 2–5 of a send, once its message row is stored. The critical path is the marker claim
 * and both inbox puts (2 round trips); the sweep that deletes the replaced rows runs in the
 * background, one per group at a time. Nothing here throws: what fails is retried once, then
 * handed to the background queue, and the message stays sent.
 */
export class InboxDelivery {
  constructor(
    private readonly table: MessagesTable,
    private readonly background: BackgroundRetries,
  ) {}

  async deliver(last: LastMessage): Promise<void> {
    try {
      await this.criticalPath(last);
    } catch {
      await pause(RETRY_PAUSE_MS);
      try {
        await this.criticalPath(last);
      } catch {
        this.background.schedule(`send:${last.groupUuid}:${last.createdAt}`, () => this.finish(last));
      }
    }
  }

  private async criticalPath(last: LastMessage): Promise<void> {
    if (await claimInbox(this.table, last)) {
      await putInboxRows(this.table, last);
      this.later(`sweep:${last.groupUuid}`, () => sweepGroup(this.table, last.groupUuid));
    } else {
      // A newer message owns the rows; converging from the marker also finishes that send if it died.
      this.later(`converge:${last.groupUuid}`, () => convergeGroup(this.table, last.groupUuid));
    }
  }

  /** A send whose critical path failed twice: claim again (idempotent), then its rows and a sweep. */
  private async finish(last: LastMessage): Promise<void> {
    await ((await claimInbox(this.table, last))
      ? writeInboxRows(this.table, last)
      : convergeGroup(this.table, last.groupUuid));
  }

  private later(key: string, run: () => Promise<void>): void {
    this.background.schedule(key, run, SWEEP_DELAY_MS);
  }
}

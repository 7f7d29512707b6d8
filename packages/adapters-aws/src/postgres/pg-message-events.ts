import {
  type Conversations,
  epochMicrosOf,
  type GroupMembers,
  instantFromEpochMicros,
  ListenersByUser,
  type Message,
  type MessageEvents,
  type MessageListener,
  type MessageSubscription,
  type ReadMarkerMoved,
} from '@cruddur/core';
import pg from 'pg';
import {
  decodeNotification,
  encodeNotification,
  encodeReadNotification,
  type MessageNotification,
  type ReadNotification,
} from './message-notification.js';
import type { PgQueryable } from './pg-pool.js';

export interface PgMessageEventsOptions {
  /** The database every host shares; this host keeps one extra connection on it, for LISTEN. */
  readonly connectionUrl: string;
  /** Where NOTIFY is sent from (the host's pool). */
  readonly pool: PgQueryable;
  /** Where a notified message is read back from (the table every host shares). */
  readonly conversations: Conversations;
  readonly channel?: string;
  /** Wait between attempts to get the LISTEN connection back. Default 1 s. */
  readonly reconnectDelayMs?: number;
  /** Told about connection and read failures; silent by default. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Fan-out across hosts with PostgreSQL LISTEN/NOTIFY on the users database. NOTIFY carries
 * ids only (message-notification.ts); each host reads the message once from `Conversations`
 * when one of its subscribers is a member, and hands messages to subscribers in notification
 * order. Whenever announcements may have been missed (the LISTEN connection dropped, a read
 * failed), the affected listeners are told `lost()` so their clients resume from the table.
 */
export class PgMessageEvents implements MessageEvents {
  readonly #listeners = new ListenersByUser<MessageListener>();
  readonly #channel: string;
  #client: pg.Client | null = null;
  #closed = false;
  /** Deliveries run one after another so subscribers see notification order. */
  #delivery: Promise<void> = Promise.resolve();

  private constructor(private readonly options: PgMessageEventsOptions) {
    this.#channel = options.channel ?? 'cruddur_messages';
    // LISTEN takes an identifier, not a parameter: only plain names get near the SQL.
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.#channel)) throw new RangeError(`Bad channel name: ${this.#channel}`);
  }

  /**
   * Connects the LISTEN connection. A PostgreSQL that is down does not stop the host: the
   * adapter keeps trying, and streams opened meanwhile are told `lost()` once it is back.
   */
  static async start(options: PgMessageEventsOptions): Promise<PgMessageEvents> {
    const events = new PgMessageEvents(options);
    try {
      await events.#listen();
    } catch (error) {
      options.onError?.(error);
      void events.#reconnect();
    }
    return events;
  }

  async publish(message: Message, members: GroupMembers): Promise<void> {
    await this.options.pool.query('SELECT pg_notify($1, $2)', [this.#channel, encodeNotification(message, members)]);
  }

  async publishRead(read: ReadMarkerMoved, members: GroupMembers): Promise<void> {
    await this.options.pool.query('SELECT pg_notify($1, $2)', [this.#channel, encodeReadNotification(read, members)]);
  }

  subscribe(userUuid: string, listener: MessageListener): MessageSubscription {
    return this.#listeners.add(userUuid, listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#client?.end().catch(() => {});
    this.#client = null;
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionUrl, keepAlive: true });
    client.on('notification', ({ payload }) => this.#onNotification(decodeNotification(payload)));
    client.on('error', (error) => this.options.onError?.(error));
    await client.connect();
    try {
      await client.query(`LISTEN ${this.#channel}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    client.once('end', () => this.#onDisconnect());
    this.#client = client;
  }

  #onNotification(notification: MessageNotification | ReadNotification | null): void {
    if (notification === null) return;
    const listeners = this.#listeners.of(notification.members);
    if (listeners.length === 0) return;
    if ('read' in notification) {
      // Carried whole: nothing to read back, but it waits behind earlier messages' deliveries.
      const { read } = notification;
      this.#delivery = this.#delivery.then(() => {
        for (const listener of listeners) guarded(() => listener.read?.(read));
      });
      return;
    }
    // Reads start at once; deliveries wait their turn.
    const read = this.#read(notification);
    this.#delivery = this.#delivery.then(async () => {
      const message = await read;
      for (const listener of listeners) {
        guarded(() => (message === null ? listener.lost() : listener.message(message)));
      }
    });
  }

  async #read({ groupUuid, createdAt, messageUuid }: MessageNotification): Promise<Message | null> {
    try {
      const before = instantFromEpochMicros(epochMicrosOf(createdAt) - 1n);
      const [message] = await this.options.conversations.listMessagesSince(groupUuid, before, 1);
      return message?.uuid === messageUuid ? message : null;
    } catch (error) {
      this.options.onError?.(error);
      return null;
    }
  }

  #onDisconnect(): void {
    this.#client = null;
    if (this.#closed) return;
    this.#tellAllLost();
    void this.#reconnect();
  }

  async #reconnect(): Promise<void> {
    while (!this.#closed && this.#client === null) {
      await new Promise((resolve) => setTimeout(resolve, this.options.reconnectDelayMs ?? 1_000));
      if (this.#closed) return;
      try {
        await this.#listen();
        // Whoever subscribed while the connection was down heard nothing: let them catch up.
        this.#tellAllLost();
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }

  #tellAllLost(): void {
    for (const listener of this.#listeners.all()) guarded(() => listener.lost());
  }
}

/** A throwing listener must not stop the others. */
function guarded(deliver: () => void): void {
  try {
    deliver();
  } catch {
    // the listener's own problem
  }
}

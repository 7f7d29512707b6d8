/** One schema change: statements run in order, in one transaction, recorded under `id`. */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly statements: readonly string[];
}

/**
 * The schema of design §7, as numbered steps. Append new steps; never edit or renumber one that
 * has shipped, since databases record the ids they ran.
 *
 * The SQL is plain so pg-mem and PostgreSQL run the same statements. Hence no column defaults
 * for uuids: pg-mem has neither gen_random_uuid() nor uuid-ossp, so the adapter generates them.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'create users',
    statements: [
      `create table users (
        uuid uuid primary key,
        display_name text not null,
        handle text not null,
        email text not null,
        cognito_user_id text,
        created_at timestamp not null default current_timestamp,
        constraint users_handle_key unique (handle),
        constraint users_cognito_user_id_key unique (cognito_user_id)
      )`,
    ],
  },
  {
    // Kept from the original Cruddur schema so the app's other parts can share the database;
    // messaging does not use it. reply_to_activity_uuid is a uuid: the original first declared
    // it integer, which could not hold an activity uuid, and later migrated it to uuid.
    id: 2,
    name: 'create activities',
    statements: [
      `create table activities (
        uuid uuid primary key,
        user_uuid uuid not null references users (uuid),
        message text not null,
        replies_count integer default 0,
        reposts_count integer default 0,
        likes_count integer default 0,
        reply_to_activity_uuid uuid,
        expires_at timestamp,
        created_at timestamp not null default current_timestamp
      )`,
    ],
  },
  {
    // Event-stream tickets every host can redeem (PgEventTickets): keyed by the ticket's
    // SHA-256, never the ticket itself; expires_at is indexed for the purge of expired rows.
    id: 3,
    name: 'create event_tickets',
    statements: [
      `create table event_tickets (
        ticket_digest text primary key,
        sub text not null,
        username text,
        token_expires_at bigint not null,
        expires_at timestamptz not null
      )`,
      'create index event_tickets_expires_at_idx on event_tickets (expires_at)',
    ],
  },
];

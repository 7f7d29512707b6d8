export { CachingUserDirectory, type CachingUserDirectoryOptions } from './caching-user-directory.js';
export { checkPostgres } from './check-postgres.js';
export { migrate } from './migrate.js';
export { MIGRATIONS, type Migration } from './migrations.js';
export { isPostgresUnavailable } from './pg-errors.js';
export { createPgPool, type PgPool, type PgPoolOptions, type PgQueryable, type PgRow } from './pg-pool.js';
export { PgEventTickets, type PgEventTicketsOptions } from './pg-event-tickets.js';
export { PgMessageEvents, type PgMessageEventsOptions } from './pg-message-events.js';
export { PgUserDirectory } from './pg-user-directory.js';

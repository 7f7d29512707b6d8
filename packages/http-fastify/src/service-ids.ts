import type {
  Clock,
  Conversations,
  CreateMessage,
  EventTickets,
  IdentityProviderDirectory,
  FollowMessages,
  IdGenerator,
  ListMessageGroups,
  ListMessages,
  MarkRead,
  MessageEvents,
  ReadMarkers,
  SendReceipts,
  TokenVerifier,
  UserDirectory,
  UsersShort,
} from '@cruddur/core';
import type { PgPool } from '@cruddur/adapters-aws/postgres';
import type { ContainerModuleLoadOptions } from 'inversify';
import type { MessagesTableRef } from './messages-table-ref.js';
import type { ReadinessCheck } from './routes/health.js';

declare const SERVICE: unique symbol;
/** A service identifier that names what it resolves to: `Services.get(TOKENS.Clock)` is a `Clock`. */
export type ServiceId<T> = symbol & { readonly [SERVICE]?: T };
const id = <T>(name: string): ServiceId<T> => Symbol.for(`cruddur.${name}`) as ServiceId<T>;

/**
 * Service identifiers: ports and use cases, never concrete adapters; and, in aws and embedded
 * mode, the raw table and pool the ports are built on, for tools (the ops CLI's CreateTable,
 * Scan, repair, migrations).
 */
export const TOKENS = {
  MessagesTable: id<MessagesTableRef>('MessagesTable'),
  PgPool: id<PgPool>('PgPool'),
  UserDirectory: id<UserDirectory>('UserDirectory'),
  Conversations: id<Conversations>('Conversations'),
  SendReceipts: id<SendReceipts>('SendReceipts'),
  IdentityProviderDirectory: id<IdentityProviderDirectory>('IdentityProviderDirectory'),
  MessageEvents: id<MessageEvents>('MessageEvents'),
  ReadMarkers: id<ReadMarkers>('ReadMarkers'),
  EventTickets: id<EventTickets>('EventTickets'),
  TokenVerifier: id<TokenVerifier>('TokenVerifier'),
  Clock: id<Clock>('Clock'),
  IdGenerator: id<IdGenerator>('IdGenerator'),
  ReadinessChecks: id<readonly ReadinessCheck[]>('ReadinessChecks'),
  ListMessageGroups: id<ListMessageGroups>('ListMessageGroups'),
  ListMessages: id<ListMessages>('ListMessages'),
  CreateMessage: id<CreateMessage>('CreateMessage'),
  UsersShort: id<UsersShort>('UsersShort'),
  FollowMessages: id<FollowMessages>('FollowMessages'),
  MarkRead: id<MarkRead>('MarkRead'),
} as const;

/** inversify's `bind`, typed by the identifier: binding a Clock where a UserDirectory goes fails the build. */
export const typedBind =
  (bind: ContainerModuleLoadOptions['bind']) =>
  <T>(service: ServiceId<T>) =>
    bind<T>(service);

/** The resolved container as the host uses it: `get` returns what the identifier names. */
export interface Services {
  get<T>(service: ServiceId<T>): T;
}

import type {
  Clock,
  Conversations,
  CreateMessage,
  EventTickets,
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
import type { ContainerModuleLoadOptions } from 'inversify';
import type { ReadinessCheck } from './routes/health.js';

declare const SERVICE: unique symbol;
/** A service identifier that names what it resolves to: `Services.get(TOKENS.Clock)` is a `Clock`. */
export type ServiceId<T> = symbol & { readonly [SERVICE]?: T };
const id = <T>(name: string): ServiceId<T> => Symbol.for(`cruddur.${name}`) as ServiceId<T>;

/** Service identifiers: ports and use cases, never concrete adapters. */
export const TOKENS = {
  UserDirectory: id<UserDirectory>('UserDirectory'),
  Conversations: id<Conversations>('Conversations'),
  SendReceipts: id<SendReceipts>('SendReceipts'),
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

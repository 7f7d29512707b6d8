import { epochMicrosOf, type Instant, instantFromEpochMicros, type Message } from '@cruddur/core';

/**
 * A `message` event's id: `<createdAt in epoch microseconds>-<message uuid>`. The time says
 * where a resuming stream starts reading the table; the uuid names the one message the
 * client already has at that time. URL-safe, so it also works as `?last_event_id=`.
 */
export const eventIdOf = (message: Message): string => `${epochMicrosOf(message.createdAt)}-${message.uuid}`;

const EVENT_ID = /^(\d{1,19})-([0-9A-Za-z-]{1,64})$/;

export interface ResumePoint {
  readonly since: Instant;
  readonly messageUuid: string;
}

/** Null when the id is not one this host hands out. */
export const resumePointOf = (eventId: string): ResumePoint | null => {
  const match = EVENT_ID.exec(eventId);
  if (!match?.[1] || !match[2]) return null;
  return { since: instantFromEpochMicros(BigInt(match[1])), messageUuid: match[2] };
};

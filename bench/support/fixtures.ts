import { randomUUID } from 'node:crypto';
import { type Instant, instantFromEpochMicros, type Participant } from '@cruddur/core';

/** A fixed start keeps runs comparable; one second between messages keeps sort keys apart. */
const START_MICROS = BigInt(Date.UTC(2025, 0, 1)) * 1000n;

export const instantAt = (index: number): Instant =>
  instantFromEpochMicros(START_MICROS + BigInt(index) * 1_000_000n);

export const aParticipant = (label: string): Participant => ({
  uuid: randomUUID(),
  handle: label,
  displayName: `Bench ${label}`,
});

/** About the length of a real chat line, so item sizes are realistic. */
export const chatLine = (index: number): string =>
  `Message ${index}: are we still on for the ridge walk on Saturday morning?`;

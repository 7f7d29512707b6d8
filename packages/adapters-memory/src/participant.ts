import type { Participant } from '@cruddur/core';

/** A frozen copy with only the three fields, so a caller's object never becomes stored state. */
export const frozenParticipant = ({ uuid, handle, displayName }: Participant): Participant =>
  Object.freeze({ uuid, handle, displayName });

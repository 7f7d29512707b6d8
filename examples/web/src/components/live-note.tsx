import { useEffect, useState } from 'react';
import { OFFLINE } from '../api/errors';
import { liveState, onLiveState } from '../live/live';

/** While the host cannot be reached, say so once for every page (the feed keeps retrying). */
export function LiveNote() {
  const [state, setState] = useState(liveState);
  useEffect(() => onLiveState(setState), []);
  if (state !== 'offline') return null;
  return (
    <p className="error live-note" role="alert">
      {OFFLINE.message}
    </p>
  );
}

import { initials } from '../lib/initials';

/** An initials badge; its colour follows the handle so a person keeps theirs everywhere. */
export function Avatar(props: { displayName: string; handle: string }) {
  let hash = 0;
  for (const char of props.handle) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return (
    <span className="avatar" aria-hidden="true" style={{ background: `hsl(${hash} 55% 42%)` }}>
      {initials(props.displayName, props.handle)}
    </span>
  );
}

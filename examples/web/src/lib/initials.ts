/** "Mira Okafor" → "MO"; falls back to the handle's first letter. */
export function initials(displayName: string, handle: string): string {
  const letters = displayName
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => Array.from(word)[0] ?? '')
    .join('');
  const pick = Array.from(letters);
  const chosen = pick.length > 1 ? `${pick[0]}${pick[pick.length - 1]}` : (pick[0] ?? handle.slice(0, 1));
  return chosen.toUpperCase();
}

/** The `cursor` of a `Link: <path?limit=N&cursor=C>; rel="next"` header, or null on the last page. */
export function nextCursor(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]*)>\s*;\s*rel="?next"?/.exec(part);
    if (match?.[1]) return new URL(match[1], 'http://x').searchParams.get('cursor');
  }
  return null;
}

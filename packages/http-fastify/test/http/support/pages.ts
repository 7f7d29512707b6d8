import type { LightMyRequestResponse } from 'fastify';
import type { Call, TestApp } from './test-app.js';

/** The target of a `Link: <…>; rel="next"` header, or null when there is none. */
export function nextLink(response: LightMyRequestResponse): string | null {
  const link = response.headers.link;
  if (typeof link !== 'string') return null;
  return /^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? null;
}

export interface Walk<T> {
  readonly pages: T[][];
  readonly responses: LightMyRequestResponse[];
}

/** Follows `Link: rel="next"` from `url` until a page has none, as a client would. */
export async function followPages<T>(testApp: TestApp, url: string, call: Call): Promise<Walk<T>> {
  const pages: T[][] = [];
  const responses: LightMyRequestResponse[] = [];
  let next: string | null = url;
  while (next !== null) {
    if (responses.length > 1000) throw new Error('pagination never ends');
    const response = await testApp.get(next, call);
    if (response.statusCode !== 200)
      throw new Error(`${next} answered ${response.statusCode}: ${response.body}`);
    responses.push(response);
    pages.push(response.json<T[]>());
    next = nextLink(response);
  }
  return { pages, responses };
}

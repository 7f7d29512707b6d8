import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';

export const DEFAULT_JWKS_TIMEOUT_MS = 3000;

/**
 * Fetches a JWKS over http: or https:. aws-jwt-verify's own fetcher speaks https only, which
 * rules out cognito-local and the embedded issuer. Failures are raised as aws-jwt-verify's
 * FetchError so the verifier reports them like the library's own: the IdP is unavailable.
 */
export class HttpJwksFetcher implements Fetcher {
  constructor(private readonly timeoutMs = DEFAULT_JWKS_TIMEOUT_MS) {}

  async fetch(uri: string): Promise<ArrayBuffer> {
    let response: Response;
    try {
      response = await fetch(uri, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'error' });
    } catch (error) {
      throw new FetchError(uri, describe(error));
    }
    if (response.status !== 200) {
      // Drain the body so the connection is released; its content is of no use.
      await response.body?.cancel();
      throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
    }
    try {
      return await response.arrayBuffer();
    } catch (error) {
      throw new FetchError(uri, describe(error));
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

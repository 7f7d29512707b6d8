import { type KeyObject, sign } from 'node:crypto';

/** Compact JWS: base64url(header).base64url(payload).base64url(RS256 signature). */
export function signRs256(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  privateKey: KeyObject,
): string {
  const signingInput = `${encodeSegment(header)}.${encodeSegment(payload)}`;
  const signature = sign('sha256', Buffer.from(signingInput), privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

function encodeSegment(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

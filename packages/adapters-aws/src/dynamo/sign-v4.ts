import { createHash, createHmac } from 'node:crypto';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export interface SigningScope {
  readonly region: string;
  readonly service: string;
  /** `host[:port]` as sent in the Host header. */
  readonly host: string;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/**
 * AWS Signature Version 4 for one JSON POST to `/` (DynamoDB's only request form), by the
 * published algorithm; `sign-v4.test.ts` checks it against `@smithy/signature-v4`, the SDK's
 * signer, header for header. It signs exactly the headers it returns (content-type, host,
 * x-amz-date, x-amz-security-token when there is one, x-amz-target). The signing key is
 * derived once per day and secret, as the SDK's signer caches it.
 */
export class SigV4 {
  private cachedKey: { readonly id: string; readonly key: Buffer } | null = null;

  constructor(private readonly scope: SigningScope) {}

  headers(credentials: Credentials, target: string, body: string, now = new Date()): Record<string, string> {
    const amzDate = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
    const day = amzDate.slice(0, 8);
    const { region, service, host } = this.scope;
    const signed: [string, string][] = [
      ['content-type', 'application/x-amz-json-1.0'],
      ['host', host],
      ['x-amz-date', amzDate],
      ...(credentials.sessionToken
        ? [['x-amz-security-token', credentials.sessionToken] as [string, string]]
        : []),
      ['x-amz-target', target],
    ];
    const names = signed.map(([name]) => name).join(';');
    const canonical = [
      'POST',
      '/',
      '',
      ...signed.map(([name, value]) => `${name}:${value.trim()}`),
      '',
      names,
      sha256Hex(body),
    ].join('\n');
    const scope = `${day}/${region}/${service}/aws4_request`;
    const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256Hex(canonical)}`;
    const signature = createHmac('sha256', this.key(credentials, day)).update(toSign, 'utf8').digest('hex');
    return {
      ...Object.fromEntries(signed),
      'content-length': String(Buffer.byteLength(body)),
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names}, Signature=${signature}`,
    };
  }

  private key(credentials: Credentials, day: string): Buffer {
    const id = `${day}\n${credentials.accessKeyId}\n${credentials.secretAccessKey}`;
    if (this.cachedKey?.id !== id) {
      const { region, service } = this.scope;
      const dated = hmac(`AWS4${credentials.secretAccessKey}`, day);
      this.cachedKey = { id, key: hmac(hmac(hmac(dated, region), service), 'aws4_request') };
    }
    return this.cachedKey.key;
  }
}

import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { SigV4 } from '../../src/dynamo/sign-v4.js';

/** The hash interface the SDK's signer takes, on node:crypto. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash =
      secret === undefined
        ? createHash('sha256')
        : createHmac('sha256', typeof secret === 'string' ? secret : Buffer.from(secret as ArrayBuffer));
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.hash.update(typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

/** The SDK's own signer, on the same request: our headers must be exactly what it would send. */
const sdkSigned = async (
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  {
    host,
    region,
    target,
    body,
    date,
  }: { host: string; region: string; target: string; body: string; date: Date },
) => {
  const signer = new SignatureV4({
    service: 'dynamodb',
    region,
    credentials,
    sha256: Sha256,
    applyChecksum: false,
  });
  const [hostname, port] = host.split(':');
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'https:',
      hostname: hostname ?? host,
      ...(port ? { port: Number(port) } : {}),
      path: '/',
      query: {},
      headers: { host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
      body,
    },
    { signingDate: date },
  );
  return signed.headers;
};

describe('SigV4 (DynamoDB JSON POST)', () => {
  const date = new Date('2026-12-02T01:23:45.678Z');
  const cases = [
    {
      name: 'long-term keys, AWS endpoint',
      host: 'dynamodb.eu-west-1.amazonaws.com',
      region: 'eu-west-1',
      credentials: {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      },
    },
    {
      name: 'session credentials (a role)',
      host: 'dynamodb.us-east-1.amazonaws.com',
      region: 'us-east-1',
      credentials: {
        accessKeyId: 'ASIAEXAMPLE',
        secretAccessKey: 'secret/with+chars',
        sessionToken: 'FwoGZXIvYXdzE//token==',
      },
    },
    {
      name: 'a local endpoint with a port',
      host: '127.0.0.1:8000',
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    },
  ];

  it.each(cases)('signs as the SDK does: $name', async ({ host, region, credentials }) => {
    const target = 'DynamoDB_20120810.PutItem';
    const body = JSON.stringify({ TableName: 't', Item: { pk: { S: 'MSG#é ✓' }, sk: { S: '2026' } } });
    const ours = new SigV4({ region, service: 'dynamodb', host }).headers(credentials, target, body, date);
    const theirs = await sdkSigned(credentials, { host, region, target, body, date });
    expect(ours.authorization).toBe(theirs.authorization);
    expect(ours['x-amz-date']).toBe(theirs['x-amz-date']);
    expect(ours['x-amz-security-token']).toBe(theirs['x-amz-security-token']);
    expect(ours['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('derives a new key when the day or the credentials change', async () => {
    const signer = new SigV4({
      region: 'eu-west-1',
      service: 'dynamodb',
      host: 'dynamodb.eu-west-1.amazonaws.com',
    });
    const [a, b] = [
      { accessKeyId: 'A', secretAccessKey: 'one' },
      { accessKeyId: 'A', secretAccessKey: 'two' },
    ];
    for (const [credentials, when] of [
      [a, date],
      [b, date],
      [b, new Date('2026-12-03T00:00:01Z')],
    ] as const) {
      const ours = signer.headers(credentials, 'DynamoDB_20120810.Query', '{}', when);
      const theirs = await sdkSigned(credentials, {
        host: 'dynamodb.eu-west-1.amazonaws.com',
        region: 'eu-west-1',
        target: 'DynamoDB_20120810.Query',
        body: '{}',
        date: when,
      });
      expect(ours.authorization).toBe(theirs.authorization);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { SequentialIdGenerator } from '../src/index.js';

/** RFC 9562 layout with version 4 and the RFC variant, as strict uuid validators require. */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('SequentialIdGenerator', () => {
  it('counts up from 1 in valid uuids', () => {
    const ids = new SequentialIdGenerator();
    expect([ids.uuid(), ids.uuid()]).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
  });

  it('keeps generators apart by prefix and starts where told', () => {
    const ids = new SequentialIdGenerator({ prefix: 'deadbeef', start: 255 });
    const uuid = ids.uuid();
    expect(uuid).toBe('deadbeef-0000-4000-8000-0000000000ff');
    expect(uuid).toMatch(UUID_V4);
  });

  it('refuses a prefix that would make an invalid uuid', () => {
    for (const prefix of ['DEADBEEF', 'xyz', '123456789']) {
      expect(() => new SequentialIdGenerator({ prefix }), prefix).toThrow(RangeError);
    }
  });
});

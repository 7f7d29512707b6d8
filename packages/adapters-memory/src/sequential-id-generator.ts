import type { IdGenerator } from '@cruddur/core';

export interface SequentialIdGeneratorOptions {
  /** Eight hex digits that start every uuid, to tell generators apart (users vs messages). */
  readonly prefix?: string;
  readonly start?: number;
}

const MAX_SEQUENCE = 0xffff_ffff_ffff;

/**
 * Deterministic, valid version-4-shaped uuids: `<prefix>-0000-4000-8000-<sequence>`, e.g.
 * `00000000-0000-4000-8000-000000000001`. Valid shape matters: hosts check uuid formats.
 */
export class SequentialIdGenerator implements IdGenerator {
  readonly #prefix: string;
  #next: number;

  constructor({ prefix = '00000000', start = 1 }: SequentialIdGeneratorOptions = {}) {
    if (!/^[0-9a-f]{8}$/.test(prefix)) throw new RangeError('prefix must be 8 lowercase hex digits.');
    if (!Number.isSafeInteger(start) || start < 0) throw new RangeError('start must be a natural number.');
    this.#prefix = prefix;
    this.#next = start;
  }

  uuid(): string {
    if (this.#next > MAX_SEQUENCE) throw new RangeError('The sequence ran out of uuids.');
    const sequence = this.#next.toString(16).padStart(12, '0');
    this.#next += 1;
    return `${this.#prefix}-0000-4000-8000-${sequence}`;
  }
}

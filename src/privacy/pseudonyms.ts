/**
 * Pseudonyms for customer ids shown to a reader: `K-` and the first 10 hex digits of
 * HMAC-SHA256(key, id). The key is 32 random bytes held in memory only (never written to a report,
 * notebook or database), so the same customer gets the same pseudonym within a run and no one can map a
 * pseudonym back without the key. 40 bits keep collisions unlikely (≈ 0.005 expected among 1M customers).
 */
import { createHmac, randomBytes } from 'node:crypto';

/** Column names whose values are customer ids (after column mapping, and the camelCase spelling). */
export const CUSTOMER_ID_COLUMNS: ReadonlySet<string> = new Set(['customer_id', 'customerId']);

/** A keyed pseudonymiser. One per workbench (`wb.pseudonyms`); tables shown without one use a per-process key. */
export class Pseudonyms {
  readonly #key: Buffer;
  readonly #cache = new Map<string, string>();

  /** @param key the HMAC key; tests may fix it. @defaultValue 32 random bytes */
  constructor(key: Uint8Array = randomBytes(32)) {
    this.#key = Buffer.from(key);
  }

  /**
   * The pseudonym of one id.
   * @example new Pseudonyms().of('12346') // 'K-3f9a2c81d0'
   */
  of(id: string): string {
    let p = this.#cache.get(id);
    if (p === undefined) {
      p = `K-${createHmac('sha256', this.#key).update(id, 'utf8').digest('hex').slice(0, 10)}`;
      if (this.#cache.size < 100_000) this.#cache.set(id, p);
    }
    return p;
  }

  /** Not the key: a pseudonymiser prints as its kind only. */
  toJSON(): string {
    return 'Pseudonyms';
  }
}

let processPseudonyms: Pseudonyms | undefined;

/** The per-process pseudonymiser, for tables shown without a workbench's. */
export function defaultPseudonyms(): Pseudonyms {
  processPseudonyms ??= new Pseudonyms();
  return processPseudonyms;
}

/**
 * Pseudonyms for customer ids shown to a reader: `K-` and the first 10 hex digits of
 * HMAC-SHA256(key, id). The key never goes into a report, notebook or database. It is the team's
 * `SWB_PSEUDONYM_KEY` when set (any text; hashed to 32 bytes), else a per-user key file
 * (`~/.config/segment-workbench/pseudonym-key`, 32 random bytes, mode 600, made on first use): so a re-run
 * on the same machine gives the same pseudonyms (and the same notebook bytes), and no one can map a
 * pseudonym back without the key. 40 bits keep collisions unlikely (≈ 0.005 expected among 1M customers).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where the per-user key lives. */
export const KEY_FILE = join(homedir(), '.config', 'segment-workbench', 'pseudonym-key');

/** The key: `SWB_PSEUDONYM_KEY` hashed, else the per-user key file (made on first use), else random bytes for this process. */
export function pseudonymKey(): Buffer {
  const shared = process.env['SWB_PSEUDONYM_KEY'];
  if (shared) return createHash('sha256').update(shared, 'utf8').digest();
  try {
    const key = readFileSync(KEY_FILE);
    if (key.length >= 32) return key;
  } catch {
    /* no key yet: make one below */
  }
  const key = randomBytes(32);
  try {
    mkdirSync(dirname(KEY_FILE), { recursive: true, mode: 0o700 });
    writeFileSync(KEY_FILE, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    // Another process made it first (read that one), or the home folder is read-only (keep this process's key).
    try {
      const other = readFileSync(KEY_FILE);
      if (other.length >= 32) return other;
    } catch {
      /* fall through */
    }
    return key;
  }
}

/** Column names whose values are customer ids (after column mapping, and the camelCase spelling). */
export const CUSTOMER_ID_COLUMNS: ReadonlySet<string> = new Set(['customer_id', 'customerId']);

/** A keyed pseudonymiser. The library uses one per process ({@link defaultPseudonyms}); tests may make their own with a fixed key. */
export class Pseudonyms {
  readonly #key: Buffer;
  readonly #cache = new Map<string, string>();

  /** @param key the HMAC key; tests may fix it. @defaultValue {@link pseudonymKey} */
  constructor(key: Uint8Array = pseudonymKey()) {
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

  /**
   * The same pseudonym computed in DuckDB (HMAC-SHA256 from its two padded keys), for lists too long to carry
   * through JavaScript: SQL of `idSql` (a VARCHAR expression) and the parameters it binds. The pads go in as
   * bound values for the one query; they are never part of the SQL text, a table or a file.
   * @example const p = pseudonyms.sql('c.customer_id'); await wb.query(`select ${p.sql} from …`, { ...p.params });
   */
  sql(idSql: string): { sql: string; params: { swb_ipad: string; swb_opad: string } } {
    const block = Buffer.alloc(64);
    // HMAC: keys longer than the 64-byte block are hashed first
    (this.#key.length > 64 ? createHash('sha256').update(this.#key).digest() : this.#key).copy(block);
    return {
      sql: `('K-' || left(sha256(unhex($swb_opad) || unhex(sha256(unhex($swb_ipad) || encode(${idSql})))), 10))`,
      params: {
        swb_ipad: Buffer.from(block.map((b) => b ^ 0x36)).toString('hex'),
        swb_opad: Buffer.from(block.map((b) => b ^ 0x5c)).toString('hex'),
      },
    };
  }

  /** Not the key: a pseudonymiser prints as its kind only. */
  toJSON(): string {
    return 'Pseudonyms';
  }
}

let processPseudonyms: Pseudonyms | undefined;

/** The per-process pseudonymiser, made on first use (the key is read or created then). */
export function defaultPseudonyms(): Pseudonyms {
  processPseudonyms ??= new Pseudonyms();
  return processPseudonyms;
}

/**
 * The pseudonym of `show` (`K-` + 10 hex digits of HMAC-SHA256(key, id)) computed in DuckDB, so that a table of
 * every customer is pseudonymised where it lies instead of being read into JavaScript. HMAC is two SHA-256 passes
 * over the key padded to the 64-byte block (RFC 2104); the padded keys are bound as parameters, never stored.
 */
import { createHash } from 'node:crypto';
import type { QueryParam } from '../workbench.js';
import { pseudonymKey } from './pseudonyms.js';

/** SQL of the pseudonym of the text expression `expr`, and the parameters (`$swb_ipad`, `$swb_opad`) it needs. */
export function pseudonymSql(
  expr: string,
  key: Uint8Array = pseudonymKey(),
): { sql: string; params: Record<string, QueryParam> } {
  const k = key.length > 64 ? createHash('sha256').update(key).digest() : Buffer.from(key);
  const block = Buffer.concat([k, Buffer.alloc(64 - k.length)]);
  const pad = (x: number) => Buffer.from(block.map((b) => b ^ x)).toString('hex');
  return {
    sql: `('K-' || left(sha256(unhex($swb_opad) || unhex(sha256(unhex($swb_ipad) || encode(${expr})))), 10))`,
    params: { swb_ipad: pad(0x36), swb_opad: pad(0x5c) },
  };
}

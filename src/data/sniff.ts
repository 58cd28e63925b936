/**
 * Looks at a file before DuckDB reads it: does it exist, what format, which encoding and
 * delimiter, and its checksum. Reads at most the first 64 KiB (decompressed) for sniffing.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';

/** What was learned about a file. */
export interface SniffResult {
  path: string;
  fileName: string;
  format: 'csv' | 'parquet' | 'json';
  /** For CSV: the delimiter; `'whitespace'` for runs of spaces/tabs. */
  delimiter?: string;
  /** For CSV: the encoding DuckDB should use. */
  encoding?: 'utf-8' | 'utf-16' | 'latin-1';
  /** The first data line(s), decoded, for header detection. */
  head: string;
  /** For delimited text: lines above the header (a title, Excel's `sep=;`), see {@link headerSkip}. @defaultValue 0 */
  skip?: number;
}

const SNIFF_BYTES = 64 * 1024;

/** Check the file exists and is not empty, detect its format, encoding and delimiter. */
export async function sniffFile(path: string): Promise<SniffResult> {
  const fileName = basename(path);
  if (!existsSync(path)) throw new WorkbenchError('FILE_NOT_FOUND', messages.fileNotFound(path), { file: path });
  const stat = statSync(path);
  if (!stat.isFile()) throw new WorkbenchError('FILE_NOT_FOUND', messages.notAFile(path), { file: path });
  if (stat.size === 0) throw new WorkbenchError('EMPTY_FILE', messages.emptyFile(path), { file: path });
  const lower = fileName.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.parquet') || lower.endsWith('.pq')) return { path, fileName, format: 'parquet', head: '' };
  if (lower.endsWith('.xlsx') || lower.endsWith('.xls')) {
    throw new WorkbenchError('UNSUPPORTED_FORMAT', messages.excel(path), { file: path });
  }
  const bytes = await readHead(path);
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
    throw new WorkbenchError('EMPTY_FILE', messages.emptyFile(path), { file: path });
  }
  if (lower.endsWith('.json') || lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) {
    return { path, fileName, format: 'json', head: bytes.toString('utf8') };
  }
  const utf16 = isUtf16(bytes);
  if (!utf16 && isUtf16BigEndian(bytes)) throw new WorkbenchError('ENCODING', messages.utf16BigEndian(path), { file: path });
  // A NUL byte is never in a text table (UTF-16 aside): spreadsheets, archives and images have them.
  if (!utf16 && bytes.includes(0)) throw new WorkbenchError('UNSUPPORTED_FORMAT', messages.binaryFile(path), { file: path });
  const encoding = utf16 ? 'utf-16' : isUtf8(bytes) ? 'utf-8' : 'latin-1';
  const text = (encoding === 'utf-16' ? bytes.toString('utf16le') : encoding === 'utf-8' ? bytes.toString('utf8') : bytes.toString('latin1')).replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text, lower);
  const skip = delimiter === 'whitespace' ? 0 : headerSkip(text, delimiter);
  return { path, fileName, format: 'csv', encoding, delimiter, head: text, ...(skip > 0 ? { skip } : {}) };
}

/** sha256 of the file's bytes, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readHead(path: string): Promise<Buffer> {
  const raw = createReadStream(path, path.toLowerCase().endsWith('.gz') ? {} : { end: SNIFF_BYTES - 1 });
  const stream = path.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= SNIFF_BYTES) break;
    }
  } catch (e) {
    const gzip = path.toLowerCase().endsWith('.gz');
    if (gzip) throw new WorkbenchError('UNSUPPORTED_FORMAT', messages.damagedGzip(path), { file: path });
    if (size === 0) throw new WorkbenchError('UNSUPPORTED_FORMAT', messages.unreadable(path, String(e)), { file: path });
  } finally {
    raw.destroy();
  }
  // Cut at the last complete line so a multi-byte character is never split.
  const buf = Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
  const lastNl = buf.lastIndexOf(10);
  return size >= SNIFF_BYTES && lastNl > 0 ? buf.subarray(0, lastNl + 1) : buf;
}

/** True when a .gz file decompresses to its end (a truncated copy fails here, while a CSV reader only sees a cut last line). */
export async function gzipIntact(path: string): Promise<boolean> {
  try {
    for await (const chunk of createReadStream(path).pipe(createGunzip())) void chunk;
    return true;
  } catch {
    return false;
  }
}

/** True when the file begins with the gzip magic bytes (1f 8b), whatever its name. */
export function isGzipFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** UTF-16 little-endian text: its byte-order mark, or a NUL after most ASCII bytes. */
function isUtf16(bytes: Buffer): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  const pairs = Math.min(256, Math.floor(bytes.length / 2));
  let nulSecond = 0;
  for (let i = 0; i < pairs; i++) if (bytes[2 * i + 1] === 0 && bytes[2 * i] !== 0) nulSecond++;
  return pairs > 8 && nulSecond > 0.9 * pairs;
}

/** UTF-16 big-endian text: its byte-order mark, or a NUL before most ASCII bytes. */
function isUtf16BigEndian(bytes: Buffer): boolean {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return true;
  const pairs = Math.min(256, Math.floor(bytes.length / 2));
  let nulFirst = 0;
  for (let i = 0; i < pairs; i++) if (bytes[2 * i] === 0 && bytes[2 * i + 1] !== 0) nulFirst++;
  return pairs > 8 && nulFirst > 0.9 * pairs;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Pick the delimiter that splits the first lines into the same number of fields (>1), most often. */
export function detectDelimiter(text: string, fileName = ''): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  if (fileName.endsWith('.tsv') || fileName.endsWith('.tab')) return '\t';
  let best = ',';
  let bestScore = 0;
  for (const d of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => splitCount(l, d));
    const first = counts[0] ?? 1;
    if (first < 2) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 100 + first;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  if (bestScore === 0 && lines.some((l) => /\S\s+\S/.test(l.trim()))) return 'whitespace';
  return best;
}

/**
 * Lines above the header of delimited text: a title or Excel's `sep=;` hint, i.e. up to ten lines of at most
 * two fields (or blank) before the first line with the field count most of the first 50 lines have (three or
 * more). Said explicitly to DuckDB's reader, whose own guess may skip a real header and data rows silently
 * (after a blank line and a row wider than the header, it took that row as the header).
 */
export function headerSkip(text: string, delimiter: string): number {
  const counts = text.split(/\r\n|\n|\r/).slice(0, 50).map((l) => (l.trim() === '' ? 0 : splitCount(l, delimiter)));
  const tally = new Map<number, number>();
  for (const c of counts) if (c > 1) tally.set(c, (tally.get(c) ?? 0) + 1);
  const [modal = 0] = [...tally].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [];
  const header = counts.indexOf(modal);
  const preamble = counts.slice(0, header);
  return modal >= 3 && header > 0 && header <= 10 && preamble.every((c) => c <= 2) ? header : 0;
}

function splitCount(line: string, d: string): number {
  let n = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

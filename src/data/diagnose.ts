/**
 * When DuckDB cannot read a delimited file, find out ourselves what is wrong with it, in terms a user can
 * check in a text editor: the first line whose number of fields differs from the header's, a quote that is
 * never closed, bytes that are not text. DuckDB's own error names its reader's options and SQL; this scan
 * reads the file as the user wrote it. Pure apart from {@link readText}, which reads (at most) the start of
 * the file on the error path only.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';

/** What is wrong with a delimited text, and where (line numbers count the header as line 1). */
export type Diagnosis =
  | { kind: 'fields'; line: number; found: number; expected: number }
  | { kind: 'quote'; line: number }
  | { kind: 'not-text'; line: number }
  | { kind: 'long'; line: number };

/** DuckDB's CSV reader refuses a line longer than this (its `max_line_size`, 2 MiB). */
export const MAX_LINE_SIZE = 2_097_152;

/**
 * The first problem of a delimited text (RFC 4180 quoting: `"` quotes, `""` inside quotes), or undefined
 * when every line has the header's number of fields and none is longer than {@link MAX_LINE_SIZE}. Blank lines are skipped, as the reader skips them.
 * @example diagnoseDelimited('a,b\n1,2,3\n', ',') // { kind: 'fields', line: 2, found: 3, expected: 2 }
 */
export function diagnoseDelimited(text: string, delimiter: string): Diagnosis | undefined {
  let line = 1;
  let start = 1;
  let fields = 1;
  let length = 0;
  let expected: number | undefined;
  let quoteLine = 0;
  let inQuote = false;
  const endRecord = (): Diagnosis | undefined => {
    if (length === 0 && fields === 1) return undefined;
    if (length > MAX_LINE_SIZE) return { kind: 'long', line: start };
    if (expected === undefined) expected = fields;
    else if (fields !== expected) return { kind: 'fields', line: start, found: fields, expected };
    return undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\u0000' || ch === '\uFFFD') return { kind: 'not-text', line };
    const eol = ch === '\n' || ch === '\r';
    if (inQuote) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuote = false;
      } else if (eol && !(ch === '\r' && text[i + 1] === '\n')) line++;
      continue;
    }
    if (eol) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      const found = endRecord();
      if (found) return found;
      line++;
      start = line;
      fields = 1;
      length = 0;
      continue;
    }
    length++;
    if (ch === '"') {
      inQuote = true;
      quoteLine = line;
    } else if (ch === delimiter) fields++;
  }
  if (inQuote) return { kind: 'quote', line: quoteLine };
  return endRecord();
}

/** Bytes of the file read for a diagnosis: enough for any file a user inspects by hand. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * The start of a text file, decoded (gzip undone as far as it goes; UTF-16 by its byte-order mark or
 * `encoding`, else UTF-8 or Latin-1 as `encoding` says), and whether it was UTF-16. Undefined when the
 * file cannot be read.
 */
export function readText(path: string, encoding?: string): { text: string; utf16: boolean } | undefined {
  let bytes: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(fstatSync(fd).size, MAX_BYTES));
      bytes = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      bytes = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_BYTES });
    }
  } catch {
    return undefined;
  }
  const utf16 = encoding === 'utf-16' || (bytes[0] === 0xff && bytes[1] === 0xfe);
  const text = bytes.toString(utf16 ? 'utf16le' : encoding === 'latin-1' ? 'latin1' : 'utf8').replace(/^\uFEFF/, '');
  return { text, utf16 };
}

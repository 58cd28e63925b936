/**
 * Row numbers as line numbers. A loader numbers a row by its place among the records DuckDB read (rowid +
 * offset): its line number as long as every record is one line. DuckDB skips blank lines and a quoted cell may
 * hold line breaks, so after either the two part (a header repeated after a blank line was named one line too
 * early). This maps the few row numbers a LoadReport shows (examples per reason, rows in notes) to the line on
 * which each record starts, streaming the file only up to the last of them, on Node's side of the load.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { SetAside } from './load-report.js';
import type { SniffResult } from './sniff.js';

/**
 * The line on which each record starts, for the given row numbers (record k + 1, header included, blank lines
 * skipped as the reader skips them). Only for delimited text; Parquet and JSON rows are record numbers already.
 * A row number beyond the file is left out of the map.
 */
export async function lineNumbers(sniff: SniffResult, rows: Iterable<number>): Promise<Map<number, number>> {
  // Row numbers count the lines above the header (sniff.skip) as if they were one record each; records do not.
  const skip = sniff.skip ?? 0;
  const wanted = new Set([...rows].map((r) => r - 1 - skip));
  const found = new Map<number, number>();
  if (sniff.format !== 'csv' || wanted.size === 0) return found;
  const last = Math.max(...wanted);
  const scanner = new RecordScanner(sniff.delimiter !== 'whitespace', skip);
  const raw = createReadStream(sniff.path);
  const stream = sniff.path.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  // UTF-8 and Latin-1 keep quotes and line breaks as single ASCII bytes: scanned as bytes, without decoding.
  const decoder = sniff.encoding === 'utf-16' ? new TextDecoder('utf-16le') : undefined;
  try {
    for await (const chunk of stream) {
      const units = decoder ? decoder.decode(chunk as Buffer, { stream: true }) : (chunk as Buffer);
      scanner.scan(units, (record, line) => {
        if (wanted.has(record)) found.set(record + 1 + skip, line);
        return record >= last;
      });
      if (scanner.done) break;
    }
    if (!scanner.done) scanner.end((record, line) => { if (wanted.has(record)) found.set(record + 1 + skip, line); return true; });
  } catch {
    // A file that cannot be read to the end keeps the row numbers it has (the load itself read it).
  } finally {
    raw.destroy();
  }
  return found;
}

/** A LoadReport's examples as line numbers (see {@link lineNumbers}); the input when every record is one line. */
export async function examplesAsLines(sniff: SniffResult, setAside: readonly SetAside[]): Promise<SetAside[]> {
  const lines = await lineNumbers(sniff, setAside.flatMap((s) => s.examples));
  return setAside.map((s) => ({ ...s, examples: s.examples.map((n) => lines.get(n) ?? n).sort((a, b) => a - b) }));
}

/** Records of delimited text as the CSV reader splits them: `"` quotes (line breaks inside are data), empty lines skipped. */
class RecordScanner {
  done = false;
  #line = 1;
  #start = 1;
  #record = 0;
  #length = 0;
  #inQuote = false;
  #lastCr = false;
  /** `skip`: lines above the header (a title, `sep=;`) that the reader skips, records or not. */
  constructor(private readonly quotes: boolean, private readonly skip = 0) {}

  /** Feed text (or ASCII-compatible bytes); `onRecord(record, startLine)` is called per non-empty record and stops the scan by returning true. */
  scan(text: string | Uint8Array, onRecord: (record: number, line: number) => boolean): void {
    if (typeof text === 'string') {
      for (let i = 0; i < text.length && !this.done; i++) this.#step(text.charCodeAt(i), onRecord);
    } else {
      for (let i = 0; i < text.length && !this.done; i++) this.#step(text[i] as number, onRecord);
    }
  }

  #step(ch: number, onRecord: (record: number, line: number) => boolean): void {
    // \r\n is one line break, also when a chunk ends between the two.
    if (ch === 10 && this.#lastCr) { this.#lastCr = false; return; }
    this.#lastCr = ch === 13;
    const eol = ch === 10 || ch === 13;
    if (this.#inQuote) {
      if (ch === 34) this.#inQuote = false;
      else if (eol) this.#line++;
      return;
    }
    if (eol) {
      if (this.#length > 0 && this.#start > this.skip && onRecord(this.#record++, this.#start)) this.done = true;
      this.#line++;
      this.#start = this.#line;
      this.#length = 0;
      return;
    }
    this.#length++;
    if (ch === 34 && this.quotes) this.#inQuote = true;
  }

  /** The last record when the text does not end with a line break. */
  end(onRecord: (record: number, line: number) => boolean): void {
    if (this.#length > 0 && this.#start > this.skip) onRecord(this.#record, this.#start);
    this.done = true;
  }
}

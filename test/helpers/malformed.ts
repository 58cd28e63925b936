/**
 * Seeded generator of malformed transaction files, as a careless or hostile user makes them: binary
 * junk, broken gzip, UTF-16, stray quotes, impossible dates and amounts, missing or doubled columns,
 * injection strings in headers. Same seed ⇒ same files, so a failing case can be replayed by its name.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const HEADERS = [
  ['customer_id', 'order_id', 'order_date', 'amount'],
  ['CustomerID', 'InvoiceNo', 'InvoiceDate', 'Quantity', 'UnitPrice', 'Country'],
  ['Klantnummer', 'Bestelnummer', 'Datum', 'Bedrag'],
  ['customer_id', 'order_date', 'amount'],
  ['id', 'email', 'total'],
  ['customer_id', 'customer_id', 'order_date', 'amount'],
  ['"; drop table transactions; --', 'order_date', 'amount'],
  ['<script>alert(1)</script>', 'datum', 'bedrag'],
  ['', '', '', ''],
] as const;

const GOOD_DATES = [
  '2011-01-05',
  '2011-02-01 10:00',
  '2011-03-05 12:30:00',
  '05-06-2011',
  '12/1/2010 8:26',
  '2011-12-09',
];
const BAD_DATES = [
  '0001-01-01',
  '9999-12-31',
  '2100-01-01',
  '2011-02-30',
  'yesterday',
  '',
  '31/31/2011',
  '1e10',
  '2011-13-01',
  'NaN',
  '٢٠١١-٠١-٠٥',
];
const GOOD_AMOUNTS = ['12.50', '1234', '-3.20', '0', '12,50', '1.234,50', '99.999'];
const BAD_AMOUNTS = [
  'Infinity',
  '-Infinity',
  'NaN',
  '1e308',
  '-1e308',
  '1e999',
  '€ 12,50',
  '12.50 EUR',
  '$1,234.50',
  '(12.50)',
  'abc',
  '',
  '0x1F',
  '١٢',
];
const IDS = [
  'C1',
  'C2',
  'C3',
  '',
  ' ',
  'NULL',
  '"quoted, id"',
  '\u0000',
  'x'.repeat(300),
  'Ølaf',
  '12345678901234567890123',
];

function cell(r: Rng, column: string): string {
  const c = column.toLowerCase();
  const bad = r() < 0.3;
  if (/date|datum/.test(c)) return bad ? pick(r, BAD_DATES) : pick(r, GOOD_DATES);
  if (/amount|bedrag|total|price|quantity/.test(c)) return bad ? pick(r, BAD_AMOUNTS) : pick(r, GOOD_AMOUNTS);
  if (/order|invoice|bestel/.test(c)) return `O${int(r, 1, 30)}`;
  return bad ? pick(r, IDS) : `C${int(r, 1, 12)}`;
}

function table(r: Rng): string {
  const header = pick(r, HEADERS);
  const sep = pick(r, [',', ',', ';', '\t', '|', ' ']);
  const eol = pick(r, ['\n', '\n', '\r\n', '\r']);
  const rows = [header.join(sep)];
  const n = pick(r, [0, 1, 2, 5, 20, 60]);
  for (let i = 0; i < n; i++) {
    let cells = header.map((h) => cell(r, h));
    const twist = r();
    if (twist < 0.08)
      cells = cells.slice(0, int(r, 0, cells.length - 1)); // too few fields
    else if (twist < 0.14)
      cells.push('extra', 'fields'); // too many
    else if (twist < 0.18)
      cells[0] = `"${cells[0] ?? ''}`; // unbalanced quote
    else if (twist < 0.21) cells[0] = `"multi\nline"`;
    rows.push(cells.join(sep));
  }
  let text = rows.join(eol);
  if (r() < 0.5) text += eol;
  if (r() < 0.1) text = `\uFEFF${text}`;
  return text;
}

/** One generated case: a file name (with the extension that says its format) and its bytes. */
export interface MalformedCase {
  name: string;
  bytes: Buffer;
}

const KINDS = [
  'table',
  'table',
  'table',
  'table',
  'table',
  'table',
  'binary',
  'empty',
  'gzip-truncated',
  'gzip-garbage',
  'gzip-ok',
  'latin1',
  'utf16',
  'nul',
  'json-broken',
  'parquet-garbage',
  'long-line',
  'many-columns',
  'one-customer',
  'constant',
] as const;

/** Case `i` of seed `seed`. */
export function malformedCase(seed: number, i: number): MalformedCase {
  const r = random(seed * 100_003 + i);
  const kind = pick(r, KINDS);
  const name = (ext: string): string => `case-${String(i).padStart(3, '0')}-${kind}.${ext}`;
  switch (kind) {
    case 'table':
      return { name: name(pick(r, ['csv', 'csv', 'tsv', 'txt'])), bytes: Buffer.from(table(r), 'utf8') };
    case 'binary':
      return { name: name('csv'), bytes: Buffer.from(Array.from({ length: int(r, 1, 4000) }, () => int(r, 0, 255))) };
    case 'empty':
      return { name: name('csv'), bytes: Buffer.from(pick(r, ['', '\n', '   \n\n', '\uFEFF', ',,,\n'])) };
    case 'gzip-truncated': {
      const gz = gzipSync(Buffer.from(table(r)));
      return { name: name('csv.gz'), bytes: gz.subarray(0, int(r, 1, Math.max(1, gz.length - 5))) };
    }
    case 'gzip-garbage':
      return { name: name('csv.gz'), bytes: Buffer.from(table(r)) };
    case 'gzip-ok':
      return { name: name('csv.gz'), bytes: gzipSync(Buffer.from(table(r))) };
    case 'latin1':
      return {
        name: name('csv'),
        bytes: Buffer.from(
          `customer_id;order_date;bedrag\n${'C1;05-06-2011;12,50\n'.repeat(int(r, 1, 50))}Café Ü;06-06-2011;3,00\n`,
          'latin1',
        ),
      };
    case 'utf16':
      return { name: name('csv'), bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table(r), 'utf16le')]) };
    case 'nul':
      return {
        name: name('csv'),
        bytes: Buffer.from(
          table(r).replace(/,/g, (m) => (r() < 0.2 ? '\u0000' : m)),
          'utf8',
        ),
      };
    case 'json-broken':
      return {
        name: name(pick(r, ['json', 'ndjson'])),
        bytes: Buffer.from(
          pick(r, [
            '[{"customer_id": "C1", "order_date": "2011-01-01", "amount": 1}',
            '{"a":',
            '[]',
            '{}',
            'null',
            '[1,2,3]',
            '{"customer_id": 1}\n{"bad json',
          ]),
        ),
      };
    case 'parquet-garbage':
      return { name: name('parquet'), bytes: Buffer.from(`PAR1${table(r)}`) };
    case 'long-line':
      return {
        name: name('csv'),
        bytes: Buffer.from(
          `customer_id,order_date,amount\nC1,2011-01-01,${'9'.repeat(int(r, 400, 5000))}\nC2,2011-01-02,${'x'.repeat(int(r, 1000, 200_000))}\n`,
        ),
      };
    case 'many-columns': {
      const n = int(r, 50, 2000);
      const head = ['customer_id', 'order_date', 'amount', ...Array.from({ length: n }, (_, j) => `c${j}`)];
      return { name: name('csv'), bytes: Buffer.from(`${head.join(',')}\nC1,2011-01-01,5${',1'.repeat(n)}\n`) };
    }
    case 'one-customer':
      return {
        name: name('csv'),
        bytes: Buffer.from(
          `customer_id,order_id,order_date,amount\n${Array.from({ length: int(r, 1, 6) }, (_, j) => `A,${j},2011-0${1 + j}-05,${pick(r, GOOD_AMOUNTS)}`).join('\n')}\n`,
        ),
      };
    case 'constant':
      return {
        name: name('csv'),
        bytes: Buffer.from(
          `customer_id,order_id,order_date,amount\n${Array.from({ length: int(r, 2, 40) }, (_, j) => `C${j},O${j},2011-03-01,10`).join('\n')}\n`,
        ),
      };
  }
}

/** Write cases `from`..`to - 1` of `seed` into `dir`; returns their paths. */
export function writeMalformed(dir: string, seed: number, from: number, to: number): string[] {
  const paths: string[] = [];
  for (let i = from; i < to; i++) {
    const c = malformedCase(seed, i);
    const path = join(dir, c.name);
    writeFileSync(path, c.bytes);
    paths.push(path);
  }
  return paths;
}

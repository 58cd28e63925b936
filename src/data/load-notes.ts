/**
 * The notes a load owes its reader about values it changed or set aside by a rule: rows whose decimal mark
 * disagrees with the column's, values like `1.234` and `1,234` side by side (one of them is thousands), and
 * ids that lost spaces (so `ABC ` and `ABC` became one customer). The parse pass leaves one byte per row
 * (`_mark`: the bits of {@link MARK} OR-ed over the numeric columns, plus {@link ID_TRIMMED}); one bounded
 * aggregate over the staging table turns them into counts and example row numbers.
 */
import { messages } from '../messages.js';
import { quoteIdentifier } from '../sql.js';
import type { Workbench } from '../workbench.js';
import { MARK } from './parse.js';

/** The `_mark` bit of a row whose text id had leading or trailing spaces. */
export const ID_TRIMMED = 16;

/** What the notes name. */
export interface NoteContext {
  /** File name. */
  file: string;
  /** The amount column (or the unit price column when the amount is derived). */
  column: string;
  /** The customer id column. */
  idColumn: string;
  /** The decimal mark the parse used. */
  decimalComma: boolean;
  /** The staging table's reason column (text, NULL = kept) and mark column. @defaultValue 'reason', '_mark' */
  columns?: { reason: string; mark: string };
}

type Bits = { n: number; rows: number[] | null };

/** The facts behind the notes: their example row numbers (to map to lines) and the notes in words. */
export interface LoadNotes {
  /** Every row number the notes name. */
  rows: number[];
  /** The notes, with each row number passed through `line` (row number → line number). */
  texts: (line: (row: number) => number) => string[];
}

/**
 * Notes from the `_mark` column of a staging table with `reason` (NULL = kept) and a rowid in file order.
 * Marks count among rows kept or set aside for their amount; trimmed ids among kept rows.
 */
export async function loadNotes(wb: Workbench, table: string, rowOffset: number, c: NoteContext): Promise<LoadNotes> {
  const t = quoteIdentifier(table);
  const reason = quoteIdentifier(c.columns?.reason ?? 'reason');
  const mark = quoteIdentifier(c.columns?.mark ?? '_mark');
  const amountRows = `(${reason} IS NULL OR ${reason} = 'unparseable_amount')`;
  const bit = (b: number, where: string) =>
    `{'n': count(*) FILTER (WHERE ${mark} & ${b} <> 0 AND ${where}), 'rows': min(rowid + ${rowOffset}, 3) FILTER (WHERE ${mark} & ${b} <> 0 AND ${where})}`;
  const [row] = await wb.query<{ comma: Bits; dot: Bits; eitherDot: Bits; eitherComma: Bits; trimmed: Bits; ids: number }>(`
    SELECT ${bit(MARK.comma, amountRows)} AS comma, ${bit(MARK.dot, amountRows)} AS dot,
      ${bit(MARK.eitherDot, amountRows)} AS "eitherDot", ${bit(MARK.eitherComma, amountRows)} AS "eitherComma",
      ${bit(ID_TRIMMED, `${reason} IS NULL`)} AS trimmed,
      count(DISTINCT customer_id) FILTER (WHERE ${mark} & ${ID_TRIMMED} <> 0 AND ${reason} IS NULL) AS ids
    FROM ${t} WHERE ${mark} <> 0`);
  if (!row) return { rows: [], texts: () => [] };
  const other = c.decimalComma ? row.dot : row.comma;
  const mixed = row.eitherDot.n > 0 && row.eitherComma.n > 0;
  const named = [...(other.n > 0 ? [other] : []), ...(mixed ? [row.eitherDot, row.eitherComma] : []), ...(row.trimmed.n > 0 ? [row.trimmed] : [])];
  return {
    rows: named.flatMap((b) => (b.rows ?? []).map(Number)),
    texts: (line) => {
      const rows = (b: Bits) => (b.rows ?? []).map((n) => line(Number(n))).sort((x, y) => x - y);
      const notes: string[] = [];
      if (other.n > 0) notes.push(messages.warnOtherDecimalMark(c.file, c.column, c.decimalComma, Number(other.n), rows(other)));
      if (mixed) notes.push(messages.warnMixedMarks(c.file, c.column, c.decimalComma, rows(row.eitherDot), rows(row.eitherComma)));
      if (row.trimmed.n > 0) notes.push(messages.warnTrimmedIds(c.file, c.idColumn, Number(row.trimmed.n), Number(row.ids), rows(row.trimmed)));
      return notes;
    },
  };
}

/**
 * The Workbench owns one DuckDB database and one connection. It is the only module that imports
 * `@duckdb/node-api`; everything else talks to DuckDB through `query` / `run`.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue, timestampValueFromDate } from '@duckdb/node-api';
import * as aq from 'arquero';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkbenchError } from './errors.js';
import { messages } from './messages.js';

/**
 * DuckDB's memory limit unless the caller sets one. DuckDB's own default is 80% of RAM; this bounded one
 * keeps `swb report` on 10M rows at about 1 GB of process memory (0.99–1.06 GB measured), DuckDB and Node
 * together (work beyond it spills to `tempDirectory`). On 10M rows it costs no measurable time against 1 GB (`npm run bench`); raise
 * it for speed when far larger data spills a lot.
 */
export const DEFAULT_MEMORY_LIMIT = '500MB';

/** A memory amount as DuckDB reads it: `512MB`, `4GB`, `1.5GiB`. */
const MEMORY_LIMIT = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

let openCount = 0;

/** Options for {@link Workbench.open}. */
export interface WorkbenchOptions {
  /** Path of a `.duckdb` file so tables survive a restart. @defaultValue `':memory:'` */
  path?: string;
  /** DuckDB threads. @defaultValue DuckDB's default (all cores) */
  threads?: number;
  /** DuckDB memory limit, e.g. `'4GB'`; larger work spills to `tempDirectory`. @defaultValue {@link DEFAULT_MEMORY_LIMIT} */
  memoryLimit?: string;
  /** Folder for DuckDB's spill files. @defaultValue a fresh folder under the OS temp folder, removed on `close()` */
  tempDirectory?: string;
  /**
   * Called after every statement that completed, with its text and wall time, before the next one starts (for
   * profiling: the bench keeps the plans of the slowest statements this way). @defaultValue none
   */
  onStatement?: (statement: StatementTiming) => void;
}

/** One completed statement, as {@link WorkbenchOptions.onStatement} receives it. */
export interface StatementTiming {
  /** The SQL text as run. */
  sql: string;
  /** The values bound to its `$name` parameters. */
  params: Record<string, QueryParam>;
  /** Wall time from start to the last row read, in milliseconds. */
  ms: number;
}

/** A value bound to a `$name` parameter. `Date` binds as TIMESTAMP (UTC). */
export type QueryParam = string | number | boolean | bigint | Date | null;

/**
 * A result row: BIGINT/HUGEINT/DECIMAL become numbers where exact, TIMESTAMP/DATE become `Date`, fractional
 * DOUBLEs are rounded to {@link SIGNIFICANT_DIGITS} significant digits (reproducible sums); lists and structs too.
 */
export type Row = Record<string, unknown>;

/** One DuckDB database with a connection: load data, run analyses, query. */
/** The Workbenches not yet closed (weakly held), so `show` can tell a column of customer ids by its values. */
const OPEN = new Set<WeakRef<Workbench>>();

/**
 * The Workbenches of this process that are open now, oldest first.
 * @example for (const wb of openWorkbenches()) console.log(wb.path);
 */
export function openWorkbenches(): Workbench[] {
  const open: Workbench[] = [];
  for (const ref of OPEN) {
    const wb = ref.deref();
    if (wb && !wb.closed) open.push(wb);
    else OPEN.delete(ref);
  }
  return open;
}

export class Workbench {
  #instance: DuckDBInstance | undefined;
  #connection: DuckDBConnection | undefined;
  /** Where the database lives (`':memory:'` or a file path). */
  readonly path: string;
  #ownTemp: string | undefined;
  #names = 0;
  #memoryLimit: string;
  #statements = 0;
  #tempDirectory: string;
  #onStatement: WorkbenchOptions['onStatement'];

  private constructor(
    instance: DuckDBInstance,
    connection: DuckDBConnection,
    path: string,
    ownTemp: string | undefined,
    memoryLimit: string,
    tempDirectory: string,
    onStatement: WorkbenchOptions['onStatement'],
  ) {
    this.#instance = instance;
    this.#connection = connection;
    this.path = path;
    this.#ownTemp = ownTemp;
    this.#memoryLimit = memoryLimit;
    this.#tempDirectory = tempDirectory;
    this.#onStatement = onStatement;
  }

  /**
   * Open a Workbench on a new in-memory DuckDB, or on a `.duckdb` file.
   * @example const wb = await Workbench.open(); // in memory
   */
  static async open(options: WorkbenchOptions = {}): Promise<Workbench> {
    const path = options.path ?? ':memory:';
    const config: Record<string, string> = {};
    if (options.threads !== undefined) {
      if (!Number.isInteger(options.threads) || options.threads < 1) {
        throw new WorkbenchError('BAD_OPTION', messages.badThreads(options.threads), { threads: options.threads });
      }
      config['threads'] = String(options.threads);
    }
    const memoryLimit = options.memoryLimit ?? DEFAULT_MEMORY_LIMIT;
    if (typeof memoryLimit !== 'string' || !MEMORY_LIMIT.test(memoryLimit) || Number.parseFloat(memoryLimit) <= 0) {
      throw new WorkbenchError('BAD_OPTION', messages.badMemoryLimit(memoryLimit), { memoryLimit });
    }
    config['memory_limit'] = memoryLimit;
    openCount += 1;
    // DuckDB creates the folder only when it spills.
    const ownTemp =
      options.tempDirectory === undefined ? join(tmpdir(), `segment-workbench-${process.pid}-${openCount}`) : undefined;
    config['temp_directory'] = options.tempDirectory ?? (ownTemp as string);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, config);
    } catch (e) {
      throw new WorkbenchError('BAD_OPTION', messages.openFailed(path, e instanceof Error ? e.message : String(e)), {
        path,
      });
    }
    const connection = await instance.connect();
    // Progress is tracked (never printed) so long statements can report how far they are: queryProgress().
    await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    const wb = new Workbench(
      instance,
      connection,
      path,
      ownTemp,
      memoryLimit,
      config['temp_directory'],
      options.onStatement,
    );
    OPEN.add(new WeakRef(wb));
    return wb;
  }

  /** True once {@link close} was called. */
  get closed(): boolean {
    return this.#connection === undefined;
  }

  #conn(): DuckDBConnection {
    if (!this.#connection) {
      throw new WorkbenchError('CLOSED', messages.closed());
    }
    return this.#connection;
  }

  /**
   * Run SQL with bound `$name` parameters and return plain rows.
   * @example await wb.query('select count(*) as n from transactions where amount > $min', { min: 0 })
   */
  async query<T extends Row = Row>(sql: string, params: Record<string, QueryParam> = {}): Promise<T[]> {
    const reader = await this.#run(sql, params);
    return reader.getRowObjectsJS().map((row) => convertRow(row) as T);
  }

  /** Run SQL for its effect (DDL, inserts); nothing is returned. */
  async run(sql: string, params: Record<string, QueryParam> = {}): Promise<void> {
    await this.#run(sql, params);
  }

  /** Run SQL and return the result as an arquero table (for small, notebook-side transforms). */
  async table(sql: string, params: Record<string, QueryParam> = {}): Promise<aq.ColumnTable> {
    const reader = await this.#run(sql, params);
    const columns = reader.getColumnsObjectJS();
    const converted: Record<string, unknown[]> = {};
    for (const [name, values] of Object.entries(columns)) converted[name] = values.map(convertValue);
    return aq.table(converted);
  }

  /**
   * How far the statement running now is, by DuckDB's own estimate (for progress lines on long work), or
   * undefined when nothing runs or DuckDB cannot tell yet. `rowsProcessed` counts rows its operators read.
   */
  queryProgress(): { percentage: number; rowsProcessed: number; totalRows: number } | undefined {
    const p = this.#connection?.progress;
    if (!p || !(p.percentage >= 0)) return undefined;
    return {
      percentage: p.percentage,
      rowsProcessed: Number(p.rows_processed),
      totalRows: Number(p.total_rows_to_process),
    };
  }

  /**
   * How many statements this Workbench has started. A progress line uses it to say which step of a stage runs:
   * DuckDB's percentage in {@link queryProgress} starts again with every statement.
   */
  get statementsRun(): number {
    return this.#statements;
  }

  /**
   * Column names and DuckDB types of a table or view, in their order (empty when there is no such table):
   * the one look-up of columns every analysis uses.
   * @example (await wb.columns('customers')).map((c) => c.name)
   */
  async columns(table: string): Promise<Array<{ name: string; type: string }>> {
    const rows = await this.query<{ column_name: string; data_type: string }>(
      'select column_name, data_type from information_schema.columns where table_name = $table order by ordinal_position',
      { table },
    );
    return rows.map((r) => ({ name: r.column_name, type: r.data_type }));
  }

  /** True when a table or view with this name exists. */
  async hasTable(name: string): Promise<boolean> {
    const rows = await this.query('select 1 from information_schema.tables where table_name = $name', { name });
    return rows.length > 0;
  }

  /**
   * A table name no other call on this Workbench has been given: `prefix_<n>`, n counting per Workbench.
   * For working tables, so two analyses running at once on one Workbench cannot read each other's.
   * @example const t = wb.tempName('_swb_cohort_periods'); // '_swb_cohort_periods_1'
   */
  tempName(prefix: string): string {
    this.#names += 1;
    return `${prefix}_${this.#names}`;
  }

  /** Run `fn` inside a transaction: on error everything it did is rolled back. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.run('COMMIT');
      return result;
    } catch (e) {
      await this.run('ROLLBACK').catch((rollbackError: unknown) => {
        throw new AggregateError([e, rollbackError], 'transaction failed and could not be rolled back');
      });
      throw e;
    }
  }

  /** Close the connection and the database. Closing twice is harmless. */
  close(): void {
    this.#connection?.closeSync();
    this.#instance?.closeSync();
    this.#connection = undefined;
    this.#instance = undefined;
    if (this.#ownTemp) rmSync(this.#ownTemp, { recursive: true, force: true });
    this.#ownTemp = undefined;
  }

  async #run(sql: string, params: Record<string, QueryParam>) {
    const conn = this.#conn();
    this.#statements += 1;
    const values: Record<string, DuckDBValue> = {};
    for (const [k, v] of Object.entries(params)) {
      // DuckDB rejects bound values the statement does not use; callers may pass a shared parameter bag.
      if (!new RegExp(`\\$${k}\\b`).test(sql)) continue;
      values[k] = v instanceof Date ? timestampValueFromDate(v) : v;
    }
    try {
      const start = performance.now();
      const reader = await conn.runAndReadAll(sql, Object.keys(values).length ? values : undefined);
      this.#onStatement?.({ sql, params, ms: performance.now() - start });
      return reader;
    } catch (e) {
      if (e instanceof WorkbenchError) throw e;
      const msg = e instanceof Error ? e.message : String(e);
      if (/^Out of Memory Error/i.test(msg)) {
        // DuckDB's own advice (SET memory_limit…, threads, insertion order) is about its SQL shell, not this API.
        const detail = /failed to allocate[^\n]*/i.exec(msg)?.[0] ?? '';
        throw new WorkbenchError(
          'OUT_OF_MEMORY',
          messages.outOfMemory(this.#memoryLimit, this.#tempDirectory, detail),
          { memoryLimit: this.#memoryLimit },
        );
      }
      throw new WorkbenchError('QUERY_FAILED', messages.queryFailed(msg), { sql });
    }
  }
}

/**
 * Significant digits kept of a fractional DOUBLE. DuckDB sums in parallel, so the last bits of a
 * floating-point sum depend on the order its threads finish (relative noise ~1e-13 at 10M rows);
 * rounding there makes the same input give the same numbers, charts and reports on every run.
 */
export const SIGNIFICANT_DIGITS = 12;

function convertValue(v: unknown): unknown {
  if (typeof v === 'bigint') {
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }
  if (typeof v === 'number')
    return Number.isInteger(v) || !Number.isFinite(v) ? v : Number(v.toPrecision(SIGNIFICANT_DIGITS));
  if (Array.isArray(v)) return v.map(convertValue);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return convertRow(v as Record<string, unknown>);
  }
  return v;
}

function convertRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = convertValue(v);
  return out;
}

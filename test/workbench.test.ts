import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../src/workbench.js';
import { isWorkbenchError } from '../src/errors.js';

describe('Workbench', () => {
  it('tells onStatement each completed statement with its bound values, in order, and not a failed one', async () => {
    const seen: Array<{ sql: string; params: Record<string, unknown>; ms: number }> = [];
    const wb = await Workbench.open({ onStatement: (s) => seen.push(s) });
    const opened = seen.length;
    await wb.run('create table t as select i from range(10) r(i)');
    const [r] = await wb.query<{ n: number }>('select count(*) as n from t where i >= $min', { min: 7 });
    await expect(wb.query('select * from no_such_table')).rejects.toThrow(/no_such_table/);
    wb.close();
    expect(r?.n).toBe(3);
    expect(seen.slice(opened).map((s) => [s.sql, s.params])).toEqual([
      ['create table t as select i from range(10) r(i)', {}],
      ['select count(*) as n from t where i >= $min', { min: 7 }],
    ]);
    expect(seen.every((s) => s.ms >= 0)).toBe(true);
  });

  it('rounds fractional doubles to 12 significant digits (in lists and structs too), so parallel sums repeat exactly', async () => {
    const wb = await Workbench.open({ threads: 2 });
    const [r] = await wb.query(
      "select 0.1::double + 0.2::double as x, [0.1::double + 0.2::double, 2.5] as l, {'a': 1/3} as s, 2::double ^ 60 as big",
    );
    expect(r).toEqual({ x: 0.3, l: [0.3, 2.5], s: { a: 0.333333333333 }, big: 2 ** 60 });
    const sums = new Set<number>();
    for (let i = 0; i < 5; i++) {
      const [t] = await wb.query<{ s: number }>('select sum(i * 0.01::double + 1/3) as s from range(3000000) t(i)');
      sums.add(t!.s);
    }
    expect(sums.size).toBe(1);
    wb.close();
  });

  it('bounds DuckDB memory by default, spills to its own temp folder and removes it on close', async () => {
    const wb = await Workbench.open({ memoryLimit: '64MB' });
    const [s] = await wb.query<{ m: string; t: string }>(
      "select current_setting('memory_limit') as m, current_setting('temp_directory') as t",
    );
    expect(s?.m).toBe('61.0 MiB');
    expect(s?.t.startsWith(join(tmpdir(), 'segment-workbench-'))).toBe(true);
    // A sort of ~200 MB of rows does not fit in 64 MB: it must spill and still give the right answer.
    const [r] = await wb.query<{ n: number; first: string }>(
      "select count(*) as n, min(s) as first from (select i, repeat('x', 100) || i::varchar as s from range(2000000) t(i) order by s desc)",
    );
    expect(r).toEqual({ n: 2_000_000, first: `${'x'.repeat(100)}0` });
    expect(existsSync(s!.t)).toBe(true);
    wb.close();
    expect(existsSync(s!.t)).toBe(false);
    const dflt = await Workbench.open();
    expect((await dflt.query<{ m: string }>("select current_setting('memory_limit') as m"))[0]?.m).toBe('476.8 MiB');
    dflt.close();
    const own = mkdtempSync(join(tmpdir(), 'swb-own-'));
    const given = await Workbench.open({ tempDirectory: own });
    given.close();
    expect(readdirSync(own)).toEqual([]);
    expect(existsSync(own)).toBe(true);
  });

  it('binds parameters and converts BIGINT, DECIMAL, HUGEINT and TIMESTAMP to JS values', async () => {
    const wb = await Workbench.open();
    const [row] = await wb.query(
      `select $n::BIGINT + 1 as big, 12.50::DECIMAL(10,2) as dec, 7::HUGEINT as huge, $d as ts, $s as s, 9007199254740993::BIGINT as unsafe`,
      { n: 41, d: new Date('2011-12-10T00:00:00Z'), s: "x'); drop table t; --" },
    );
    expect(row).toEqual({
      big: 42,
      dec: 12.5,
      huge: 7,
      ts: new Date('2011-12-10T00:00:00Z'),
      s: "x'); drop table t; --",
      unsafe: 9007199254740993n,
    });
    wb.close();
  });

  it('gives an arquero table for notebook-side transforms', async () => {
    const wb = await Workbench.open();
    const t = await wb.table('select * from (values (1, 2.5), (2, 3.5)) v(a, b) order by a');
    expect(t.numRows()).toBe(2);
    expect(t.array('b')).toEqual([2.5, 3.5]);
    wb.close();
  });

  it('closes twice harmlessly and fails clearly after close', async () => {
    const wb = await Workbench.open();
    wb.close();
    wb.close();
    expect(wb.closed).toBe(true);
    await expect(wb.query('select 1')).rejects.toSatisfy(
      (e: unknown) => isWorkbenchError(e, 'CLOSED') && /closed/.test((e as Error).message),
    );
  });

  it('keeps tables in a .duckdb file across reopen', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'swb-')), 'work.duckdb');
    const a = await Workbench.open({ path });
    await a.run('create table t as select 42 as x');
    a.close();
    const b = await Workbench.open({ path });
    expect(await b.query('select x from t')).toEqual([{ x: 42 }]);
    b.close();
  });

  it('keeps two Workbenches apart (no global state)', async () => {
    const a = await Workbench.open();
    const b = await Workbench.open();
    await a.run('create table t as select 1 as x');
    expect(await a.hasTable('t')).toBe(true);
    expect(await b.hasTable('t')).toBe(false);
    a.close();
    b.close();
  });

  it('rolls a failed transaction back', async () => {
    const wb = await Workbench.open();
    await wb.run('create table t as select 1 as x');
    await expect(
      wb.transaction(async () => {
        await wb.run('insert into t values (2)');
        await wb.run('select * from no_such_table');
      }),
    ).rejects.toThrow(/no_such_table/);
    expect(await wb.query('select count(*) as n from t')).toEqual([{ n: 1 }]);
    wb.close();
  });
});

describe('Workbench memory', () => {
  it.each([['lots'], ['0GB'], ['-1GB'], [''], [4096]])(
    'memoryLimit %j is a BAD_OPTION naming the option',
    async (memoryLimit) => {
      const e = await Workbench.open({ memoryLimit: memoryLimit as string }).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
      expect((e as Error).message).toBe(
        `memoryLimit must be an amount of memory like '512MB' or '4GB', got ${typeof memoryLimit === 'string' ? JSON.stringify(memoryLimit) : memoryLimit}.`,
      );
    },
  );

  it('threads that are not a whole number ≥ 1 name the option', async () => {
    const e = await Workbench.open({ threads: 0 }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect((e as Error).message).toBe('threads must be a whole number ≥ 1, got 0.');
  });

  it("running out of memory says to raise memoryLimit or free disk, without DuckDB's SQL advice", async () => {
    const wb = await Workbench.open({ memoryLimit: '20MB', threads: 1 });
    try {
      // One list of 10M numbers (80 MB) cannot spill.
      const e = await wb.query('select list(i) as l from range(10000000) t(i)').then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(isWorkbenchError(e, 'OUT_OF_MEMORY')).toBe(true);
      const message = (e as Error).message;
      expect(message).toMatch(
        /^Ran out of memory \(failed to allocate data of size [\d.]+ MiB \([\d.]+ MiB\/[\d.]+ MiB used\)\) with memoryLimit 20MB\. Open the Workbench with a larger memoryLimit \(Workbench\.open\(\{ memoryLimit: '4GB' \}\)\), or free disk space in .*segment-workbench-\d+-\d+ so the work can spill to disk\.$/,
      );
      expect(message).not.toMatch(/SET |Possible solutions|duckdb\.org/);
    } finally {
      wb.close();
    }
  });
});

describe('Workbench.statementsRun', () => {
  it('counts every statement started, failed ones too, so a progress line can say which step of a stage runs', async () => {
    const wb = await Workbench.open();
    const before = wb.statementsRun;
    await wb.run('create table t as select range as i from range(10)');
    await wb.query('select count(*) from t');
    await wb.table('select * from t');
    await expect(wb.run('select * from no_such_table')).rejects.toThrow();
    expect(wb.statementsRun - before).toBe(4);
    wb.close();
  });
});

describe('Workbench.queryProgress', () => {
  it('is undefined while no statement runs, and after close', async () => {
    const wb = await Workbench.open();
    await wb.run('create table t as select range as i from range(1000)');
    expect(wb.queryProgress()).toBeUndefined();
    wb.close();
    expect(wb.queryProgress()).toBeUndefined();
  });
});

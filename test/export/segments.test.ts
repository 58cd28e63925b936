import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../src/workbench.js';
import { loadTransactions } from '../../src/data/load.js';
import { rfm } from '../../src/analyses/rfm/index.js';
import { exportSegments } from '../../src/export/segments.js';
import { exportSelectSql } from '../../src/export/sql.js';
import { copyError } from '../../src/export/write.js';
import { isWorkbenchError } from '../../src/errors.js';
import { ONLINE_RETAIL } from '../helpers/data.js';

describe('exportSegments on the bundled Online Retail data', () => {
  let wb: Workbench;
  const dir = mkdtempSync(join(tmpdir(), 'swb-export-'));
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
  }, 120_000);
  afterAll(() => wb.close());

  it('writes one CSV row per scored customer, RFM segment counts equal to rfm()', async () => {
    const r = await rfm(wb);
    const out = join(dir, 'segments.csv');
    const res = await exportSegments(wb, { out });
    expect(res.rows).toBe(4338);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'customer_id,rfm_segment,rfm_segment_label,r,f,m,recency_days,frequency,monetary,cluster,cluster_label,value_tier,value_tier_label',
    );
    expect(lines).toHaveLength(4338 + 1);
    const counts = await wb.query<{ segment: string; n: number }>(
      'select rfm_segment as segment, count(*)::int as n from read_csv($p, header = true) group by 1',
      { p: out },
    );
    const expected = Object.fromEntries(r.segments.filter((s) => s.customers > 0).map((s) => [s.key, s.customers]));
    expect(Object.fromEntries(counts.map((c) => [c.segment, Number(c.n)]))).toEqual(expected);
    expect(expected['champions']).toBe(res.segments['champions']);
    // every customer has a cluster and a value tier, in words too
    const [missing] = await wb.query(
      `select count(*) filter (where cluster is null)::int as c, count(*) filter (where value_tier is null)::int as t,
      count(*) filter (where rfm_segment_label is null)::int as l, count(distinct customer_id)::int as ids from read_csv($p, header = true, all_varchar = true)`,
      { p: out },
    );
    expect(missing).toEqual({ c: 0, t: 0, l: 0, ids: 4338 });
    // the same counts the report's "lists to act on" section states per filter value
    const per = await wb.query<{ k: string; n: number }>(
      `select 'tier ' || value_tier as k, count(*)::int as n from read_csv($p, header = true) group by 1
      union all select 'cluster ' || cluster, count(*)::int from read_csv($p, header = true) group by 1 order by 1`,
      { p: out },
    );
    expect(Object.fromEntries(per.map((x) => [x.k, Number(x.n)]))).toEqual({
      'cluster 1': 1684,
      'cluster 2': 2654,
      'tier next-30%': 1302,
      'tier rest-50%': 2169,
      'tier top-20%': 867,
    });
    // customer 12347 is a Champion (7 orders, £4,310.00)
    const champion = lines.find((l) => l.startsWith('12347,'));
    expect(champion?.split(',').slice(1, 3)).toEqual(['champions', 'Champions']);
    expect(readdirSync(dir).filter((n) => n.includes('.swb-tmp-'))).toEqual([]);
  }, 120_000);

  it('with ";" writes Dutch labels and decimal commas that read back as the same money', async () => {
    const out = join(dir, 'segmenten.csv');
    await exportSegments(wb, { out, delimiter: ';', locale: 'nl' });
    const text = readFileSync(out, 'utf8');
    const row = text
      .split('\n')
      .find((l) => l.startsWith('12347;'))!
      .split(';');
    expect(row[2]).toBe('Kampioenen');
    expect(row[8]).toBe('4310,00');
    const [sums] = await wb.query(
      `select sum(cast(replace(monetary, ',', '.') as decimal(18, 2)))::double as csv,
      (select sum(round(monetary, 2)) from rfm)::double as rfm from read_csv($p, delim = ';', header = true, all_varchar = true)`,
      { p: out },
    );
    expect(sums?.['csv']).toBeCloseTo(Number(sums?.['rfm']), 2);
  }, 120_000);

  it('writes Parquet that DuckDB reads back row for row', async () => {
    const out = join(dir, 'segments.parquet');
    const res = await exportSegments(wb, { out });
    expect(res.options.format).toBe('parquet');
    const [row] = await wb.query(
      `select count(*)::int as n, count(distinct customer_id)::int as ids,
      sum(monetary)::double as revenue, (select sum(round(monetary, 2)) from rfm)::double as rfm from read_parquet($p)`,
      { p: out },
    );
    expect(row?.['n']).toBe(4338);
    expect(row?.['ids']).toBe(4338);
    expect(row?.['revenue']).toBeCloseTo(Number(row?.['rfm']), 2);
  }, 120_000);

  it('with clv: true adds the CLV band of every customer the model scored', async () => {
    const out = join(dir, 'clv.parquet');
    const res = await exportSegments(wb, { out, clv: true });
    expect(res.columns.slice(-4)).toEqual(['clv_band', 'clv_band_label', 'clv', 'p_alive']);
    const [row] = await wb.query(
      `select count(clv_band)::int as banded, (select count(*)::int from clv where customer_id in (select customer_id from rfm)) as scored,
      count(*) filter (where clv_band = 'top')::int as top, (select count(*)::int from clv where clv_tier = 'top' and customer_id in (select customer_id from rfm)) as clvTop
      from read_parquet($p)`,
      { p: out },
    );
    expect(row?.['banded']).toBe(row?.['scored']);
    expect(row?.['top']).toBe(row?.['clvTop']);
    expect(Number(row?.['top'])).toBeGreaterThan(0);
  }, 120_000);

  it('refuses a symlink or folder at --out and leaves the target alone', async () => {
    const target = join(dir, 'keep.txt');
    writeFileSync(target, 'keep');
    const link = join(dir, 'link.csv');
    symlinkSync(target, link);
    const error = await exportSegments(wb, { out: link }).catch((e: unknown) => e);
    expect(isWorkbenchError(error, 'WRITE_FAILED')).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('keep');
    const folder = await exportSegments(wb, { out: dir }).catch((e: unknown) => e);
    expect(isWorkbenchError(folder, 'WRITE_FAILED')).toBe(true);
  }, 120_000);

  it('rejects a delimiter with Parquet and an unknown format', async () => {
    await expect(exportSegments(wb, { out: join(dir, 'x.parquet'), delimiter: ';' })).rejects.toThrow(/CSV only/);
    await expect(exportSegments(wb, { out: join(dir, 'x.csv'), format: 'xlsx' as 'csv' })).rejects.toThrow(/"xlsx"/);
  });
});

describe('exportSelectSql', () => {
  it('binds labels and runs on DuckDB', async () => {
    const wb = await Workbench.open();
    try {
      await wb.run(
        `create table rfm as select 'c1' as customer_id, 'champions' as segment, 5 as r, 5 as f, 5 as m, 1 as recency_days, 9 as frequency, 1234.5::double as monetary`,
      );
      const { sql, params, columns } = exportSelectSql({
        rfm: 'rfm',
        labels: [{ kind: 'rfm', key: 'champions', label: 'O\'Brien "best"' }],
        decimalComma: true,
      });
      expect(columns).toEqual([
        'customer_id',
        'rfm_segment',
        'rfm_segment_label',
        'r',
        'f',
        'm',
        'recency_days',
        'frequency',
        'monetary',
      ]);
      expect(await wb.query(sql, params)).toEqual([
        {
          customer_id: 'c1',
          rfm_segment: 'champions',
          rfm_segment_label: 'O\'Brien "best"',
          r: 5,
          f: 5,
          m: 5,
          recency_days: 1,
          frequency: 9,
          monetary: '1234,50',
        },
      ]);
    } finally {
      wb.close();
    }
  });
});

describe('exportSegments and cells a spreadsheet would run as formulas', () => {
  const dir = mkdtempSync(join(tmpdir(), 'swb-export-formula-'));
  const ids = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-42', 'C1', 'C2'];
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    const csv = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const rows = ['customer_id,order_id,order_date,amount'];
    ids.forEach((id, i) => rows.push(`${csv(id)},O${i},2011-0${1 + i}-05,${10 * (i + 1)}.00`));
    rows.push('C2,R1,2011-07-01,-100.00'); // C2's returns exceed its purchases: monetary -40, a negative number
    const path = join(dir, 'orders.csv');
    writeFileSync(path, rows.join('\n') + '\n');
    await loadTransactions(wb, path);
  });
  afterAll(() => wb.close());

  it('writes the ids with a leading quote in CSV, says so, and keeps a negative monetary a number', async () => {
    const out = join(dir, 'segments.csv');
    const res = await exportSegments(wb, { out });
    expect(res.neutralised).toEqual({ customer_id: 4 });
    expect(res.warnings).toContain(
      '4 text cells of segments.csv began with =, +, -, @, a tab or a carriage return (4 in customer_id), which a spreadsheet ' +
        "would run as a formula; they were written with a leading ' so that Excel, LibreOffice and Google Sheets show the text. " +
        'Strip that quote before matching ids in another system, or export Parquet, which keeps values exact.',
    );
    const back = await wb.query<{ customer_id: string; monetary: number }>(
      'select customer_id, monetary from read_csv($p, header = true, all_varchar = false) order by customer_id',
      { p: out },
    );
    expect(back.map((b) => b.customer_id).sort()).toEqual(
      ["'+cmd|' /C calc'!A0", "'-42", '\'=HYPERLINK("http://evil","x")', "'@SUM(1+1)", 'C1', 'C2'].sort(),
    );
    expect(back.find((b) => b.customer_id === 'C2')?.monetary).toBe(-40);
    expect(readFileSync(out, 'utf8')).toMatch(/\nC2,[^\n]*,-40\.0,/);
  });

  it('keeps a negative monetary as -40,00 with ";" and leaves Parquet values exact', async () => {
    const semi = join(dir, 'segments-nl.csv');
    await exportSegments(wb, { out: semi, delimiter: ';', locale: 'nl' });
    const c2 = readFileSync(semi, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('C2;'))!
      .split(';');
    expect(c2[8]).toBe('-40,00');
    const pq = join(dir, 'segments.parquet');
    const res = await exportSegments(wb, { out: pq });
    expect(res.neutralised).toEqual({});
    expect(res.warnings.filter((w) => w.includes('formula'))).toEqual([]);
    const back = await wb.query<{ customer_id: string }>(
      'select customer_id from read_parquet($p) order by customer_id',
      { p: pq },
    );
    expect(back.map((b) => b.customer_id).sort()).toEqual([...ids].sort());
  });
});

describe('exportSelectSql with neutralise', () => {
  it('prefixes text cells that begin with = + - @ tab or CR, counts them per column, and leaves numbers alone', async () => {
    const wb = await Workbench.open();
    try {
      await wb.run(`create table rfm as select * from (values ('\tX', '-x'), ('\rY', 'champions'), ('-1', 'champions'), ('a=b', 'champions'), ('@a', 'champions'))
        v(customer_id, segment), (select 5 as r, 5 as f, 5 as m, 1 as recency_days, 9 as frequency, -12.5::double as monetary)`);
      const { sql, params, formulaCountSql } = exportSelectSql({
        rfm: 'rfm',
        labels: [{ kind: 'rfm', key: 'champions', label: '=Champions' }],
        neutralise: true,
      });
      const rows = await wb.query<{
        customer_id: string;
        rfm_segment: string;
        rfm_segment_label: string | null;
        monetary: number;
      }>(sql, params);
      expect(rows.map((r) => [r.customer_id, r.rfm_segment, r.rfm_segment_label, r.monetary])).toEqual([
        ["'\tX", "'-x", null, -12.5],
        ["'\rY", 'champions', "'=Champions", -12.5],
        ["'-1", 'champions', "'=Champions", -12.5],
        ["'@a", 'champions', "'=Champions", -12.5],
        ['a=b', 'champions', "'=Champions", -12.5],
      ]);
      expect(await wb.query(formulaCountSql, params)).toEqual([
        { customer_id: 4, rfm_segment: 1, rfm_segment_label: 4 },
      ]);
    } finally {
      wb.close();
    }
  });
});

describe('copyError', () => {
  it("turns DuckDB's full-disk error into WRITE_FAILED whose reason says the disk is full and where", async () => {
    const wb = await Workbench.open();
    try {
      const real = await wb.run("copy (select 1) to '/dev/full' (format csv)").then(
        () => undefined,
        (e: unknown) => e,
      );
      const e = copyError(real, '/data/exports/.segments.csv.swb-tmp-1-1');
      expect(isWorkbenchError(e, 'WRITE_FAILED')).toBe(true);
      expect((e as Error).message).toBe(
        'the disk is full (no space left on the disk that holds /data/exports); free space there',
      );
      expect(copyError(new Error('other'), '/x/.t')).toEqual(new Error('other'));
    } finally {
      wb.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { rfm, type RfmResult } from '../../../src/analyses/rfm/index.js';
import { goalsForReport, parseGoals, readGoalsFile, type GoalsResult } from '../../../src/analyses/goals/index.js';
import { checkByAttributes, segmentsForReport } from '../../../src/analyses/segments/report-run.js';
import { goalsFindings, goalsSection } from '../../../src/analyses/goals/section.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { ONLINE_RETAIL } from '../../helpers/data.js';

const error = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
};

describe('parseGoals', () => {
  it('reads the documented format', () => {
    const spec = parseGoals(
      {
        segments: 'rfm',
        goals: [
          { kpi: 'repeatRate', goal: 0.4 },
          { kpi: 'churnRate', goal: { champions: 0.05 }, tolerance: 0.1 },
        ],
      },
      'goals.json',
    );
    expect(spec).toEqual({
      segments: 'rfm',
      file: 'goals.json',
      goals: [
        { kpi: 'repeatRate', goal: 0.4 },
        { kpi: 'churnRate', goal: { champions: 0.05 }, tolerance: 0.1 },
      ],
    });
    expect(
      parseGoals({ segments: { column: 'region' }, goals: [{ kpi: { churnRate: 30 }, goal: 0.2 }] }, 'g.json').segments,
    ).toEqual({ column: 'region' });
  });

  it('names the file and the JSON path, and lists the known KPIs', () => {
    const e = error(() =>
      parseGoals(
        {
          goals: [
            { kpi: 'repeatRate', goal: 0.4 },
            { kpi: 'retention', goal: 0.3 },
          ],
        },
        'goals.json',
      ),
    );
    expect(e.message).toMatch(
      /^goals\.json, at \$\.goals\[1\]\.kpi: unknown KPI "retention"; known KPIs: "revenuePerCustomer", "ordersPerCustomer", "averageOrderValue", "repeatRate", "churnRate", "nps"/,
    );
    expect(error(() => parseGoals({ goals: [{ kpi: 'nps', goal: '40' }] }, 'g.json')).message).toMatch(
      /at \$\.goals\[0\]\.goal: goal must be a finite number/,
    );
    expect(error(() => parseGoals({ segments: 'regions', goals: [] }, 'g.json')).message).toMatch(
      /at \$\.segments: segments must be "rfm"/,
    );
    expect(error(() => parseGoals({ goals: [] }, 'g.json')).message).toMatch(
      /at \$\.goals: goals must be a non-empty list/,
    );
    expect(error(() => parseGoals({ goals: [{ kpi: 'nps', goal: 1, tolerence: 2 }] }, 'g.json')).message).toMatch(
      /at \$\.goals\[0\]\.tolerence: unknown key "tolerence"/,
    );
    expect(error(() => parseGoals([], 'g.json')).message).toMatch(/^g\.json, at \$: expected an object/);
  });

  it('reports a file that is not JSON with its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-goals-'));
    writeFileSync(join(dir, 'bad.json'), '{ "goals": [ }');
    const e = error(() => readGoalsFile(join(dir, 'bad.json')));
    expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
    expect(e.message).toMatch(/^The goals file bad\.json is not valid JSON/);
    expect(
      isWorkbenchError(
        error(() => readGoalsFile(join(dir, 'missing.json'))),
        'FILE_NOT_FOUND',
      ),
    ).toBe(true);
  });
});

describe('goals on the bundled Online Retail data', () => {
  let wb: Workbench;
  let r: RfmResult;
  let g: GoalsResult;
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
    r = await rfm(wb);
    const spec = parseGoals(
      {
        segments: 'rfm',
        goals: [
          { kpi: 'repeatRate', goal: 0.4 },
          { kpi: 'churnRate', goal: { champions: 0.05, 'at-risk': 0.5 } },
        ],
      },
      'goals.json',
    );
    g = await goalsForReport(wb, spec, { asOf: r.options.asOf, rfm: r });
  }, 120_000);
  afterAll(() => wb.close());

  it('computes each RFM segment’s repeat rate as the share of its customers with 2+ orders', async () => {
    const [check] = await wb.query(
      `select count(*)::int as n, avg((frequency >= 2)::int)::double as rate from rfm where segment = 'hibernating'`,
    );
    const row = g.kpis.rows.find((x) => x.kpi === 'repeatRate' && x.segment === 'hibernating')!;
    expect(row.n).toBe(check?.['n']);
    expect(row.value).toBeCloseTo(Number(check?.['rate']), 12);
    expect(row.value).toBeCloseTo(0.279, 3);
    expect(row.status).toBe('missed');
    expect(g.kpis.rows.find((x) => x.kpi === 'repeatRate' && x.segment === 'about-to-sleep')?.status).toBe('close');
    // At Risk churn: 73.5% against 50% (lower is better) is missed
    expect(g.kpis.rows.find((x) => x.kpi === 'churnRate' && x.segment === 'at-risk')?.status).toBe('missed');
  });

  it('gives one finding per missed goal, RFM segments by name, in English and Dutch', () => {
    const en = goalsFindings(g, 'en', 'GBP');
    expect(en[0]).toBe('Of 12 goals, 7 met, 1 close and 4 missed.');
    expect(en.slice(1)).toHaveLength(4);
    expect(en).toContain(
      'Hibernating: repeat rate is 27.9% (95% CI 25.5% to 30.3%) against a goal of 40.0%, missed by 12.1%.',
    );
    const nl = goalsSection(g, { locale: 'nl', currency: 'GBP' });
    expect(nl.title).toBe('Doelen');
    expect(nl.findings?.[0]).toBe('Van de 12 doelen zijn er 7 gehaald, 1 bijna en 4 niet gehaald.');
    expect(nl.tables?.[0]?.rows.find((row) => row[0] === 'Slapend' && row[1] === 'Herhaalaankopen')?.slice(2)).toEqual([
      '1.335',
      '27,9%',
      '25,5% tot 30,3%',
      '40,0%',
      '-12,1%',
      'niet gehaald',
    ]);
    expect(nl.charts).toHaveLength(2);
  });

  it('names the goals file when a goal names a segment the data does not have', async () => {
    const spec = parseGoals({ goals: [{ kpi: 'repeatRate', goal: { champs: 0.9 } }] }, 'goals.json');
    await expect(goalsForReport(wb, spec, { asOf: r.options.asOf, rfm: r })).rejects.toThrow(
      /^goals\.json, at \$\.goals: .*champs/,
    );
  });

  it('--by: splits the value tiers by the named attributes; unknown names list the usable ones', async () => {
    await expect(checkByAttributes(wb, ['region', 'country'])).rejects.toThrow(
      '--by: unknown attribute "region"; usable: "country" (text columns of the customers file), or a behavioural segmentation: timing, loyalty, journey, product-mix, channel, price.',
    );
    const input = await segmentsForReport(wb, { asOf: r.options.asOf, by: ['country'] });
    expect(input.subsegments?.map((s) => [s.byVariable, s.kpi.id])).toEqual([['country', 'revenuePerCustomer']]);
  }, 120_000);
});

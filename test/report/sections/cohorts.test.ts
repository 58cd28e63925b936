import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { cohorts, type CohortResult } from '../../../src/analyses/cohorts/index.js';
import { cohortFindings, cohortsSection } from '../../../src/analyses/cohorts/section.js';
import { expectValidSpec } from '../../helpers/charts.js';
import { ONLINE_RETAIL } from '../../helpers/data.js';

let wb: Workbench;
let monthly: CohortResult;
let byCountry: CohortResult;

beforeAll(async () => {
  wb = await Workbench.open();
  await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
  monthly = await cohorts(wb);
  byCountry = await cohorts(wb, { by: 'country' });
}, 120_000);
afterAll(() => wb.close());

const cellOf = (r: CohortResult, cohort: string, k: number) =>
  r.rows.find((c) => c.cohort === cohort && c.period === k);
const avgOf = (r: CohortResult, k: number) => r.average.find((p) => p.period === k);
const pct = (x: number | undefined) => `${Math.round(100 * (x ?? NaN))}%`;

describe('cohortsSection', () => {
  it('writes findings in English from the numbers: latest full cohort, average after 3 and 6 months, trend, LTV', () => {
    const oct = cellOf(monthly, '2011-10', 1);
    expect(oct?.partial).toBe(false); // Oct 2011 is the latest cohort with a complete next month
    const ltv = Math.round(avgOf(monthly, 6)?.cumulativeRevenuePerCustomer ?? NaN).toLocaleString('en-GB');
    expect(cohortFindings(monthly, 'en')).toEqual([
      `Of the customers who started in Oct 2011, ${pct(oct?.retention)} ordered again the next month.`,
      `On average ${pct(avgOf(monthly, 3)?.retention)} of a cohort is still active after 3 months and ${pct(avgOf(monthly, 6)?.retention)} after 6 months (weighted by cohort size, without Dec 2010).`,
      // Jan–Mar 2011 (92 + 71 + 68 of 1,249 back) against Aug–Oct 2011 (35 + 70 + 86 of 826); Dec 2010 holds earlier customers too
      'Newer cohorts come back more often: 23% of the last three ordered again the next month, against 18% of the first three (without Dec 2010).',
      `After 6 months a customer has brought €${ltv} in net revenue on average (cumulative, weighted by cohort size, without Dec 2010).`,
    ]);
    expect(pct(oct?.retention)).toBe('24%');
    // the average leaves out Dec 2010: 22.7% after 3 months, as the table's average row and the chart's black line say
    expect(avgOf(monthly, 3)?.retention).toBeCloseTo(0.227, 3);
    expect(ltv).toBe('1,099');
  });

  it('writes the same findings in Dutch with Dutch number formats', () => {
    const f = cohortFindings(monthly, 'nl');
    expect(f[0]).toBe('Van de klanten die in okt 2011 begonnen, bestelde 24% opnieuw in de maand erna.');
    expect(f[1]).toBe(
      'Gemiddeld is 23% van een cohort na 3 maanden nog actief en 25% na 6 maanden (gewogen naar cohortomvang, zonder dec 2010).',
    );
    expect(f[2]).toBe(
      'Nieuwere cohorten komen vaker terug: 23% van de laatste drie bestelde opnieuw in de maand erna, tegen 18% van de eerste drie (zonder dec 2010).',
    );
    expect(f[3]).toMatch(/^Na 6 maanden heeft een klant gemiddeld €\s\d\.\d{3} netto-omzet opgebracht/);
  });

  it('builds the section: intro with the partial last month, four valid charts, a cohort table with formatted numbers, facts', () => {
    const s = cohortsSection(monthly, { locale: 'en' });
    expect(s.id).toBe('cohorts');
    expect(s.intro?.[1]).toBe(
      'The data ends on 9 Dec 2011, during Dec 2011: that last period is only partly observed, so it is marked with * and left out of the curves and averages.',
    );
    expect(s.charts?.map((c) => c.id)).toEqual([
      'cohorts-retention',
      'cohorts-revenue-retention',
      'cohorts-curves',
      'cohorts-ltv',
    ]);
    for (const c of s.charts ?? []) expectValidSpec(c.spec);
    const table = s.tables?.[0];
    expect(table?.columns.map((c) => c.label)).toEqual([
      'Cohort',
      'Customers',
      'Retention after 1 month',
      'Retention after 3 months',
      'Retention after 6 months',
      'Revenue per customer after 6 months',
      'Net revenue',
    ]);
    expect(table?.rows[0]?.slice(0, 3)).toEqual(['Dec 2010 †', '885', '36.6%']);
    expect(table?.rows.at(-3)?.slice(0, 3)).toEqual(['Dec 2011', '41', '–']);
    // the average row: averages only, without Dec 2010 (4,338 − 885 customers); the total row: sums of every cohort
    expect(table?.rows.at(-2)).toEqual([
      'Weighted average (without Dec 2010)',
      '3,453',
      '19.9%',
      '22.7%',
      '25.1%',
      '€1,099',
      '',
    ]);
    expect(table?.rows.at(-1)).toEqual(['Total', '4,338', '', '', '', '', '€8,298,186']);
    expect(table?.note).toBe(
      '– = not yet (fully) observed. † Dec 2010 also holds the customers from before the data starts; not in the average. ' +
        'Total €8,298,186: the summary’s net revenue without the €10,411 of returns by 33 customers who only returned something ' +
        'and without €9,255 of returns booked before the customer’s first purchase (of purchases from before the data starts).',
    );
    expect(s.next).toEqual([
      'What to do: only 20% of new customers order again the next month. Make the second order easy within the first month (a welcome offer, a reminder) and follow this figure for every new cohort.',
    ]);
    expect(s.facts).toContainEqual(['Last period', 'Dec 2011, partly observed']);
    expect(s.facts).toContainEqual(['Customers with only returns (in no cohort)', '33']);
    expect(JSON.stringify({ ...s, charts: [] })).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('describes attribute cohorts in Dutch: largest cohort first, best and worst compared', () => {
    const s = cohortsSection(byCountry, { locale: 'nl', currency: 'GBP' });
    const uk = cellOf(byCountry, 'United Kingdom', 1);
    // country names from the data read in Dutch
    expect(s.findings?.[0]).toBe(
      `Van de klanten in Verenigd Koninkrijk bestelde ${pct(uk?.retention)} opnieuw in de maand erna.`,
    );
    expect(s.findings?.[2]).toMatch(
      /^Het behoud na één maand is het hoogst voor Frankrijk \(\d+%\) en het laagst voor Verenigd Koninkrijk \(\d+%\), onder cohorten van minstens 30 klanten\.$/,
    );
    expect(s.findings?.[3]).toContain('£');
    expect(s.intro?.[1]).toContain('De laatste, deels waargenomen periode van elke klant is weggelaten');
    expect(s.tables?.[0]?.rows[0]?.slice(0, 2)).toEqual(['Verenigd Koninkrijk', '3.920']);
    expect(s.tables?.[0]?.note).toBe(
      'De grootste 24 van 37 cohorten; – = nog niet (volledig) waargenomen. Totaal £\u00a07.956.630: de netto-omzet uit de samenvatting ' +
        'zonder de £\u00a010.411 aan retouren van 33 klanten die alleen iets terugstuurden en zonder £\u00a09.255 aan retouren die vóór de eerste aankoop van de klant vallen ' +
        '(van aankopen van vóór het begin van de data) en zonder de omzet in de laatste, deels waargenomen periode van elke klant.',
    );
    expect(s.facts).toContainEqual(['Cohorten naar', 'country']);
  });
});

/**
 * One figure, one definition: the demo report of the bundled Online Retail file states each headline
 * figure (customers, orders, the as-of date, the top 20%'s share of revenue) under one label and with one
 * number in every section that shows it, and the file's counts of ids as `swb validate` prints them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_TIMEOUT, demoReport } from '../helpers/demo-reports.js';
import { runCli } from '../helpers/cli.js';
import { ONLINE_RETAIL } from '../helpers/data.js';
import { reportText } from '../helpers/report-text.js';
import { clvTexts } from '../../src/analyses/clv/texts.js';
import { texts } from '../../src/i18n/index.js';

/** Every value stated as `label: value` in the report's text, in reading order. */
function factValues(text: string, label: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${label}: `))
    .map((l) => l.slice(label.length + 2));
}

/** The report's text cut at its section headings (as the contents list names them, after the list itself). */
function sections(text: string, titles: readonly string[]): Record<string, string> {
  const lines = text.split('\n');
  const starts = titles.map((title) => lines.indexOf(title, lines.indexOf(titles.at(-1) ?? '') + 1));
  return Object.fromEntries(
    titles.map((title, i) => {
      const end = starts.slice(i + 1).find((s) => s > (starts[i] ?? 0)) ?? lines.length;
      return [title, lines.slice(starts[i], end).join('\n')];
    }),
  );
}

describe('the demo report states each figure once', () => {
  it(
    'customers, orders, as-of date and the top 20% share agree across sections and with swb validate',
    async () => {
      const [built, validate] = await Promise.all([
        demoReport('en'),
        runCli(['validate', ONLINE_RETAIL, '--preset', 'online-retail']),
      ]);
      expect(built.code, built.stderr).toBe(0);
      expect(validate.code, validate.stderr).toBe(0);
      const text = reportText(readFileSync(built.file, 'utf8'));
      const f = texts('en').report.figures;
      const s = sections(text, [
        'Summary',
        'Data quality',
        'RFM segments',
        'Cohorts',
        'Clusters',
        'Segments',
        'Method and parameters',
      ]);

      // Customers with a purchase before the as-of date: the summary, RFM and cohorts, under one label.
      expect(factValues(text, f.customers)).toEqual(['4,338', '4,338', '4,338']);
      for (const id of ['Summary', 'RFM segments', 'Cohorts'])
        expect(factValues(s[id] ?? '', f.customers), id).toEqual(['4,338']);
      expect(factValues(s['Clusters'] ?? '', 'Customers placed in a cluster')).toEqual(['4,338']);
      // The value tiers hold the same customers: 867 + 1,302 + 2,169.
      const tiers = (s['Segments'] ?? '')
        .split('\n')
        .filter((l) => /^(Top 20%|Next 30%|Rest 50%) \| [\d,]+ \| [\d.]+% \|/.test(l))
        .map((l) => l.split('|').map((c) => c.trim()));
      expect(tiers.map((r) => r[1])).toEqual(['867', '1,302', '2,169']);
      expect(tiers.reduce((a, r) => a + Number((r[1] ?? '').replace(/,/g, '')), 0)).toBe(4338);

      // Orders with a purchase: the summary's figure; the data-quality section traces it to the file's order ids.
      expect(factValues(text, f.orders)).toEqual(['18,532']);
      expect(s['Data quality']).toContain(
        'Of the 4,371 customer ids in the file, 4,338 made a purchase before 10 Dec 2011',
      );
      expect(s['Data quality']).toContain('Of the 22,186 order ids, 18,532 hold a purchase before 10 Dec 2011');

      // The file's counts, as swb validate prints them.
      expect(validate.stdout).toMatch(/^ {2}customer ids {2}4,371$/m);
      expect(validate.stdout).toMatch(/^ {2}order ids {5}22,186 \(incl\. returns and cancellations\)$/m);
      expect(factValues(s['Data quality'] ?? '', f.customerIds)).toEqual(['4,371']);
      expect(factValues(s['Data quality'] ?? '', f.orderIds)).toEqual(['22,186']);

      // One as-of wording: the header, RFM, cohorts, timing, loyalty and journey (the method section gives the ISO date to pass back in).
      const asOf = '10 Dec 2011 (orders up to and including 9 Dec 2011)';
      expect(factValues(text, 'As-of date')).toEqual([asOf, asOf, asOf, asOf, asOf, asOf, '2011-12-10']);
      expect(text).not.toMatch(/Data up to|between [^\n]*and 10 Dec 2011/); // 10 Dec 2011 is a moment (the as-of), never the end of a range

      // The top 20% of customers by net revenue: one rule, one number (summary, RFM, value tiers).
      const shares = [...text.matchAll(/top 20% of customers by (?:net )?revenue[^\n]*?bring (\d+\.\d)% of/g)].map(
        (m) => m[1],
      );
      expect(shares).toEqual(['73.6', '73.6', '73.6']);
      expect(tiers[0]?.[3]).toBe('73.6%');
    },
    DEMO_TIMEOUT,
  );

  it(
    'says the same in Dutch, under the Dutch labels',
    async () => {
      const built = await demoReport('nl');
      expect(built.code, built.stderr).toBe(0);
      const text = reportText(readFileSync(built.file, 'utf8'));
      const f = texts('nl').report.figures;
      expect(factValues(text, f.customers)).toEqual(['4.338', '4.338', '4.338']);
      expect(factValues(text, f.orders)).toEqual(['18.532']);
      expect(factValues(text, f.customerIds)).toEqual(['4.371']);
      expect(factValues(text, f.orderIds)).toEqual(['22.186']);
      const asOf = '10 dec 2011 (bestellingen tot en met 9 dec 2011)';
      expect(factValues(text, 'Peildatum')).toEqual([asOf, asOf, asOf, asOf, asOf, asOf, '2011-12-10']);
      expect(
        [...text.matchAll(/20% van de klanten naar (?:netto-)?omzet[^\n]*?(?:brengt|brengen) (\d+,\d)%/g)].map(
          (m) => m[1],
        ),
      ).toEqual(['73,6', '73,6', '73,6']);
    },
    DEMO_TIMEOUT,
  );

  it(
    "names the CLV model's own customer count by its definition (a purchase day not cancelled that day)",
    async () => {
      const built = await demoReport('en-clv');
      expect(built.code, built.stderr).toBe(0);
      const text = reportText(readFileSync(built.file, 'utf8'));
      const f = texts('en').report;
      expect(factValues(text, f.figures.customers)).toEqual(['4,338', '4,338', '4,338']);
      // 4 of the 4,338 customers only bought on days whose purchases were cancelled the same day.
      expect(factValues(text, clvTexts('en').section.facts.customers)).toEqual(['4,334']);
    },
    DEMO_TIMEOUT,
  );
});

/**
 * `swb report --subscriptions … --events …` and `swb validate --subscriptions …` as child processes, on a sample
 * written by `swb sample --subscriptions` (needs the built CLI: see helpers/cli.ts). The report on subscriptions
 * alone never falls back to the bundled transactions; its MRR is the one mrrMovements computes on the same file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPOCH, requireCli, runCli } from '../helpers/cli.js';
import { reportText } from '../helpers/report-text.js';
import { Workbench } from '../../src/workbench.js';
import { loadSubscriptions } from '../../src/data/subscriptions.js';
import { mrrMovements } from '../../src/analyses/subscriptions/index.js';
import { formatCurrency, formatNumber } from '../../src/locale.js';
import { SUBS } from '../analyses/subscriptions/fixture.js';

let dir = '';
let subs = '';
let events = '';
/** MRR and paying customers at the end of the last month, from mrrMovements on the same file. */
let end = { mrr: NaN, customers: NaN };

/** Section ids in order (the HTML writes them as `sec-<id>`). */
const sectionIds = (html: string): string[] =>
  Array.from(html.matchAll(/<section class="report-section" id="sec-([^"]+)"/g), (m) => m[1] ?? '');

beforeAll(async () => {
  requireCli();
  dir = mkdtempSync(join(tmpdir(), 'swb-subs-cli-'));
  const sample = await runCli([
    'sample',
    '--customers',
    '1200',
    '--seed',
    '11',
    '--out',
    join(dir, 'sample.csv'),
    '--subscriptions',
  ]);
  expect(sample.code, sample.stderr).toBe(0);
  subs = join(dir, 'subscriptions.csv');
  events = join(dir, 'events.csv');
  const wb = await Workbench.open();
  try {
    await loadSubscriptions(wb, subs);
    const m = await mrrMovements(wb);
    const last = m.rows[m.rows.length - 1];
    end = { mrr: last?.mrrEnd ?? NaN, customers: last?.customersEnd ?? NaN };
  } finally {
    wb.close();
  }
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('swb report on subscriptions and usage events alone', () => {
  it.each(['en', 'nl'] as const)(
    'writes the %s report: summary, data quality, subscriptions, method; MRR as mrrMovements has it',
    async (locale) => {
      const out = join(dir, `subs.${locale}.html`);
      const r = await runCli(
        ['report', '--subscriptions', subs, '--events', events, '--locale', locale, '--out', out],
        { env: { SOURCE_DATE_EPOCH: EPOCH } },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(`${out}\n`);
      const stages = r.stderr
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith(' '))
        .map((l) => l.split(/\s+/)[0]);
      expect(stages).toEqual([
        'subscriptions',
        'events',
        'mrr',
        'kpis',
        'churn',
        'subscriptionCohorts',
        'usage',
        'usageChurn',
        'churnByUsage',
        'render',
        'write',
      ]);
      const html = readFileSync(out, 'utf8');
      expect(sectionIds(html)).toEqual(['summary', 'data-quality', 'subscriptions', 'method']);
      expect(html).not.toContain('online_retail');
      const text = reportText(html);
      // reportText writes every space as a plain space (Dutch money has a no-break space after €)
      const mrr = formatCurrency(end.mrr, locale, 'EUR', 0).replace(/\u00a0/g, ' ');
      const customers = formatNumber(end.customers, locale);
      // the sample's data ends in December 2024
      expect(text).toContain(
        locale === 'en'
          ? `On 31 Dec 2024 the MRR is ${mrr} from ${customers} paying customers`
          : `Op 31 dec 2024 is de MRR ${mrr} van ${customers} betalende klanten`,
      );
      expect(text).toContain(`MRR: ${mrr}`);
      expect(text).toContain(
        locale === 'en' ? 'Churn within 3 months by usage' : 'Verloop binnen 3 maanden naar gebruik',
      );
      // 8 with the churn per plan month by month (#27)
      expect(html.match(/<figure class="chart/g)?.length).toBe(8);
    },
    180_000,
  );

  it('reports the subscriptions beside the transactions when both are given', async () => {
    const out = join(dir, 'both.html');
    const r = await runCli(['report', join(dir, 'sample.csv'), '--subscriptions', subs, '--out', out], {
      env: { SOURCE_DATE_EPOCH: EPOCH },
    });
    expect(r.code, r.stderr).toBe(0);
    const ids = sectionIds(readFileSync(out, 'utf8'));
    expect(ids.slice(0, 3)).toEqual(['summary', 'data-quality', 'rfm']);
    expect(ids).toContain('subscriptions');
    expect(ids.indexOf('subscriptions')).toBeGreaterThan(ids.indexOf('segments'));
    const text = reportText(readFileSync(out, 'utf8'));
    // MRR leads the summary's findings; the data quality names the subscriptions file
    expect(text).toMatch(
      new RegExp(
        `Summary\\n[\\s\\S]*?On 31 Dec 2024 the MRR is ${formatCurrency(end.mrr, 'en', 'EUR', 0).replace(/[$.]/g, '\\$&')}`,
      ),
    );
    expect(text).toContain('Subscriptions file: subscriptions.csv');
  }, 180_000);

  it.each([
    [
      'en',
      'default',
      'Counting of MRR movements (mrrMethod) | between month ends',
      'MRR movements (method: month end) |',
    ],
    [
      'en',
      'dated',
      'Counting of MRR movements (mrrMethod) | on the day of each change',
      'MRR movements (method: by day) |',
    ],
    [
      'nl',
      'dated',
      'Telling van MRR-bewegingen (mrrMethod) | op de dag van elke wijziging',
      'MRR-bewegingen (methode: per dag) |',
    ],
  ] as const)(
    'states the MRR counting method in the %s method section (--mrr-method %s)',
    async (locale, method, option, definition) => {
      const out = join(dir, `method-${method}.${locale}.html`);
      const r = await runCli(
        [
          'report',
          '--subscriptions',
          subs,
          '--locale',
          locale,
          '--out',
          out,
          ...(method === 'default' ? [] : ['--mrr-method', method]),
        ],
        { env: { SOURCE_DATE_EPOCH: EPOCH } },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`^mrr .* \\(${method === 'default' ? 'month-end' : method}\\)$`, 'm'));
      const text = reportText(readFileSync(out, 'utf8'));
      const section = text.slice(
        text.lastIndexOf(locale === 'en' ? '\nMethod and parameters\n' : '\nMethode en parameters\n'),
      );
      expect(section).toContain(option);
      expect(section).toContain(definition);
    },
    180_000,
  );

  it.each(['en', 'nl'] as const)(
    'judges the goals file’s SaaS goals in the %s subscriptions section, per plan and per country',
    async (locale) => {
      const goals = join(dir, 'saas-goals.json');
      writeFileSync(
        goals,
        JSON.stringify({
          subscriptions: {
            churn: { max: 0.05 },
            by: { plan: { '*': { churn: { max: 0.03 } } }, country: { NL: { arpa: { min: 10 } } } },
          },
        }),
      );
      const out = join(dir, `goals.${locale}.html`);
      const r = await runCli(['report', '--subscriptions', subs, '--goals', goals, '--locale', locale, '--out', out], {
        env: { SOURCE_DATE_EPOCH: EPOCH },
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^kpis .*5 SaaS goals: \d met, \d missed$/m); // all, 3 plans, NL
      const html = readFileSync(out, 'utf8');
      // subscription goals alone: no goals section of their own
      expect(sectionIds(html)).toEqual(['summary', 'data-quality', 'subscriptions', 'method']);
      const text = reportText(html);
      for (const caption of locale === 'en'
        ? [
            'SaaS KPIs by plan at the end of Dec 2024',
            'SaaS KPIs by country at the end of Dec 2024',
            'SaaS KPIs against the goals of saas-goals.json, Dec 2024',
            'Subscription cohorts by plan',
            'Of 5 SaaS goals,',
          ]
        : [
            'SaaS-kerncijfers per abonnement eind dec 2024',
            'SaaS-kerncijfers per land eind dec 2024',
            'SaaS-kerncijfers tegenover de doelen uit saas-goals.json, dec 2024',
            'Abonnementscohorten per abonnement',
            'Van de 5 SaaS-doelen',
          ])
        expect(text).toContain(caption);
      expect(text).toContain(locale === 'en' ? 'country: NL' : 'land: NL');
    },
    180_000,
  );

  it('ends the run naming the goals file and the values there are for a plan the data lacks', async () => {
    const goals = join(dir, 'bad-goals.json');
    writeFileSync(goals, JSON.stringify({ subscriptions: { by: { plan: { Pro: { churn: { max: 0.03 } } } } } }));
    const r = await runCli(['report', '--subscriptions', subs, '--goals', goals, '--out', join(dir, 'bad.html')]);
    expect(r.code).toBe(1); // as every mistake in a goals file
    expect(r.stderr).toContain(
      'bad-goals.json, at $.subscriptions.by.plan.Pro.churn: no segment "Pro" in plan (values: "basic", "business", "pro")',
    );
    // segment goals need transactions; subscription goals need subscriptions
    writeFileSync(
      goals,
      JSON.stringify({ goals: [{ kpi: 'repeatRate', goal: 0.4 }], subscriptions: { nrr: { min: 1 } } }),
    );
    const segment = await runCli(['report', '--subscriptions', subs, '--goals', goals, '--out', join(dir, 'bad.html')]);
    expect([segment.code, segment.stderr]).toEqual([
      2,
      'error: bad-goals.json sets goals on customer segments ("goals"), which need a transactions file, and this report has only subscriptions; pass the transactions FILE too, or keep only the "subscriptions" goals in bad-goals.json. [USAGE]\n',
    ]);
    const noSubs = await runCli(['report', '--goals', goals, '--out', join(dir, 'bad.html')]);
    expect(noSubs.stderr).toBe(
      'error: bad-goals.json sets goals on subscription KPIs ("subscriptions"): pass the subscriptions file too (--subscriptions FILE), or leave that part of bad-goals.json out. [USAGE]\n',
    );
  }, 180_000);

  it('lists --mrr-method in the help and refuses a bad value or one without subscriptions (exit 2)', async () => {
    const help = await runCli(['report', '--help']);
    expect(help.stdout).toMatch(
      /^ {2}--mrr-method month-end\|dated +with --subscriptions: .* \[default: month-end\]$/m,
    );
    const bad = await runCli([
      'report',
      '--subscriptions',
      subs,
      '--mrr-method',
      'daily',
      '--out',
      join(dir, 'x.html'),
    ]);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'error: --mrr-method: unknown mrrMethod: daily (expected one of: month-end, dated) [USAGE]\n',
    ]);
    const noSubs = await runCli(['report', '--mrr-method', 'dated', '--out', join(dir, 'x.html')]);
    expect(noSubs.code).toBe(2);
    expect(noSubs.stderr).toMatch(/^error: The counting method of MRR movements .*--subscriptions FILE.* \[USAGE\]\n$/);
  });

  it('segments churn by the platform at each month start with --churn-by platform (en), refused without --subscriptions', async () => {
    const out = join(dir, 'churn-by.html');
    const r = await runCli(
      ['report', '--subscriptions', subs, '--events', events, '--churn-by', 'platform', '--out', out],
      { env: { SOURCE_DATE_EPOCH: EPOCH } },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^churn .* 4 platform values, /m);
    const text = reportText(readFileSync(out, 'utf8'));
    expect(text).toContain('Customer and revenue churn by platform');
    expect(text).toContain('Device, platform or app version of a customer');
    expect(text).toContain('never their latest value overall');
    const help = await runCli(['report', '--help']);
    expect(help.stdout).toMatch(/^ {2}--churn-by ATTR +with --subscriptions: .* \[default: plan\]$/m);
    const noSubs = await runCli(['report', '--churn-by', 'device', '--out', join(dir, 'x.html')]);
    expect([noSubs.code, noSubs.stderr]).toEqual([
      2,
      'error: Churn by a segment (churnBy, --churn-by) is measured on subscriptions: pass the subscriptions file too (subscriptions, --subscriptions FILE), or leave it out. [USAGE]\n',
    ]);
  }, 180_000);

  it('converts subscriptions in three currencies with --fx, and refuses them without rates or with a bad rates file', async () => {
    // the hand-made EUR subscriptions plus USD 100 (u) and GBP 40 (v): at 0.9 and 1.15, MRR at the end of April 2024 is
    // 330.24 (EUR alone) + 90 + 46
    const mixed = join(dir, 'mixed.csv');
    const rows = [
      ...SUBS,
      ['u1', 'u', 'Pro', '2024-01-01', null, 100, 'USD', 'US'],
      ['v1', 'v', 'Basic', '2024-02-01', null, 40, 'GBP', 'GB'],
    ].map((r) => r.map((x) => x ?? '').join(','));
    writeFileSync(
      mixed,
      ['subscription_id,customer_id,plan,start_date,end_date,mrr,currency,country', ...rows, ''].join('\n'),
    );
    writeFileSync(join(dir, 'rates.csv'), 'currency,rate\nUSD,0.9\nGBP,1.15\n');
    writeFileSync(join(dir, 'bad-rates.csv'), 'currency,rate\nUSD,0.9\nGBP,one\n');
    const out = join(dir, 'fx.html');
    const none = await runCli(['report', '--subscriptions', mixed, '--out', out]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('holds MRR in 3 currencies (EUR, GBP, USD)');
    const noCurrency = await runCli(['report', '--subscriptions', mixed, '--fx', join(dir, 'rates.csv'), '--out', out]);
    expect([noCurrency.code, noCurrency.stderr]).toEqual([
      2,
      'error: --fx converts every MRR into the report currency: name it with --currency CODE (the currency the rates are in, e.g. --currency EUR). [USAGE]\n',
    ]);
    const badFile = await runCli([
      'report',
      '--subscriptions',
      mixed,
      '--fx',
      join(dir, 'bad-rates.csv'),
      '--currency',
      'EUR',
      '--out',
      out,
    ]);
    expect(badFile.code).not.toBe(0);
    expect(badFile.stderr).toContain('bad-rates.csv line 3, column rate: "one" is not a rate above 0');
    const ok = await runCli(
      ['report', '--subscriptions', mixed, '--fx', join(dir, 'rates.csv'), '--currency', 'EUR', '--out', out],
      { env: { SOURCE_DATE_EPOCH: EPOCH } },
    );
    expect(ok.code, ok.stderr).toBe(0);
    const text = reportText(readFileSync(out, 'utf8'));
    expect(text).toContain(
      `On 30 Apr 2024 the MRR is ${formatCurrency(330.24 + 90 + 46, 'en', 'EUR', 0)} from 7 paying customers`,
    );
    expect(text).toContain(
      'MRR movements | Converted before any sum, at the rate in force on each subscription’s start (currencyConversion) | GBP, USD → EUR (rates.csv)',
    );
  }, 180_000);

  it('refuses transaction flags without a transactions file (exit 2)', async () => {
    const preset = await runCli([
      'report',
      '--subscriptions',
      subs,
      '--preset',
      'online-retail',
      '--clv',
      '--out',
      join(dir, 'x.html'),
    ]);
    expect(preset.code).toBe(2);
    expect(preset.stderr).toMatch(/^error: --preset, --clv applies to a transactions file.* \[USAGE\]\n$/);
  });
});

describe('swb export --what mrr-movements', () => {
  it('writes who moved under pseudonyms; the amounts per month and kind add up to the dated bridge', async () => {
    const out = join(dir, 'moves.csv');
    const r = await runCli(['export', subs, '--what', 'mrr-movements', '--mrr-method', 'dated', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${out}\n`);
    expect(r.stderr).toContain('shows customers as pseudonyms (K-…), not ids');
    const [header, ...lines] = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(header).toBe('customer,month,day,kind,amount,mrr_before,mrr_after');
    const sums = new Map<string, number>();
    for (const line of lines) {
      const [customer, month, , kind, amount] = line.split(',');
      expect(customer).toMatch(/^K-[0-9a-f]{10}$/);
      const k = `${month?.slice(0, 7)} ${kind}`;
      sums.set(k, (sums.get(k) ?? 0) + Number(amount));
    }
    const wb = await Workbench.open();
    try {
      await loadSubscriptions(wb, subs);
      const bridge = await mrrMovements(wb, { method: 'dated' });
      let checked = 0;
      for (const row of bridge.rows)
        for (const kind of ['new', 'expansion', 'contraction', 'churned', 'reactivation'] as const) {
          expect(sums.get(`${row.month.toISOString().slice(0, 7)} ${kind}`) ?? 0).toBeCloseTo(row[kind], 6);
          checked += row[kind] > 0 ? 1 : 0;
        }
      expect(checked).toBeGreaterThan(40);
    } finally {
      wb.close();
    }
  }, 180_000);

  it('refuses transaction flags with it, and it without a subscriptions FILE (exit 2)', async () => {
    const noFile = await runCli(['export', '--what', 'mrr-movements', '--out', join(dir, 'x.csv')]);
    expect([noFile.code, noFile.stderr]).toEqual([
      2,
      'error: swb export --what mrr-movements needs FILE: the subscriptions file whose movements to list. [USAGE]\n',
    ]);
    const preset = await runCli(['export', subs, '--what', 'mrr-movements', '--preset', 'cdnow', '--clv']);
    expect(preset.stderr).toBe(
      'error: --preset, --clv do not apply to --what mrr-movements; leave them out. [USAGE]\n',
    );
    const method = await runCli(['export', '--mrr-method', 'dated']);
    expect(method.stderr).toBe('error: --mrr-method does not apply to --what segments; leave it out. [USAGE]\n');
  });
});

describe('swb validate --subscriptions / --events', () => {
  it('prints the load report of each file', async () => {
    const r = await runCli(['validate', '--subscriptions', subs, '--events', events]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^subscriptions\.csv \(csv\) → table subscriptions\n {2}rows read/);
    expect(r.stdout).toMatch(/\n\nevents\.csv \(csv\) → table events\n/);
    expect((await runCli(['validate', join(dir, 'sample.csv'), '--subscriptions', subs])).code).toBe(2);
  });
});

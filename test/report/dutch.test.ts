/**
 * Dutch is Dutch: the Dutch report of the bundled data, of CDNOW master (when the shared data is here),
 * and of a generated sample with a customers file (attribute columns such as age_band, city_size) and with
 * subscriptions and usage events (the subscriptions section), may
 * not contain any English text from the English
 * table that differs from the Dutch one, nor a raw snake_case identifier in its prose. The English
 * strings are taken from src/i18n/en itself (functions called with placeholders and split on them),
 * so a new English string is checked without touching this test.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en/index.js';
import { nl } from '../../src/i18n/nl/index.js';
import { columnLabel } from '../../src/i18n/analyses.js';
import { loadNote } from '../../src/report/sections/data-quality.js';
import { messages } from '../../src/messages.js';
import { runCli, EPOCH } from '../helpers/cli.js';
import { available, CDNOW_MASTER } from '../helpers/data.js';
import { DEMO_TIMEOUT, demoReport } from '../helpers/demo-reports.js';
import { reportText } from '../helpers/report-text.js';

const HOLE = '\uE000';

/** The literal text pieces of one leaf of a text table: a string, or a function's text around its arguments. */
function pieces(leaf: unknown): string[] {
  if (typeof leaf === 'string') return [leaf];
  if (typeof leaf !== 'function') return [];
  try {
    const out: unknown = (leaf as (...a: unknown[]) => unknown)(HOLE, HOLE, HOLE, HOLE, HOLE, HOLE, HOLE, HOLE, HOLE);
    return typeof out === 'string' ? out.split(HOLE) : [];
  } catch {
    return [];
  }
}

/** Every English text piece of two or more words whose Dutch counterpart (same path) differs. */
function englishPieces(a: unknown, b: unknown, out: Set<string>): Set<string> {
  if (a !== null && typeof a === 'object') {
    for (const [k, v] of Object.entries(a)) englishPieces(v, (b as Record<string, unknown> | undefined)?.[k], out);
    return out;
  }
  const dutch = new Set(pieces(b).map((p) => p.trim()));
  for (const piece of pieces(a)) {
    // trim punctuation at the cut, keep pieces of at least two real words
    const p = piece.trim().replace(/^[\s,.;:()“”"'–—-]+|[\s,.;:()“”"'–—-]+$/g, '');
    if (p.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length >= 2 && !dutch.has(piece.trim()) && !dutch.has(p))
      out.add(p);
  }
  return out;
}

/**
 * The English text pieces: the i18n table, the loader's notes (src/messages, English for the console) and
 * the English words analyses put into their results.
 */
const ENGLISH = [
  ...englishPieces(
    en,
    nl,
    new Set([
      ...Object.entries(messages)
        .filter(([k]) => k.startsWith('warn'))
        .flatMap(([, f]) => [...englishPieces(f, undefined, new Set())]),
      'revenue tiers',
      'first order period',
      'within each tier',
      'Revenue per customer',
      'Average order value',
    ]),
  ),
];

/** English pieces found in a text, each with the line it is on. */
function englishIn(text: string): string[] {
  const lines = text.split('\n');
  return ENGLISH.flatMap((p) => {
    const re = new RegExp(`(^|[^\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
    const line = lines.find((l) => re.test(l));
    return line === undefined ? [] : [`${p}  ⟵  ${line.slice(0, 160)}`];
  });
}

/**
 * Raw snake_case identifiers in the prose of a report text: paragraphs, findings, captions, chart text.
 * Table rows (cells hold the file's own column names), the method section (exact option names and formats)
 * and names in quotes (“order_date” is how the file spells the column) are not prose.
 */
function snakeCaseIn(text: string, methodTitle: string): string[] {
  const body = text.slice(0, Math.max(0, text.lastIndexOf(`\n${methodTitle}\n`)) || text.length);
  return body
    .split('\n')
    .filter((l) => !l.includes(' | '))
    .map((l) => l.replace(/[„“"][^”"]*[”"]/g, ''))
    .flatMap((l) =>
      Array.from(
        l.matchAll(/(?<![\p{L}\d_./-])[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9](?![\p{L}\d_.])/gu),
        (m) => `${m[0]}  ⟵  ${l.slice(0, 160)}`,
      ),
    );
}

describe('English strings of the text table', () => {
  it('are found from the tables themselves (some hundreds, e.g. the English RFM intro pieces)', () => {
    expect(ENGLISH.length).toBeGreaterThan(200);
    expect(ENGLISH).toContain('Net revenue');
    expect(ENGLISH).not.toContain('RFM');
  });

  it('words column names: known ones translated, others humanised', () => {
    expect(columnLabel('age_band', 'nl')).toBe('leeftijdsgroep');
    expect(columnLabel('age_band', 'en')).toBe('age band');
    expect(columnLabel('loyalty_tier', 'nl')).toBe('loyalty tier');
    expect(columnLabel('firstOrderChannel', 'en')).toBe('first order channel');
    expect(columnLabel('NPS_score', 'en')).toBe('NPS score');
  });

  it('words the loader notes in Dutch and moves the strptime format out of the body', () => {
    const date = loadNote(messages.warnDateFormat('InvoiceDate', '%Y-%m-%d %H:%M:%S'), 'nl');
    expect(date.text).toBe('Datums in de kolom „InvoiceDate” zijn gelezen in de vorm JJJJ-MM-DD uu:mm:ss.');
    expect(date.technical).toEqual(['Datumformaat van InvoiceDate (strptime)', '%Y-%m-%d %H:%M:%S']);
    expect(loadNote(messages.warnLatin1('a.csv'), 'nl').text).toMatch(/^a\.csv is geen UTF-8/);
    expect(loadNote(messages.warnDecimalComma('a.csv'), 'nl').text).toMatch(/decimale komma/);
    expect(loadNote(messages.warnIgnoredColumns(['x', 'y']), 'nl').text).toBe('Niet gebruikte kolommen: "x", "y".');
    expect(loadNote('something else', 'nl').text).toBe('something else');
  });

  it('are caught in a text that has them', () => {
    expect(englishIn('Rijen\nThe top 20% of customers by net revenue bring 74% of it.\n').length).toBeGreaterThan(0);
    expect(
      snakeCaseIn(
        'Klanten met age_band 25-34\nKolom „order_date”\nBestand online_retail.csv.gz\nA | city_size\n',
        'Methode en parameters',
      ),
    ).toEqual(['age_band  ⟵  Klanten met age_band 25-34']);
  });
});

describe('the Dutch report', () => {
  it(
    'of the bundled data has no English text and no raw snake_case names in its prose',
    async () => {
      const built = await demoReport('nl');
      expect(built.code, built.stderr).toBe(0);
      const text = reportText(readFileSync(built.file, 'utf8'));
      expect(englishIn(text)).toEqual([]);
      expect(snakeCaseIn(text, nl.report.methodTitle)).toEqual([]);
    },
    DEMO_TIMEOUT,
  );

  it(
    'of the bundled data reads as a manager reads it: plain words, one meaning per figure, each section ending with what to do',
    async () => {
      const built = await demoReport('nl');
      expect(built.code, built.stderr).toBe(0);
      const text = reportText(readFileSync(built.file, 'utf8'));
      const methodAt = text.lastIndexOf(`\n${nl.report.methodTitle}\n`);
      const body = text.slice(0, methodAt);
      // English words and jargon: none in the body; the exact terms stay in the method section only
      for (const word of [
        /\bRecency\b/i,
        /\bOrders\b/,
        /standard R×F/,
        /\bScoring\b/,
        /tooltips/,
        /\bSeed\b/i,
        /z-scores/,
        /United Kingdom|Germany|France/,
        /kwantielen/,
        /R×F-raster/,
        /groepsmiddelpunt/,
        /Richting 1/,
        /silhouet/i,
        /snorharen/,
        /deltamethode/,
        /SHA-256/,
      ]) {
        expect(body, String(word)).not.toMatch(word);
      }
      expect(text.slice(methodAt)).toContain('Scoremethode (scoring) | even grote groepen (kwantielen)');
      expect(text.slice(methodAt)).toContain(
        'Kenmerken (features) | recentheid (recency); frequentie (frequency); monetaire waarde (monetary)',
      );
      expect(text.slice(methodAt)).toContain('Startwaarde toeval (seed) | 42');
      expect(body).toContain('Segmentindeling: standaard (recentheid × frequentie)');
      expect(body).toContain('Kenmerken: Recentheid (dagen), Bestellingen en Omzet');
      // countries from the data in Dutch; the export codes beside the Dutch segment names
      expect(body).toContain(
        'Hoogste 20%: klanten met land Verenigd Koninkrijk hebben gemiddelde orderwaarde £ 536,52, tegen £ 599,46 voor het hele segment',
      );
      expect(body).toContain('Kampioenen | rfm_segment = champions | 604 |');
      // three revenue totals, each saying what it leaves out of the summary's (all rows: £ 8.278.519,42)
      expect(body).toContain('Netto-omzet: £ 8.278.519');
      expect(body).toContain(
        'Samen £ 8.288.931: de netto-omzet uit de samenvatting zonder de £ 10.411 aan retouren van 33 klanten die alleen iets terugstuurden (zij hebben geen segment).',
      );
      expect(body).toContain(
        'Totaal £ 8.298.186: de netto-omzet uit de samenvatting zonder de £ 10.411 aan retouren van 33 klanten die alleen iets terugstuurden ' +
          'en zonder £ 9.255 aan retouren die vóór de eerste aankoop van de klant vallen (van aankopen van vóór het begin van de data).',
      );
      // the first cohort (everyone from before Dec 2010 too) is marked and out of every average: one "gewogen gemiddelde"
      expect(body).toContain('dec 2010 † | 885 | 36,6% | 38,4% | 36,3% | £ 2.446 | £ 4.339.598');
      expect(body).toContain('Gewogen gemiddelde (zonder dec 2010) | 3.453 | 19,9% | 22,7% | 25,1% | £ 1.099 |');
      expect(body).toContain(
        'Gemiddeld is 23% van een cohort na 3 maanden nog actief en 25% na 6 maanden (gewogen naar cohortomvang, zonder dec 2010).',
      );
      expect(body).toContain(
        'Na 6 maanden heeft een klant gemiddeld £ 1.099 netto-omzet opgebracht (cumulatief, gewogen naar cohortomvang, zonder dec 2010).',
      );
      expect(body).toContain(
        'Nieuwere cohorten komen vaker terug: 23% van de laatste drie bestelde opnieuw in de maand erna, tegen 18% van de eerste drie (zonder dec 2010).',
      );
      expect(body).toContain('zwarte lijn: gemiddelde zonder dec 2010');
      // Datakwaliteit, Cohorten, Clusters and Segmenten each end with what to do, built from their numbers
      const lastLineBefore = (title: string) =>
        body
          .slice(0, body.lastIndexOf(`\n${title}\n`))
          .split('\n')
          .at(-1);
      expect(lastLineBefore('RFM-segmenten')).toMatch(
        /^Wat te doen: 24,9% van de rijen \(135\.080\) heeft geen klantnummer/,
      );
      expect(lastLineBefore('Clusters')).toMatch(
        /^Wat te doen: maar 20% van de nieuwe klanten bestelt opnieuw in de maand erna\./,
      );
      expect(lastLineBefore('Segmenten')).toMatch(
        /^Wat te doen: behandel cluster 1 \(85% van de omzet\) als de kernklanten, en bereik cluster 2 \(61% van de klanten\)/,
      );
      expect(lastLineBefore('Segmenten door de tijd')).toMatch(
        /^Wat te doen: de hoogste 20% van de klanten brengt 73,6% van de netto-omzet op;.*183 Bijna slapend werden Slapend/,
      );
      // the order counts: one bar per order count up to the 99th percentile (30), on a linear axis
      expect(body).toContain('42 klanten met meer dan 30 bestellingen niet getoond');
    },
    DEMO_TIMEOUT,
  );

  it.skipIf(!available(CDNOW_MASTER, 'the Dutch CDNOW report test'))(
    'of CDNOW master has no English text and no raw snake_case names in its prose',
    async () => {
      const built = await demoReport('nl-cdnow');
      expect(built.code, built.stderr).toBe(0);
      const text = reportText(readFileSync(built.file, 'utf8'));
      // the CDNOW report itself, in Dutch: 23,570 customers, all first buying in Q1 1997
      expect(text).toMatch(/23\.570 klanten/);
      expect(englishIn(text)).toEqual([]);
      expect(snakeCaseIn(text, nl.report.methodTitle)).toEqual([]);
    },
    DEMO_TIMEOUT,
  );

  describe('of a generated sample with customer attributes, CLV, subscriptions and usage events', () => {
    let dir = '';
    let text = '';
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'swb-dutch-'));
      const sample = await runCli([
        'sample',
        '--customers',
        '1500',
        '--seed',
        '7',
        '--out',
        join(dir, 'sample.csv'),
        '--subscriptions',
      ]);
      expect(sample.code, sample.stderr).toBe(0);
      const out = join(dir, 'report.html');
      // goals on the segments and on the SaaS KPIs, all customers and per plan and country
      const goals = join(dir, 'goals.json');
      writeFileSync(
        goals,
        JSON.stringify({
          segments: 'all',
          goals: [{ kpi: 'repeatRate', goal: 0.4 }],
          subscriptions: {
            nrr: { min: 0.95 },
            by: { plan: { '*': { churn: { max: 0.03 } } }, country: { NL: { ltv: { min: 500 } } } },
          },
        }),
      );
      const run = await runCli(
        [
          'report',
          join(dir, 'sample.csv'),
          '--goals',
          goals,
          '--customers',
          join(dir, 'sample-customers.csv'),
          '--locale',
          'nl',
          '--clv',
          '--subscriptions',
          join(dir, 'subscriptions.csv'),
          '--events',
          join(dir, 'events.csv'),
          '--out',
          out,
        ],
        { env: { SOURCE_DATE_EPOCH: EPOCH } },
      );
      expect(run.code, run.stderr).toBe(0);
      text = reportText(readFileSync(out, 'utf8'));
    }, DEMO_TIMEOUT);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('has no English text', () => {
      expect(text).toMatch(/subsegmenten naar leeftijdsgroep/);
      // the subscriptions section is there, with its charts, tables and method rows
      expect(text).toMatch(/\nAbonnementen\n/);
      expect(text).toMatch(/Klantverloop en omzetverloop per abonnement/);
      expect(text).toMatch(/Verloop binnen 3 maanden per gebruikssegment/);
      expect(text).toMatch(/SaaS-kerncijfers tegenover de doelen uit goals\.json/);
      expect(text).toMatch(/SaaS-kerncijfers per land eind/);
      expect(text).toMatch(/Abonnementscohorten per abonnement/);
      expect(englishIn(text)).toEqual([]);
    });

    it('has no raw snake_case column names in its prose', () => {
      expect(snakeCaseIn(text, nl.report.methodTitle)).toEqual([]);
    });
  });
});

describe('the loader notes added for money text and a dot before three digits', () => {
  it('are worded in Dutch', () => {
    expect(loadNote(messages.warnMoneyText('a.csv', ['€ 12,50', '(3,00)']), 'nl').text).toBe(
      'Bedragen in a.csv bevatten valutatekens, valutacodes, haakjes of spaties (bijv. "€ 12,50", "(3,00)"); ze zijn zonder gelezen, en een bedrag tussen haakjes als negatief.',
    );
    expect(loadNote(messages.warnAmbiguousDot('a.csv', '1.234'), 'nl').text).toMatch(
      /^Getallen in a\.csv zoals "1\.234" kunnen duizendtallen/,
    );
  });
});

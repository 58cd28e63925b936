import { describe, expect, it } from 'vitest';
import { dataQualitySection } from '../../src/report/sections/data-quality.js';
import { methodSection, optionText } from '../../src/report/sections/method.js';
import { overviewFindings, summarySection } from '../../src/analyses/overview/section.js';
import { hostileLoadReport, sampleOverview } from './fixtures.js';
import type { LoadReport } from '../../src/data/load-report.js';
import { messages } from '../../src/messages.js';

const NBSP = '\u00a0';

describe('summarySection', () => {
  it('states the key figures and fills findings from the overview up to six', () => {
    const s = summarySection({ overview: sampleOverview(), findings: ['Champions are 12% of customers.'] });
    expect(s.id).toBe('summary');
    expect(s.facts).toEqual([
      ['Customers with a purchase', '3'],
      ['Orders with a purchase', '2'],
      ['Net revenue', '€2,469'],
      ['Period', '4 Jan 2011 – 9 Dec 2011'],
    ]);
    expect(s.findings).toEqual([
      'Champions are 12% of customers.',
      '67% of customers ordered only once.',
      'Returns and cancellations took back 5.0% of gross revenue.',
      'An average order is worth €1,234.50; a customer places 0.7 orders on average.',
      '3 customers placed 2 orders between 4 Jan 2011 and 9 Dec 2011.',
      'The top 20% of customers bring 81% of net revenue.',
    ]);
  });

  it('keeps at most six findings, analyses first', () => {
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(summarySection({ overview: sampleOverview(), findings: many }).findings).toEqual(many.slice(0, 6));
  });

  it('speaks Dutch with Dutch number formats', () => {
    const s = summarySection({ overview: sampleOverview() }, { locale: 'nl' });
    expect(s.title).toBe('Samenvatting');
    expect(s.facts?.[2]).toEqual(['Netto-omzet', `€${NBSP}2.469`]);
    expect(s.findings).toEqual(overviewFindings(sampleOverview(), 'nl'));
    expect(s.findings?.[2]).toBe(
      `Een gemiddelde bestelling is €${NBSP}1.234,50 waard; een klant bestelt gemiddeld 0,7 keer.`,
    );
    expect(s.findings?.[1]).toBe('Retouren en annuleringen namen 5,0% van de bruto-omzet terug.');
  });
});

describe('dataQualitySection', () => {
  it('lists rows read, used and set aside by reason with shares and example line numbers', () => {
    const s = dataQualitySection({ transactions: hostileLoadReport() }, { examples: 2 });
    expect(s.facts).toEqual([
      ['Input file', '<img src=x onerror=alert(1)>.csv'],
      ['Rows read', '1,000'],
      ['Rows used', '900'],
      ['Rows set aside', '100'],
      ['Customer ids in the file', '3'],
      ['Order ids in the file (incl. returns and cancellations)', '2'],
      ['Returns and cancellations', 'netted against revenue (negative amounts)'],
    ]);
    expect(s.tables?.[0]?.rows).toEqual([
      ['No customer id', '80', '8.0%', '2, 5'],
      ['Exact duplicate of another row', '20', '2.0%', '12'],
    ]);
    expect(s.tables?.[1]?.rows).toEqual([
      ['Customer id', '<img src=x onerror=alert(1)>'],
      ['Amount', '</script><script>alert(2)</script> × UnitPrice'],
    ]);
    expect(s.findings).toEqual(['Columns not used: "<img src=x onerror=alert(1)>".']);
  });

  it('says so when nothing was set aside', () => {
    const load = { ...hostileLoadReport(), setAside: [], rowsLoaded: 1000, warnings: [] };
    const s = dataQualitySection({ transactions: load }, { locale: 'nl' });
    expect(s.intro?.[1]).toBe('Er zijn geen rijen opzij gezet.');
    expect(s.tables).toHaveLength(1);
    expect(s.findings).toBeUndefined();
  });
});

describe('methodSection', () => {
  it('names file, checksum, as-of date, version, and every option sorted by name', () => {
    const asOf = new Date('2011-12-10T00:00:00Z');
    const s = methodSection({
      transactions: hostileLoadReport(),
      asOf,
      currency: 'GBP',
      analyses: [
        { name: 'RFM', options: { scoring: 'quantile', bins: 5, asOf, skip: undefined } },
        { name: 'Clusters', options: { k: [3, 4] } },
      ],
      version: '0.1.0',
    });
    expect(s.facts).toEqual([
      ['Input file', '<img src=x onerror=alert(1)>.csv'],
      ['SHA-256 checksum', 'a'.repeat(64)],
      ['Column preset', '<img src=x onerror=alert(1)>'],
      ['Transaction rows used', '900'],
      ['As-of date', '2011-12-10'],
      ['Currency of the amounts', 'GBP'],
      ['Tool version', 'segment-workbench 0.1.0'],
    ]);
    expect(s.tables?.[0]?.rows).toEqual([
      ['RFM', 'As-of date (asOf)', '2011-12-10'],
      ['RFM', 'Score levels (bins)', '5'],
      ['RFM', 'Scoring (scoring)', 'quantiles'],
      ['Clusters', 'Number of clusters (k)', '3, 4'],
    ]);
  });

  it('prints option values readably and reproducibly, never as JSON', () => {
    expect(optionText(new Date('2011-12-10T00:00:00Z'))).toBe('2011-12-10');
    expect(optionText({ from: new Date('2011-01-01T00:00:00Z'), n: 2 })).toBe('from: 2011-01-01; n: 2');
    expect(optionText({ from: new Date('2011-01-01T00:00:00Z'), n: 2500.5 }, 'nl')).toBe('van: 2011-01-01; n: 2.500,5');
    expect(optionText(true)).toBe('yes');
    // a Dutch label beside the exact option value
    expect(optionText(['recency', 'frequency'], 'nl')).toBe('recentheid (recency); frequentie (frequency)');
    expect(optionText(['recency', 'frequency'], 'en')).toBe('recency, frequency');
    expect(optionText('net', 'nl')).toBe('verrekend met de omzet');
    expect(optionText({ methodText: (l: 'en' | 'nl') => (l === 'nl' ? 'Nederlands' : 'English') }, 'nl')).toBe(
      'Nederlands',
    );
  });
});

describe('data quality of a subscriptions load', () => {
  const load: LoadReport = {
    table: 'subscriptions',
    source: 'subs.csv',
    fileName: 'subs.csv',
    format: 'csv',
    sha256: 'ab'.repeat(32),
    rowsRead: 3,
    rowsLoaded: 3,
    setAside: [],
    customers: 2,
    columns: [
      { field: 'customer_id', source: 'klant' },
      { field: 'mrr', source: messages.mrrFromPrice('prijs', 'periode') },
    ],
    warnings: [messages.warnSubscriptionPerCustomer(), messages.warnShadowedColumns(['mrr'])],
  };
  const text = (locale: 'en' | 'nl') => JSON.stringify(dataQualitySection({ subscriptions: load }, { locale }));

  it('words the derived MRR source and the subscription notes in Dutch, with nothing left in English', () => {
    const nl = text('nl');
    expect(nl).toContain('prijs ÷ maanden in periode');
    expect(nl).toContain('Er is geen kolom met abonnementsnummers: elke klant telt als één abonnement');
    expect(nl).toContain('Kolommen niet bewaard omdat een geladen veld dezelfde naam heeft: \\"mrr\\".');
    expect(nl).not.toMatch(/months of|No subscription id column|Columns not kept/);
    expect(text('en')).toContain('prijs ÷ months in periode');
  });
});

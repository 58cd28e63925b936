/**
 * Every piece of text the report machinery itself writes (page chrome, summary, data quality,
 * method), in English and Dutch, in one place. Analysis sections keep their own text; numbers
 * are formatted by the caller with `src/locale.ts` and passed in already formatted.
 */
import type { SetAsideReason } from '../data/load-report.js';
import type { Locale } from '../locale.js';

/** The report's own UI strings for one locale. */
export interface ReportStrings {
  defaultTitle: string;
  contents: string;
  generatedAt: (when: string) => string;
  noScript: string;
  chartFallback: string;
  source: string;
  period: string;
  asOf: string;
  periodRange: (first: string, last: string) => string;
  summaryTitle: string;
  summaryIntro: string;
  customers: string;
  orders: string;
  revenue: string;
  keyFigures: string;
  findingPeriod: (customers: string, orders: string, first: string, last: string) => string;
  findingTopShare: (topShare: string, revenueShare: string) => string;
  findingOneTime: (share: string) => string;
  findingReturns: (share: string) => string;
  findingAov: (aov: string, ordersPerCustomer: string) => string;
  dataQualityTitle: string;
  dataQualityIntro: (read: string, loaded: string, share: string) => string;
  rowsRead: string;
  rowsLoaded: string;
  rowsSetAside: string;
  returnsHandling: string;
  returnsNet: string;
  returnsExclude: string;
  setAsideCaption: string;
  reason: string;
  rows: string;
  shareOfRead: string;
  exampleRows: string;
  setAsideNote: string;
  nothingSetAside: string;
  reasons: Record<SetAsideReason, string>;
  mappingCaption: (file: string) => string;
  field: string;
  sourceColumn: string;
  warnings: string;
  customersFile: string;
  methodTitle: string;
  methodIntro: string;
  inputFile: string;
  checksum: string;
  preset: string;
  toolVersion: string;
  currency: string;
  transactionsLoaded: string;
  optionsOf: (analysis: string) => string;
  optionsCaption: string;
  analysis: string;
  option: string;
  value: string;
  yes: string;
  no: string;
  none: string;
}

const en: ReportStrings = {
  defaultTitle: 'Customer segments',
  contents: 'Contents',
  generatedAt: (when) => `Generated ${when}`,
  noScript: 'JavaScript is off: charts are shown as static images without tooltips.',
  chartFallback: 'Chart',
  source: 'Data source',
  period: 'Period',
  asOf: 'As-of date',
  periodRange: (first, last) => `${first} – ${last}`,
  summaryTitle: 'Summary',
  summaryIntro: 'The main figures and what stands out, in a few sentences.',
  customers: 'Customers',
  orders: 'Orders',
  revenue: 'Net revenue',
  keyFigures: 'Key figures',
  findingPeriod: (c, o, f, l) => `${c} customers placed ${o} orders between ${f} and ${l}.`,
  findingTopShare: (top, rev) => `The top ${top} of customers bring ${rev} of net revenue.`,
  findingOneTime: (share) => `${share} of customers ordered only once.`,
  findingReturns: (share) => `Returns and cancellations took back ${share} of gross revenue.`,
  findingAov: (aov, opc) => `An average order is worth ${aov}; a customer places ${opc} orders on average.`,
  dataQualityTitle: 'Data quality',
  dataQualityIntro: (read, loaded, share) =>
    `${read} rows were read and ${loaded} (${share}) were used. Rows that were set aside are counted below with the reason, so every figure in this report can be traced back to the file.`,
  rowsRead: 'Rows read',
  rowsLoaded: 'Rows used',
  rowsSetAside: 'Rows set aside',
  returnsHandling: 'Returns and cancellations',
  returnsNet: 'netted against revenue (negative amounts)',
  returnsExclude: 'left out',
  setAsideCaption: 'Rows set aside, by reason',
  reason: 'Reason',
  rows: 'Rows',
  shareOfRead: 'Share of rows read',
  exampleRows: 'Example rows (line numbers)',
  setAsideNote: 'Line numbers count the header as line 1.',
  nothingSetAside: 'No rows were set aside.',
  reasons: {
    missing_customer_id: 'No customer id',
    unparseable_date: 'Date could not be read',
    unparseable_amount: 'Amount could not be read',
    zero_amount: 'Amount is zero',
    return_excluded: 'Return (returns left out)',
    cancellation_excluded: 'Cancellation (cancellations left out)',
    duplicate: 'Exact duplicate of another row',
  },
  mappingCaption: (file) => `Columns used from ${file}`,
  field: 'Field',
  sourceColumn: 'Source column',
  warnings: 'Notes from loading',
  customersFile: 'Customer attributes file',
  methodTitle: 'Method and parameters',
  methodIntro: 'Everything needed to reproduce this report: the input file and its checksum, the as-of date and the options of each analysis.',
  inputFile: 'Input file',
  checksum: 'SHA-256 checksum',
  preset: 'Column preset',
  toolVersion: 'Tool version',
  currency: 'Currency of the amounts',
  transactionsLoaded: 'Transaction rows used',
  optionsOf: (a) => `Options of ${a}`,
  optionsCaption: 'Analysis options',
  analysis: 'Analysis',
  option: 'Option',
  value: 'Value',
  yes: 'yes',
  no: 'no',
  none: '—',
};

const nl: ReportStrings = {
  defaultTitle: 'Klantsegmenten',
  contents: 'Inhoud',
  generatedAt: (when) => `Gemaakt op ${when}`,
  noScript: 'JavaScript staat uit: grafieken worden als vaste afbeelding getoond, zonder tooltips.',
  chartFallback: 'Grafiek',
  source: 'Gegevensbron',
  period: 'Periode',
  asOf: 'Peildatum',
  periodRange: (first, last) => `${first} – ${last}`,
  summaryTitle: 'Samenvatting',
  summaryIntro: 'De belangrijkste cijfers en wat opvalt, in een paar zinnen.',
  customers: 'Klanten',
  orders: 'Bestellingen',
  revenue: 'Netto-omzet',
  keyFigures: 'Kerncijfers',
  findingPeriod: (c, o, f, l) => `${c} klanten plaatsten ${o} bestellingen tussen ${f} en ${l}.`,
  findingTopShare: (top, rev) => `De beste ${top} van de klanten brengt ${rev} van de netto-omzet binnen.`,
  findingOneTime: (share) => `${share} van de klanten bestelde maar één keer.`,
  findingReturns: (share) => `Retouren en annuleringen namen ${share} van de bruto-omzet terug.`,
  findingAov: (aov, opc) => `Een gemiddelde bestelling is ${aov} waard; een klant bestelt gemiddeld ${opc} keer.`,
  dataQualityTitle: 'Datakwaliteit',
  dataQualityIntro: (read, loaded, share) =>
    `Er zijn ${read} rijen gelezen, waarvan ${loaded} (${share}) zijn gebruikt. Rijen die opzij zijn gezet staan hieronder met de reden, zodat elk cijfer in dit rapport naar het bestand te herleiden is.`,
  rowsRead: 'Gelezen rijen',
  rowsLoaded: 'Gebruikte rijen',
  rowsSetAside: 'Opzij gezette rijen',
  returnsHandling: 'Retouren en annuleringen',
  returnsNet: 'verrekend met de omzet (negatieve bedragen)',
  returnsExclude: 'weggelaten',
  setAsideCaption: 'Opzij gezette rijen, per reden',
  reason: 'Reden',
  rows: 'Rijen',
  shareOfRead: 'Aandeel van gelezen rijen',
  exampleRows: 'Voorbeeldrijen (regelnummers)',
  setAsideNote: 'Regelnummers tellen de kopregel als regel 1.',
  nothingSetAside: 'Er zijn geen rijen opzij gezet.',
  reasons: {
    missing_customer_id: 'Geen klantnummer',
    unparseable_date: 'Datum onleesbaar',
    unparseable_amount: 'Bedrag onleesbaar',
    zero_amount: 'Bedrag is nul',
    return_excluded: 'Retour (retouren weggelaten)',
    cancellation_excluded: 'Annulering (annuleringen weggelaten)',
    duplicate: 'Exacte kopie van een andere rij',
  },
  mappingCaption: (file) => `Gebruikte kolommen uit ${file}`,
  field: 'Veld',
  sourceColumn: 'Bronkolom',
  warnings: 'Opmerkingen bij het inlezen',
  customersFile: 'Bestand met klantkenmerken',
  methodTitle: 'Methode en parameters',
  methodIntro: 'Alles wat nodig is om dit rapport opnieuw te maken: het invoerbestand en de controlesom, de peildatum en de opties van elke analyse.',
  inputFile: 'Invoerbestand',
  checksum: 'SHA-256-controlesom',
  preset: 'Kolomvoorinstelling',
  toolVersion: 'Versie van de tool',
  currency: 'Valuta van de bedragen',
  transactionsLoaded: 'Gebruikte transactierijen',
  optionsOf: (a) => `Opties van ${a}`,
  optionsCaption: 'Opties per analyse',
  analysis: 'Analyse',
  option: 'Optie',
  value: 'Waarde',
  yes: 'ja',
  no: 'nee',
  none: '—',
};

const STRINGS: Record<Locale, ReportStrings> = { en, nl };

/** The report's UI strings for a locale. */
export function reportStrings(locale: Locale): ReportStrings {
  return STRINGS[locale];
}

/**
 * The words of the actions analysis's section and charts, in English and Dutch: the Dutch table has the English
 * table's type, so a missing Dutch string does not compile. Numbers come in already formatted for the locale.
 */
import type { Locale } from '../../i18n/types.js';

/** English. */
const en = {
  /** Where each segment is in the file of `swb export`, so a list can be pulled in a CRM or e-mail tool. */
  section: {
    title: 'Lists to act on',
    intro:
      'swb export writes one row per customer with these columns, for a CRM or an e-mail tool: filter on the values below to pull a segment’s list. That file holds the real customer ids; this report does not.',
    codes:
      'The values in the file are fixed codes (champions for Champions), the same in every language, so a filter keeps working; each stands beside the segment’s name.',
    rfmCaption: 'RFM segments: export column values and what to do',
    rfmCols: ['Segment', 'Filter in the export', 'Customers', 'What to do'],
    otherCaption: 'Clusters and revenue tiers: export column values',
    otherCols: ['Segment', 'Filter in the export', 'Customers'],
    cluster: (n: number, name: string) => `Cluster ${n}: ${name}`,
  },
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Lijsten om mee aan de slag te gaan',
    intro:
      'swb export schrijft per klant één rij met deze kolommen, voor een CRM- of e-mailpakket: filter op de waarden hieronder om de lijst van een segment te krijgen. Dat bestand bevat de echte klantnummers; dit rapport niet.',
    codes:
      'De waarden in het bestand zijn vaste Engelse codes (champions voor Kampioenen), in elke taal dezelfde, zodat een filter blijft werken; elke code staat naast de Nederlandse naam van het segment.',
    rfmCaption: 'RFM-segmenten: waarden in de export en wat te doen',
    rfmCols: ['Segment', 'Filter in de export', 'Klanten', 'Wat te doen'],
    otherCaption: 'Clusters en omzetgroepen: waarden in de export',
    otherCols: ['Segment', 'Filter in de export', 'Klanten'],
    cluster: (n: number, name: string) => `Cluster ${n}: ${name}`,
  },
};

/**
 * The actions words of one locale.
 * @example actionTexts('nl').section
 */
export function actionTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

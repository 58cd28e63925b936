/**
 * The words of the goals analysis's section and charts, in English and Dutch: the Dutch table has the English
 * table's type, so a missing Dutch string does not compile. Numbers come in already formatted for the locale.
 */
import type { Locale } from '../../i18n/types.js';

/** English. */
const en = {
  /** KPI goals per segment from a goals file (`swb report --goals goals.json`). */
  section: {
    title: 'Goals',
    intro: (file: string, on: string) =>
      `Each KPI of ${on} against the goal set in ${file}, with its 95% confidence interval. Met: the goal is reached; close: missed by at most the tolerance (by default 5% of the goal); missed: further off.`,
    on: {
      rfm: 'the RFM segments',
      'value-tiers': 'the revenue tiers',
      all: 'all customers',
      column: (c: string) => `the segments by ${c}`,
    },
    count: (met: number, close: number, missed: number, total: number) =>
      `Of ${total} goals, ${met} met, ${close} close and ${missed} missed.`,
    missed: (segment: string, kpi: string, value: string, lo: string, hi: string, goal: string, gap: string) =>
      `${segment}: ${kpi} is ${value} (95% CI ${lo} to ${hi}) against a goal of ${goal}, missed by ${gap}.`,
    fewCustomers: (n: string) => ` Only ${n} customers count here: read it with care.`,
    noneMissed: 'No goal is missed.',
    caption: 'KPIs against goals',
    cols: ['Segment', 'KPI', 'Customers', 'Value', '95% CI', 'Goal', 'Gap', 'Status'],
    ci: (lo: string, hi: string) => `${lo} to ${hi}`,
  },
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Doelen',
    intro: (file: string, on: string) =>
      `Elke KPI van ${on} tegenover het doel uit ${file}, met het 95%-betrouwbaarheidsinterval. Gehaald: het doel is bereikt; bijna: gemist met hoogstens de marge (standaard 5% van het doel); niet gehaald: verder ernaast.`,
    on: {
      rfm: 'de RFM-segmenten',
      'value-tiers': 'de omzetgroepen',
      all: 'alle klanten',
      column: (c: string) => `de segmenten naar ${c}`,
    },
    count: (met: number, close: number, missed: number, total: number) =>
      `Van de ${total} doelen zijn er ${met} gehaald, ${close} bijna en ${missed} niet gehaald.`,
    missed: (segment: string, kpi: string, value: string, lo: string, hi: string, goal: string, gap: string) =>
      `${segment}: ${kpi} is ${value} (95%-BI ${lo} tot ${hi}) tegenover een doel van ${goal}, ${gap} ernaast.`,
    fewCustomers: (n: string) => ` Hier tellen maar ${n} klanten mee: lees het met zorg.`,
    noneMissed: 'Geen enkel doel is gemist.',
    caption: 'KPI’s tegenover doelen',
    cols: ['Segment', 'KPI', 'Klanten', 'Waarde', '95%-BI', 'Doel', 'Verschil', 'Status'],
    ci: (lo: string, hi: string) => `${lo} tot ${hi}`,
  },
};

/**
 * The goals words of one locale.
 * @example goalTexts('nl').section
 */
export function goalTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

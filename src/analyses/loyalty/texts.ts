/**
 * The words of the loyalty analysis, English and Dutch: its section, its charts, and per segment a name, the
 * rule in plain words and what to do. `nl` has the type of `en`, so a missing Dutch string does not compile.
 */
import type { Locale } from '../../locale.js';
import type { LoyaltySegment } from './sql.js';

/** Words of one segment. */
export interface LoyaltySegmentWords {
  /** Display name. */
  name: string;
  /** Its rule, in plain words. */
  rule: string;
  /** What to do with these customers. */
  action: string;
}

/** English. */
const en = {
  section: {
    title: 'Loyalty',
    intro:
      'How attached are customers? This section looks at the rhythm of each customer’s orders: the days between their order days, how much those gaps vary (the coefficient of variation, CV: the spread of the gaps divided by their average) and how long it has been since the last order compared with their own usual gap. Each customer gets one loyalty segment: the first rule in the table below that fits.',
    signalPAlive:
      'Whether a customer is slipping away comes from the CLV model: a chance of still being a customer (P(alive)) below 50% counts as at risk.',
    signalRfm:
      'Whether a customer is slipping away comes from their own rhythm (overdue against their usual gap) and, for customers with too few orders to have a rhythm, from their RFM segment (no CLV model was fitted): the segments of the at-risk and lost groups count as at risk.',
    loyal: (share: string, revenue: string) =>
      `${share} of customers are loyal (they buy again and again at a steady rhythm) and bring ${revenue} of net revenue.`,
    atRisk: (share: string, revenue: string) =>
      `${share} of customers are at risk of leaving; together they brought ${revenue} of net revenue.`,
    switcher: (count: string, n: number) =>
      `${count} ${n === 1 ? 'customer buys' : 'customers buy'} irregularly, with long gaps: likely they also buy elsewhere.`,
    caption: 'Loyalty segments',
    rulesCaption: 'Loyalty segments: rules and what to do',
    cols: [
      'Segment',
      'Rule',
      'What to do',
      'Customers',
      'Share',
      'Net revenue',
      'Revenue per customer',
      'Orders per customer',
      'Ordered in the last 90 days',
    ],
    colPAlive: 'Mean P(alive)',
    tooSmall: (n: string) => `* Fewer than ${n} customers: too small to act on as a group.`,
    rulesNote: 'Rules are checked from top to bottom; a customer gets the first that fits.',
    bars: 'Customers and revenue per loyalty segment',
    barsDesc: 'Each segment’s share of all customers beside its share of all net revenue.',
    facts: {
      customers: 'Customers',
      judged: 'Customers with 3 or more order days (regularity judged)',
      signal: 'Slipping away judged by',
      pAlive: 'P(alive) of the CLV model',
      rfm: 'RFM segment',
    },
  },
  charts: {
    bars: 'Customers and revenue per loyalty segment',
    barsDesc: 'Two bars per segment: its share of all customers and its share of all net revenue',
    segment: 'Segment',
    measure: 'Measure',
    share: 'Share',
    customers: 'Customers',
    revenue: 'Net revenue',
    ofCustomers: 'Share of customers',
    ofRevenue: 'Share of revenue',
  },
  /** The fixed rules, as the method section lists them. */
  method: {
    gaps: 'days between consecutive distinct order days; cycle = median gap; regularity judged from 2 gaps (3 order days)',
    irregular: 'CV of the gaps above 0.75, or a longest gap above 3 × the cycle',
    overdue: 'more than 2 × the cycle and more than 30 days since the last order',
    slipping:
      'P(alive) below 0.5 with a CLV model; else, for customers with fewer than 3 order days, an RFM segment of the at-risk or lost group',
  },
  segments: {
    loyal: {
      name: 'Loyal',
      rule: 'Three or more order days at a steady rhythm (CV of the gaps at most 0.75, no gap above 3 × their usual gap), not at risk',
      action: 'Thank and keep them: early access, a loyalty programme, service first. Do not spend discounts on them.',
    },
    'potential-loyal': {
      name: 'Potential loyal',
      rule: 'One or two order days so far, not at risk',
      action: 'Help them to a habit: a follow-up that invites the next order at the moment they would need it.',
    },
    switcher: {
      name: 'Switcher-like',
      rule: 'Three or more order days, but irregular (CV of the gaps above 0.75) or with a gap above 3 × their usual gap',
      action:
        'Find out why they buy elsewhere in between; give them a reason to come to you first (range, price, convenience).',
    },
    'at-risk': {
      name: 'At risk',
      rule: 'Slipping away (low P(alive), or, with fewer than 3 order days, an at-risk or lost RFM segment), or more than twice their usual gap, and over 30 days, since the last order',
      action: 'Win them back now, most valuable first: a personal message, ask what went wrong, an offer to return.',
    },
  } satisfies Record<LoyaltySegment, LoyaltySegmentWords>,
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Loyaliteit',
    intro:
      'Hoe gehecht zijn klanten? Deze sectie kijkt naar het ritme van de bestellingen van elke klant: de dagen tussen de besteldagen, hoeveel die tussenpozen wisselen (de variatiecoëfficiënt, CV: de spreiding van de tussenpozen gedeeld door hun gemiddelde) en hoe lang de laatste bestelling geleden is vergeleken met de eigen gewone tussenpoos. Elke klant krijgt één loyaliteitssegment: de eerste regel in de tabel hieronder die past.',
    signalPAlive:
      'Of een klant aan het afhaken is, komt uit het CLV-model: een kans van minder dan 50% dat hij nog klant is (P(alive)) telt als risico.',
    signalRfm:
      'Of een klant aan het afhaken is, komt uit zijn eigen ritme (te laat tegenover zijn gewone tussenpoos) en, voor klanten met te weinig bestellingen voor een ritme, uit zijn RFM-segment (er is geen CLV-model berekend): de segmenten van de groepen risico en verloren tellen als risico.',
    loyal: (share: string, revenue: string) =>
      `${share} van de klanten is loyaal (ze kopen steeds weer, in een vast ritme) en brengt ${revenue} van de netto-omzet.`,
    atRisk: (share: string, revenue: string) =>
      `${share} van de klanten dreigt af te haken; samen brachten ze ${revenue} van de netto-omzet.`,
    switcher: (count: string, n: number) =>
      `${count} ${n === 1 ? 'klant koopt' : 'klanten kopen'} onregelmatig, met lange tussenpozen: waarschijnlijk kopen ze ook elders.`,
    caption: 'Loyaliteitssegmenten',
    rulesCaption: 'Loyaliteitssegmenten: regels en wat te doen',
    cols: [
      'Segment',
      'Regel',
      'Wat te doen',
      'Klanten',
      'Aandeel',
      'Netto-omzet',
      'Omzet per klant',
      'Bestellingen per klant',
      'Besteld in de laatste 90 dagen',
    ],
    colPAlive: 'Gemiddelde P(alive)',
    tooSmall: (n: string) => `* Minder dan ${n} klanten: te klein om als groep op te handelen.`,
    rulesNote: 'De regels worden van boven naar beneden gecontroleerd; een klant krijgt de eerste die past.',
    bars: 'Klanten en omzet per loyaliteitssegment',
    barsDesc: 'Het aandeel van elk segment in alle klanten naast zijn aandeel in de netto-omzet.',
    facts: {
      customers: 'Klanten',
      judged: 'Klanten met 3 of meer besteldagen (ritme beoordeeld)',
      signal: 'Afhaken beoordeeld met',
      pAlive: 'P(alive) van het CLV-model',
      rfm: 'RFM-segment',
    },
  },
  charts: {
    bars: 'Klanten en omzet per loyaliteitssegment',
    barsDesc: 'Twee balken per segment: het aandeel in alle klanten en het aandeel in de netto-omzet',
    segment: 'Segment',
    measure: 'Maat',
    share: 'Aandeel',
    customers: 'Klanten',
    revenue: 'Netto-omzet',
    ofCustomers: 'Aandeel van klanten',
    ofRevenue: 'Aandeel van omzet',
  },
  method: {
    gaps: 'dagen tussen opeenvolgende besteldagen; cyclus = mediane tussenpoos; ritme beoordeeld vanaf 2 tussenpozen (3 besteldagen)',
    irregular: 'CV van de tussenpozen boven 0,75, of een langste tussenpoos boven 3 × de cyclus',
    overdue: 'meer dan 2 × de cyclus en meer dan 30 dagen sinds de laatste bestelling',
    slipping:
      'P(alive) onder 0,5 met een CLV-model; anders, voor klanten met minder dan 3 besteldagen, een RFM-segment uit de groep risico of verloren',
  },
  segments: {
    loyal: {
      name: 'Loyaal',
      rule: 'Drie of meer besteldagen in een vast ritme (CV van de tussenpozen hoogstens 0,75, geen tussenpoos boven 3 × de gewone), geen risico',
      action:
        'Bedank en behoud ze: als eerste toegang, een loyaliteitsprogramma, service voorop. Besteed geen kortingen aan ze.',
    },
    'potential-loyal': {
      name: 'Mogelijk loyaal',
      rule: 'Tot nu toe één of twee besteldagen, geen risico',
      action:
        'Help ze aan een gewoonte: een vervolgbericht dat uitnodigt tot de volgende bestelling op het moment dat ze die nodig hebben.',
    },
    switcher: {
      name: 'Wisselaar',
      rule: 'Drie of meer besteldagen, maar onregelmatig (CV van de tussenpozen boven 0,75) of met een tussenpoos boven 3 × de gewone',
      action:
        'Zoek uit waarom ze tussendoor elders kopen; geef ze een reden om eerst bij u te komen (assortiment, prijs, gemak).',
    },
    'at-risk': {
      name: 'Risico',
      rule: 'Aan het afhaken (lage P(alive), of bij minder dan 3 besteldagen een RFM-segment uit de groep risico of verloren), of sinds de laatste bestelling meer dan twee keer de gewone tussenpoos, en meer dan 30 dagen',
      action:
        'Win ze nu terug, de waardevolste eerst: een persoonlijk bericht, vraag wat er misging, een aanbod om terug te komen.',
    },
  },
};

/**
 * The loyalty words of one locale.
 * @example loyaltyTexts('nl').segments.loyal.name // 'Loyaal'
 */
export function loyaltyTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

/** The loyalty words of one locale. */
export type LoyaltyTexts = typeof en;

/**
 * The words of the price-sensitivity analysis, English and Dutch: its section, its charts and per segment a name,
 * the rule in plain words and what to do. `nl` has the type of `en`, so a missing Dutch string does not compile.
 */
import type { Locale } from '../../locale.js';
import type { PriceSegment, PriceSignal } from './sql.js';

/** Words of one segment. */
export interface SegmentWords {
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
    title: 'Price sensitivity',
    intro:
      'How much do customers buy on discount? For each customer this section takes the share of their purchase revenue bought on discount, and gives them one price segment: full price (under 10%), mixed, or deal-seeker (50% or more). Per segment: revenue per customer, revenue per order, the share with two or more orders (repeat rate) and the share with an order in the last 90 days (active), each with its 95% interval.',
    signals: (list: string) => `A purchase counts as bought on discount by: ${list}.`,
    onDiscount: (share: string, orders: string) =>
      `${share} of purchase revenue was bought on discount, in ${orders} of orders.`,
    dealSeekers: (share: string, value: string, full: string) =>
      `${share} of customers are deal-seekers; they bring ${value} per customer, against ${full} for full-price customers.`,
    repeat: (deal: string, full: string) =>
      `Repeat rate: ${deal} of deal-seekers against ${full} of full-price customers.`,
    caption: 'Price segments',
    rulesCaption: 'Price segments: rules and what to do',
    cols: [
      'Segment',
      'Rule',
      'What to do',
      'Customers',
      'Share',
      'Revenue per customer (95% interval)',
      'Revenue per order',
      'Repeat rate (95% interval)',
      'Active in last 90 days (95% interval)',
    ],
    tooSmallCell: 'too small',
    tooSmall: (n: string) => `Segments with fewer than ${n} customers are too small to compare: they get no numbers.`,
    method:
      'Intervals: revenue per customer ± 1.96 standard errors (normal approximation); shares with the Wilson score interval. Shares of revenue are compared in whole percents.',
    facts: {
      customers: 'Customers',
      onDiscount: 'Purchase revenue on discount',
      discountedOrders: 'Orders with a discount',
    },
  },
  /** The discount signals, as a reader knows them. */
  signals: {
    discount: 'a discount amount above 0',
    promo_code: 'a promotion code',
    list_price: 'a list price above the price paid',
  } satisfies Record<PriceSignal, string>,
  charts: {
    bands: 'Customers by share of revenue bought on discount',
    bandsDesc: 'One bar per tenth of the share bought on discount (0–10% … 90–100%), coloured by price segment',
    value: 'Revenue per customer, with 95% interval',
    valueDesc:
      'One bar per price segment with enough customers: net revenue per customer; the line is its 95% interval',
    repeat: 'Repeat rate, with 95% interval',
    repeatDesc:
      'One bar per price segment with enough customers: the share with two or more orders; the line is its 95% interval',
    band: 'Share on discount',
    customers: 'Customers',
    segment: 'Segment',
    group: 'Segment',
    perCustomer: 'Revenue per customer',
    repeatShare: 'Repeat rate',
    low: 'Interval low',
    high: 'Interval high',
  },
  segments: {
    'full-price': {
      name: 'Full price',
      rule: 'Under 10% of purchase revenue bought on discount',
      action: 'Leave discounts out of their mailings; reward them with service, early access or new products instead.',
    },
    mixed: {
      name: 'Mixed',
      rule: '10% to 50% of purchase revenue bought on discount',
      action: 'Keep offers occasional and targeted; test whether they buy as much without them.',
    },
    'deal-seeker': {
      name: 'Deal-seekers',
      rule: '50% or more of purchase revenue bought on discount',
      action: 'Reach them with sales and bundles, watch the margin, and check whether they stay when offers stop.',
    },
  } satisfies Record<PriceSegment, SegmentWords>,
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Prijsgevoeligheid',
    intro:
      'Hoeveel kopen klanten met korting? Per klant neemt deze sectie het deel van de aankoopomzet dat met korting is gekocht, en geeft elke klant één prijssegment: volle prijs (minder dan 10%), gemengd, of koopjesjager (50% of meer). Per segment: omzet per klant, omzet per bestelling, het aandeel met twee of meer bestellingen (herhaalaankoop) en het aandeel met een bestelling in de laatste 90 dagen (actief), elk met een 95%-interval.',
    signals: (list: string) => `Een aankoop telt als gekocht met korting bij: ${list}.`,
    onDiscount: (share: string, orders: string) =>
      `${share} van de aankoopomzet is met korting gekocht, in ${orders} van de bestellingen.`,
    dealSeekers: (share: string, value: string, full: string) =>
      `${share} van de klanten zijn koopjesjagers; zij brengen ${value} per klant op, tegen ${full} voor klanten die de volle prijs betalen.`,
    repeat: (deal: string, full: string) =>
      `Herhaalaankoop: ${deal} van de koopjesjagers tegen ${full} van de klanten die de volle prijs betalen.`,
    caption: 'Prijssegmenten',
    rulesCaption: 'Prijssegmenten: regels en wat te doen',
    cols: [
      'Segment',
      'Regel',
      'Wat te doen',
      'Klanten',
      'Aandeel',
      'Omzet per klant (95%-interval)',
      'Omzet per bestelling',
      'Herhaalaankoop (95%-interval)',
      'Actief in laatste 90 dagen (95%-interval)',
    ],
    tooSmallCell: 'te klein',
    tooSmall: (n: string) =>
      `Segmenten met minder dan ${n} klanten zijn te klein om te vergelijken: ze krijgen geen cijfers.`,
    method:
      'Intervallen: omzet per klant ± 1,96 standaardfouten (normale benadering); aandelen met het Wilson-interval. Aandelen van de omzet worden in hele procenten vergeleken.',
    facts: {
      customers: 'Klanten',
      onDiscount: 'Aankoopomzet met korting',
      discountedOrders: 'Bestellingen met korting',
    },
  },
  signals: {
    discount: 'een kortingsbedrag boven 0',
    promo_code: 'een actiecode',
    list_price: 'een catalogusprijs boven de betaalde prijs',
  },
  charts: {
    bands: 'Klanten naar deel van de omzet met korting',
    bandsDesc: 'Eén balk per tiende van het deel met korting gekocht (0–10% … 90–100%), gekleurd naar prijssegment',
    value: 'Omzet per klant, met 95%-interval',
    valueDesc: 'Eén balk per prijssegment met genoeg klanten: netto-omzet per klant; de lijn is het 95%-interval',
    repeat: 'Herhaalaankoop, met 95%-interval',
    repeatDesc:
      'Eén balk per prijssegment met genoeg klanten: het aandeel met twee of meer bestellingen; de lijn is het 95%-interval',
    band: 'Deel met korting',
    customers: 'Klanten',
    segment: 'Segment',
    group: 'Segment',
    perCustomer: 'Omzet per klant',
    repeatShare: 'Herhaalaankoop',
    low: 'Interval onder',
    high: 'Interval boven',
  },
  segments: {
    'full-price': {
      name: 'Volle prijs',
      rule: 'Minder dan 10% van de aankoopomzet met korting gekocht',
      action: 'Laat kortingen weg uit hun mailings; beloon ze met service, voorrang of nieuwe producten.',
    },
    mixed: {
      name: 'Gemengd',
      rule: '10% tot 50% van de aankoopomzet met korting gekocht',
      action: 'Houd aanbiedingen af en toe en gericht; test of ze zonder evenveel kopen.',
    },
    'deal-seeker': {
      name: 'Koopjesjagers',
      rule: '50% of meer van de aankoopomzet met korting gekocht',
      action: 'Bereik ze met uitverkoop en bundels, let op de marge en kijk of ze blijven als de aanbiedingen stoppen.',
    },
  },
};

/**
 * The price-sensitivity words of one locale.
 * @example priceTexts('nl').segments['deal-seeker'].name // 'Koopjesjagers'
 */
export function priceTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

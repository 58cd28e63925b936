/**
 * The words of the timing analysis, English and Dutch: its section, its charts, and per segment a name, the
 * rule in plain words and what to do. `nl` has the type of `en`, so a missing Dutch string does not compile.
 */
import type { Locale } from '../../locale.js';
import type { TimingSegment } from './sql.js';

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
    title: 'Occasion and timing',
    intro:
      'When do customers buy? From the date and time of every order this section finds, per customer, the share of orders placed at the weekend, in each part of the day and in the holiday season (20 November – 31 December), and their usual time between orders. Each customer gets one timing segment: the first rule in the table below that fits, so no customer is counted twice.',
    noTimes:
      'The data holds dates without times of day (every order is at 00:00), so this section says nothing about the time of day: there are no morning, afternoon, evening or night segments, and the weekday chart has one column per day.',
    window: (season: string, days: string, share: string) =>
      `The holiday season covers ${season} of the ${days} days in the data (${share}): a customer who buys evenly through the year would have about that share of their orders in it.`,
    seasonDue: (share: string, due: string, n: number) =>
      `${share} of customers buy mostly in the holiday season; ${due} ${n === 1 ? 'customer is' : 'customers are'} due for their next order.`,
    cycle: (days: string) =>
      `Customers with three or more orders usually order again after ${days} days (the median of their own usual times); those due for their next order have gone more than twice their own usual time, and over 30 days, without ordering.`,
    weekend: (orders: string, customers: string, n: number) =>
      `${orders} of all orders are placed on Saturday or Sunday; ${customers} ${n === 1 ? 'customer buys' : 'customers buy'} mostly at the weekend.`,
    band: (band: string, share: string, customers: string, n: number) =>
      `Most orders are placed in the ${band}: ${share} of all orders; ${customers} ${n === 1 ? 'customer places' : 'customers place'} at least 60% of their orders then.`,
    closed: (days: string) =>
      `There are no orders at all on ${days}: the shop may be closed then, so time campaigns for the days customers do buy.`,
    and: 'and',
    noTimesFinding: 'The data has no times of day, so when in the day customers buy cannot be seen.',
    busiest: (day: string, hour: string) => `The busiest hour of the week is ${day} ${hour}.`,
    oneOrder: (share: string) => `${share} of customers have ordered only once, so they have no timing pattern yet.`,
    caption: 'Timing segments',
    cols: ['Segment', 'Rule', 'What to do', 'Customers', 'Share', 'Net revenue', 'Revenue per customer'],
    tooSmall: (n: string) => `* Fewer than ${n} customers: too small to act on as a group.`,
    rulesNote:
      'Rules are checked from top to bottom; a customer gets the first that fits. “Mostly” means at least 60% of their orders.',
    heat: 'Orders by weekday and hour',
    heatDesc:
      'Each cell counts the orders placed in that hour of that weekday, over the whole period; darker cells are busier hours. Use it to time e-mails, campaigns and staffing.',
    heatNoTimes: 'Orders by weekday',
    heatNoTimesDesc: 'Orders per weekday over the whole period (the data has no times of day).',
    bars: 'Customers per timing segment',
    barsDesc: 'How many customers each timing segment holds, with its share of all customers.',
    facts: {
      customers: 'Customers',
      orders: 'Orders',
      times: 'Times of day in the data',
      cycle: 'Usual time between orders (median)',
      withCycle: 'Customers with a purchase cycle (3 or more orders, on 2 or more days)',
      season: 'Holiday-season days in the data',
    },
    yes: 'yes',
    no: 'no (dates only)',
    cycleValue: (days: string) => `${days} days`,
    seasonValue: (season: string, days: string) => `${season} of ${days}`,
  },
  charts: {
    heat: 'Orders by weekday and hour',
    heatDesc: 'One cell per weekday and hour of the day; the colour is the number of orders placed then',
    heatDay: 'Orders by weekday',
    heatDayDesc: 'One cell per weekday; the colour is the number of orders (the data has no times of day)',
    bars: 'Customers per timing segment',
    barsDesc: 'One bar per timing segment: its number of customers, with its share of all customers written beside it',
    weekday: 'Weekday',
    hour: 'Hour of day',
    orders: 'Orders',
    share: 'Share',
    segment: 'Segment',
    customers: 'Customers',
    revenue: 'Net revenue',
    perCustomer: 'Revenue per customer',
    allDay: 'All day',
    ofOrders: 'Share of orders',
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
  /** Full weekday names, Monday first, for sentences. */
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  /** The time-of-day bands in sentences. */
  bands: {
    night: 'night (0–6 h)',
    morning: 'morning (6–12 h)',
    afternoon: 'afternoon (12–18 h)',
    evening: 'evening (18–24 h)',
  },
  hourRange: (h: number) => `${h}:00–${h + 1}:00`,
  /** The fixed rules, as the method section lists them. */
  method: {
    minShare: 'at least 60% of a customer’s orders (compared in whole numbers)',
    season: '20 November – 31 December',
    cycle: 'median days between consecutive order days, customers with 3 or more orders on 2 or more days',
    due: 'more than 2 × the cycle and more than 30 days since the last order',
  },
  segments: {
    'holiday-season': {
      name: 'Holiday-season buyers',
      rule: 'Two or more orders, mostly between 20 November and 31 December',
      action: 'Start their campaign in early November, before the season; remind them of what they bought last year.',
    },
    due: {
      name: 'Due for an order',
      rule: 'Three or more orders; more than twice their usual time between orders, and over 30 days, since the last',
      action: 'Contact them now with a reminder or a reorder offer: their usual moment to buy has passed.',
    },
    weekend: {
      name: 'Weekend buyers',
      rule: 'Two or more orders, mostly on Saturday or Sunday',
      action: 'Send offers on Friday or Saturday morning, and make sure service and delivery cover the weekend.',
    },
    night: {
      name: 'Night buyers',
      rule: 'Two or more orders, mostly between 0:00 and 6:00',
      action: 'Have messages arrive late in the evening, and keep checkout and help available at night.',
    },
    morning: {
      name: 'Morning buyers',
      rule: 'Two or more orders, mostly between 6:00 and 12:00',
      action: 'Send e-mails early in the morning, so they are on top of the inbox when these customers buy.',
    },
    afternoon: {
      name: 'Afternoon buyers',
      rule: 'Two or more orders, mostly between 12:00 and 18:00',
      action: 'Send e-mails around midday, and staff service for the afternoon peak.',
    },
    evening: {
      name: 'Evening buyers',
      rule: 'Two or more orders, mostly between 18:00 and 24:00',
      action: 'Send e-mails in the late afternoon, and offer chat or service in the evening.',
    },
    'no-pattern': {
      name: 'No clear moment',
      rule: 'Two or more orders, none of the patterns above',
      action: 'No timing lever: use their RFM segment for what to send, and the busiest hours above for when.',
    },
    'one-order': {
      name: 'One order so far',
      rule: 'Exactly one order',
      action: 'Ask for a second order soon after the first, for example with a welcome series.',
    },
  } satisfies Record<TimingSegment, SegmentWords>,
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Koopmoment en timing',
    intro:
      'Wanneer kopen klanten? Uit de datum en tijd van elke bestelling bepaalt deze sectie per klant welk deel van de bestellingen in het weekend valt, in elk dagdeel en in de feestdagenperiode (20 november – 31 december), en hoe lang het gewoonlijk duurt tot de volgende bestelling. Elke klant krijgt één timingsegment: de eerste regel in de tabel hieronder die past, zodat geen klant dubbel telt.',
    noTimes:
      'De data bevat datums zonder tijdstip (elke bestelling staat op 00:00); deze sectie zegt daarom niets over het tijdstip van de dag: er zijn geen ochtend-, middag-, avond- of nachtsegmenten en de grafiek per weekdag heeft één kolom per dag.',
    window: (season: string, days: string, share: string) =>
      `De feestdagenperiode beslaat ${season} van de ${days} dagen in de data (${share}): een klant die gelijkmatig door het jaar koopt, heeft ongeveer dat deel van zijn bestellingen in die periode.`,
    seasonDue: (share: string, due: string, n: number) =>
      `${share} van de klanten koopt vooral in de feestdagenperiode; ${due} ${n === 1 ? 'klant is' : 'klanten zijn'} toe aan de volgende bestelling.`,
    cycle: (days: string) =>
      `Klanten met drie of meer bestellingen bestellen gewoonlijk na ${days} dagen opnieuw (de mediaan van hun eigen gewone tijd); wie toe is aan een bestelling, heeft meer dan twee keer die eigen tijd, en meer dan 30 dagen, niet besteld.`,
    weekend: (orders: string, customers: string, n: number) =>
      `${orders} van alle bestellingen wordt op zaterdag of zondag geplaatst; ${customers} ${n === 1 ? 'klant koopt' : 'klanten kopen'} vooral in het weekend.`,
    band: (band: string, share: string, customers: string, n: number) =>
      `De meeste bestellingen komen in de ${band} binnen: ${share} van alle bestellingen; ${customers} ${n === 1 ? 'klant plaatst' : 'klanten plaatsen'} dan minstens 60% van de eigen bestellingen.`,
    closed: (days: string) =>
      `Op ${days} zijn er helemaal geen bestellingen: de winkel is dan mogelijk gesloten; plan campagnes op de dagen waarop klanten wel kopen.`,
    and: 'en',
    noTimesFinding: 'De data heeft geen tijdstippen, dus op welk moment van de dag klanten kopen is niet te zien.',
    busiest: (day: string, hour: string) => `Het drukste uur van de week is ${day} ${hour}.`,
    oneOrder: (share: string) =>
      `${share} van de klanten heeft pas één keer besteld en heeft dus nog geen timingpatroon.`,
    caption: 'Timingsegmenten',
    cols: ['Segment', 'Regel', 'Wat te doen', 'Klanten', 'Aandeel', 'Netto-omzet', 'Omzet per klant'],
    tooSmall: (n: string) => `* Minder dan ${n} klanten: te klein om als groep op te handelen.`,
    rulesNote:
      'De regels worden van boven naar beneden gecontroleerd; een klant krijgt de eerste die past. „Vooral” betekent minstens 60% van de bestellingen.',
    heat: 'Bestellingen per weekdag en uur',
    heatDesc:
      'Elke cel telt de bestellingen in dat uur van die weekdag, over de hele periode; donkerder cellen zijn drukkere uren. Gebruik dit om e-mails, campagnes en bezetting te plannen.',
    heatNoTimes: 'Bestellingen per weekdag',
    heatNoTimesDesc: 'Bestellingen per weekdag over de hele periode (de data heeft geen tijdstippen).',
    bars: 'Klanten per timingsegment',
    barsDesc: 'Hoeveel klanten elk timingsegment heeft, met het aandeel van alle klanten.',
    facts: {
      customers: 'Klanten',
      orders: 'Bestellingen',
      times: 'Tijdstippen in de data',
      cycle: 'Gewone tijd tussen bestellingen (mediaan)',
      withCycle: 'Klanten met een koopcyclus (3 of meer bestellingen, op 2 of meer dagen)',
      season: 'Dagen in de feestdagenperiode',
    },
    yes: 'ja',
    no: 'nee (alleen datums)',
    cycleValue: (days: string) => `${days} dagen`,
    seasonValue: (season: string, days: string) => `${season} van ${days}`,
  },
  charts: {
    heat: 'Bestellingen per weekdag en uur',
    heatDesc: 'Eén cel per weekdag en uur van de dag; de kleur is het aantal bestellingen op dat moment',
    heatDay: 'Bestellingen per weekdag',
    heatDayDesc: 'Eén cel per weekdag; de kleur is het aantal bestellingen (de data heeft geen tijdstippen)',
    bars: 'Klanten per timingsegment',
    barsDesc: 'Eén balk per timingsegment: het aantal klanten, met het aandeel van alle klanten ernaast',
    weekday: 'Weekdag',
    hour: 'Uur van de dag',
    orders: 'Bestellingen',
    share: 'Aandeel',
    segment: 'Segment',
    customers: 'Klanten',
    revenue: 'Netto-omzet',
    perCustomer: 'Omzet per klant',
    allDay: 'Hele dag',
    ofOrders: 'Aandeel van bestellingen',
    days: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
  },
  weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  bands: {
    night: 'nacht (0–6 uur)',
    morning: 'ochtend (6–12 uur)',
    afternoon: 'middag (12–18 uur)',
    evening: 'avond (18–24 uur)',
  },
  hourRange: (h: number) => `${h}:00–${h + 1}:00`,
  method: {
    minShare: 'minstens 60% van de bestellingen van een klant (vergeleken in hele getallen)',
    season: '20 november – 31 december',
    cycle:
      'mediaan aantal dagen tussen opeenvolgende besteldagen, klanten met 3 of meer bestellingen op 2 of meer dagen',
    due: 'meer dan 2 × de cyclus en meer dan 30 dagen sinds de laatste bestelling',
  },
  segments: {
    'holiday-season': {
      name: 'Feestdagenkopers',
      rule: 'Twee of meer bestellingen, vooral tussen 20 november en 31 december',
      action: 'Begin hun campagne begin november, vóór de drukte; herinner ze aan wat ze vorig jaar kochten.',
    },
    due: {
      name: 'Toe aan een bestelling',
      rule: 'Drie of meer bestellingen; sinds de laatste meer dan twee keer hun gewone tijd tussen bestellingen, en meer dan 30 dagen',
      action:
        'Neem nu contact op met een herinnering of een aanbod om opnieuw te bestellen: hun gewone koopmoment is voorbij.',
    },
    weekend: {
      name: 'Weekendkopers',
      rule: 'Twee of meer bestellingen, vooral op zaterdag of zondag',
      action: 'Stuur aanbiedingen op vrijdag of zaterdagochtend en zorg dat service en bezorging het weekend dekken.',
    },
    night: {
      name: 'Nachtkopers',
      rule: 'Twee of meer bestellingen, vooral tussen 0:00 en 6:00',
      action: 'Laat berichten laat op de avond binnenkomen en houd afrekenen en hulp ’s nachts beschikbaar.',
    },
    morning: {
      name: 'Ochtendkopers',
      rule: 'Twee of meer bestellingen, vooral tussen 6:00 en 12:00',
      action: 'Verstuur e-mails vroeg in de ochtend, zodat ze bovenaan de inbox staan als deze klanten kopen.',
    },
    afternoon: {
      name: 'Middagkopers',
      rule: 'Twee of meer bestellingen, vooral tussen 12:00 en 18:00',
      action: 'Verstuur e-mails rond het middaguur en zorg voor genoeg service tijdens de middagpiek.',
    },
    evening: {
      name: 'Avondkopers',
      rule: 'Twee of meer bestellingen, vooral tussen 18:00 en 24:00',
      action: 'Verstuur e-mails laat in de middag en bied ’s avonds chat of service aan.',
    },
    'no-pattern': {
      name: 'Geen vast moment',
      rule: 'Twee of meer bestellingen, geen van de patronen hierboven',
      action:
        'Geen timinghefboom: gebruik hun RFM-segment voor wat u stuurt en de drukste uren hierboven voor wanneer.',
    },
    'one-order': {
      name: 'Eén bestelling',
      rule: 'Precies één bestelling',
      action: 'Vraag kort na de eerste om een tweede bestelling, bijvoorbeeld met een welkomstreeks.',
    },
  },
};

/**
 * The timing words of one locale.
 * @example timingTexts('nl').segments.due.name // 'Toe aan een bestelling'
 */
export function timingTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

/** The timing words of one locale. */
export type TimingTexts = typeof en;

/**
 * The words of the channel and payment analysis, English and Dutch: its section, its charts and per segment a
 * name, the rule in plain words and what to do. `nl` has the type of `en`, so a missing Dutch string does not compile.
 */
import type { Locale } from '../../locale.js';
import type { ChannelSegment } from './sql.js';

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
    title: 'Channel and payment',
    intro:
      'Where and how do customers buy? Each customer with two or more orders is single-channel (every order in one channel) or omnichannel (orders in two or more channels); customers with one order have not chosen yet. Per group: revenue per customer, revenue per order, the share with two or more orders (repeat rate) and the share with an order in the last 90 days (active), each with its 95% interval.',
    noChannel:
      'The data has no sales channel per order, so there are no channel segments; only payment methods are compared.',
    noPayment: 'The data has no payment method per order, so payment methods are not compared.',
    omni: (ratio: string, omni: string, single: string) =>
      `Omnichannel customers spend ${ratio} as much per order as single-channel customers with two or more orders (${omni} against ${single}).`,
    omniActive: (omni: string, single: string) =>
      `Active in the last 90 days: ${omni} of omnichannel customers against ${single} of single-channel customers with two or more orders.`,
    omniShare: (share: string) => `${share} of customers with two or more orders buy in more than one channel.`,
    topPayment: (method: string, share: string) =>
      `The most used payment method is ${method}: the main method of ${share} of customers.`,
    caption: 'Channel segments',
    rulesCaption: 'Channel segments: rules and what to do',
    paymentCaption: 'Customers per main payment method',
    channelCaption: 'Customers per main channel',
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
    groupCols: [
      'Group',
      'Customers',
      'Share',
      'Revenue per customer (95% interval)',
      'Revenue per order',
      'Repeat rate (95% interval)',
      'Active in last 90 days (95% interval)',
    ],
    tooSmallCell: 'too small',
    tooSmall: (n: string) => `Groups with fewer than ${n} customers are too small to compare: they get no numbers.`,
    method:
      'Intervals: revenue per customer ± 1.96 standard errors (normal approximation); shares with the Wilson score interval. The main channel and payment method of a customer are those with the most net revenue.',
    facts: { customers: 'Customers', channels: 'Channels in the data', payments: 'Payment methods in the data' },
  },
  charts: {
    value: 'Revenue per customer, with 95% interval',
    valueDesc: 'One bar per group with enough customers: net revenue per customer; the line is its 95% interval',
    active: 'Active in the last 90 days, with 95% interval',
    activeDesc:
      'One bar per group with enough customers: the share with an order in the last 90 days; the line is its 95% interval',
    payment: 'Revenue per customer by main payment method',
    paymentDesc:
      'One bar per payment method with enough customers: net revenue per customer; the line is its 95% interval',
    group: 'Group',
    perCustomer: 'Revenue per customer',
    activeShare: 'Share active',
    low: 'Interval low',
    high: 'Interval high',
  },
  segments: {
    omnichannel: {
      name: 'Omnichannel',
      rule: 'Two or more orders, bought in two or more channels',
      action:
        'Keep every channel open to them and recognise them everywhere: one account, one basket, returns in any channel.',
    },
    'single-channel': {
      name: 'Single channel',
      rule: 'Two or more orders, all in one channel',
      action: 'Invite them to a second channel (app, store or web) with a reason to try it, such as click-and-collect.',
    },
    'one-order': {
      name: 'One order so far',
      rule: 'Exactly one order',
      action: 'Ask for a second order first; offer the channel they did not use.',
    },
    'no-channel': {
      name: 'No channel recorded',
      rule: 'No purchase row with a channel',
      action: 'Record the channel of every order, so these customers can be placed.',
    },
  } satisfies Record<ChannelSegment, SegmentWords>,
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Kanaal en betaling',
    intro:
      'Waar en hoe kopen klanten? Elke klant met twee of meer bestellingen is éénkanaals (elke bestelling in één kanaal) of omnichannel (bestellingen in twee of meer kanalen); klanten met één bestelling hebben nog niet gekozen. Per groep: omzet per klant, omzet per bestelling, het aandeel met twee of meer bestellingen (herhaalaankoop) en het aandeel met een bestelling in de laatste 90 dagen (actief), elk met een 95%-interval.',
    noChannel:
      'De data heeft geen verkoopkanaal per bestelling, dus er zijn geen kanaalsegmenten; alleen betaalmethoden worden vergeleken.',
    noPayment: 'De data heeft geen betaalmethode per bestelling, dus betaalmethoden worden niet vergeleken.',
    omni: (ratio: string, omni: string, single: string) =>
      `Omnichannelklanten besteden per bestelling ${ratio} zoveel als éénkanaalsklanten met twee of meer bestellingen (${omni} tegen ${single}).`,
    omniActive: (omni: string, single: string) =>
      `Actief in de laatste 90 dagen: ${omni} van de omnichannelklanten tegen ${single} van de éénkanaalsklanten met twee of meer bestellingen.`,
    omniShare: (share: string) => `${share} van de klanten met twee of meer bestellingen koopt in meer dan één kanaal.`,
    topPayment: (method: string, share: string) =>
      `De meest gebruikte betaalmethode is ${method}: de hoofdmethode van ${share} van de klanten.`,
    caption: 'Kanaalsegmenten',
    rulesCaption: 'Kanaalsegmenten: regels en wat te doen',
    paymentCaption: 'Klanten per hoofdbetaalmethode',
    channelCaption: 'Klanten per hoofdkanaal',
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
    groupCols: [
      'Groep',
      'Klanten',
      'Aandeel',
      'Omzet per klant (95%-interval)',
      'Omzet per bestelling',
      'Herhaalaankoop (95%-interval)',
      'Actief in laatste 90 dagen (95%-interval)',
    ],
    tooSmallCell: 'te klein',
    tooSmall: (n: string) =>
      `Groepen met minder dan ${n} klanten zijn te klein om te vergelijken: ze krijgen geen cijfers.`,
    method:
      'Intervallen: omzet per klant ± 1,96 standaardfouten (normale benadering); aandelen met het Wilson-interval. Het hoofdkanaal en de hoofdbetaalmethode van een klant zijn die met de meeste netto-omzet.',
    facts: { customers: 'Klanten', channels: 'Kanalen in de data', payments: 'Betaalmethoden in de data' },
  },
  charts: {
    value: 'Omzet per klant, met 95%-interval',
    valueDesc: 'Eén balk per groep met genoeg klanten: netto-omzet per klant; de lijn is het 95%-interval',
    active: 'Actief in de laatste 90 dagen, met 95%-interval',
    activeDesc:
      'Eén balk per groep met genoeg klanten: het aandeel met een bestelling in de laatste 90 dagen; de lijn is het 95%-interval',
    payment: 'Omzet per klant per hoofdbetaalmethode',
    paymentDesc: 'Eén balk per betaalmethode met genoeg klanten: netto-omzet per klant; de lijn is het 95%-interval',
    group: 'Groep',
    perCustomer: 'Omzet per klant',
    activeShare: 'Aandeel actief',
    low: 'Interval onder',
    high: 'Interval boven',
  },
  segments: {
    omnichannel: {
      name: 'Omnichannel',
      rule: 'Twee of meer bestellingen, gekocht in twee of meer kanalen',
      action: 'Houd elk kanaal voor ze open en herken ze overal: één account, één winkelmand, retour in elk kanaal.',
    },
    'single-channel': {
      name: 'Eén kanaal',
      rule: 'Twee of meer bestellingen, alle in één kanaal',
      action:
        'Nodig ze uit voor een tweede kanaal (app, winkel of web) met een reden om het te proberen, zoals afhalen in de winkel.',
    },
    'one-order': {
      name: 'Eén bestelling',
      rule: 'Precies één bestelling',
      action: 'Vraag eerst om een tweede bestelling; bied het kanaal aan dat ze nog niet gebruikten.',
    },
    'no-channel': {
      name: 'Geen kanaal bekend',
      rule: 'Geen aankoopregel met een kanaal',
      action: 'Leg het kanaal van elke bestelling vast, zodat deze klanten ingedeeld kunnen worden.',
    },
  },
};

/**
 * The channel and payment words of one locale.
 * @example channelTexts('nl').segments.omnichannel.name // 'Omnichannel'
 */
export function channelTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

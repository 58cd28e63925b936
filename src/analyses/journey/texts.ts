/**
 * The words of the journey analysis, English and Dutch: its section, its charts, the stages and engagement
 * levels with what to do. `nl` has the type of `en`, so a missing Dutch string does not compile.
 */
import type { Locale } from '../../locale.js';
import type { EngagementLevel } from './sql.js';
import type { JourneyStage } from './stages.js';

/** Words of one stage or level. */
export interface JourneyWords {
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
    title: 'Journey stage and engagement',
    intro:
      'Where is each customer on the way from first contact to recommending the shop? A stage is reached by an event that shows it (a web visit or e-mail open: aware; a product view, cart, e-mail click or trial: considering; a review, referral or share: advocate) or by the orders (the first order: first purchase; the second: repeat). Each customer is counted once, at the furthest stage reached. Engagement is their activity now: days with any event or order in the last 30 days.',
    ordersOnly:
      'There is no events file with names in the journey map, so the stages come from the orders alone: first purchase and repeat. Aware, considering and advocate need events (web visits, e-mail opens and clicks, app sessions, reviews): pass an events file, and a journey map when its event names differ from the default ones.',
    usageNeedsSubscriptions:
      'The events feed this section only: usage segments and churn by usage are measured on paying customers and need a subscriptions file too (--subscriptions FILE).',
    mapGiven: (n: string) => `Events are mapped to stages by the journey map given (${n} event names).`,
    mapDefault: (n: string) => `Events are mapped to stages by the default journey map (${n} common event names).`,
    funnel: (from: string, to: string, rate: string) =>
      `Of the customers who reached ${from}, ${rate} went on to ${to}.`,
    weakest: (from: string, to: string, rate: string) =>
      `The biggest drop is from ${from} to ${to}: only ${rate} go on; work on that step first.`,
    engaged: (share: string, none: string) =>
      `${share} of customers were active in the last 30 days; ${none} showed no activity in the last 90 days.`,
    caption: 'Journey stages',
    cols: ['Stage', 'Rule', 'What to do', 'Customers', 'Share', 'Reached', 'Conversion from the stage before'],
    engagementCaption: 'Engagement',
    engagementCols: ['Level', 'Rule', 'What to do', 'Customers', 'Share', 'Active in 2 or more channels'],
    tooSmall: (n: string) => `* Fewer than ${n} customers: too small to act on as a group.`,
    funnelChart: 'Journey funnel',
    funnelDesc: 'Customers who reached each stage (or a later one), with the conversion from the stage before.',
    timeChart: 'Journey stages over time',
    timeDesc: 'Customers who had reached each stage at each monthly point up to the as-of date.',
    facts: {
      customers: 'Customers (with an order or a mapped event)',
      events: 'Events read',
      mapped: 'Events with a name in the journey map',
    },
  },
  charts: {
    funnel: 'Journey funnel',
    funnelDesc: 'One bar per stage: the customers who reached it or a later stage',
    time: 'Journey stages over time',
    timeDesc: 'One line per stage: the customers who had reached it at each monthly point',
    stage: 'Stage',
    customers: 'Customers',
    conversion: 'Conversion from the stage before',
    at: 'Date',
  },
  method: {
    stages: 'furthest stage reached by a mapped event or by the orders (1st order: first purchase, 2nd: repeat)',
    engagement: 'high: active on 4+ of the last 30 days; medium: 1–3; low: none then but some in the last 90; none',
  },
  stages: {
    aware: {
      name: 'Aware',
      rule: 'Seen: a visit, an e-mail open or an app session, nothing more',
      action: 'Give them a reason to look closer: a clear offer, a product worth seeing.',
    },
    considering: {
      name: 'Considering',
      rule: 'Looked closer: a product view, search, cart, e-mail click, sign-up or trial, no order yet',
      action: 'Remove what holds them back: a cart reminder, reviews, delivery and returns made clear.',
    },
    'first-purchase': {
      name: 'First purchase',
      rule: 'One order so far',
      action: 'Make the first order a good one and invite the second: a welcome series, a reason to come back.',
    },
    repeat: {
      name: 'Repeat',
      rule: 'Two or more orders',
      action: 'Keep them coming: relevant offers at their moment, and ask for a review.',
    },
    advocate: {
      name: 'Advocate',
      rule: 'A review, referral, share or invitation',
      action: 'Thank them and make recommending easy: a referral programme, their reviews shown.',
    },
  } satisfies Record<JourneyStage, JourneyWords>,
  levels: {
    high: {
      name: 'Highly engaged',
      rule: 'Active on 4 or more of the last 30 days',
      action: 'Reward and involve them; ask for reviews and referrals.',
    },
    medium: {
      name: 'Engaged',
      rule: 'Active on 1 to 3 of the last 30 days',
      action: 'Keep the contact going with relevant messages.',
    },
    low: {
      name: 'Fading',
      rule: 'No activity in the last 30 days, some in the last 90',
      action: 'Reach out before they forget you: a reminder of what is new.',
    },
    none: {
      name: 'Inactive',
      rule: 'No activity in the last 90 days',
      action: 'Try a win-back once; stop messaging those who do not react.',
    },
  } satisfies Record<EngagementLevel, JourneyWords>,
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Klantreis en betrokkenheid',
    intro:
      'Waar staat elke klant op de weg van eerste contact tot aanbevelen? Een fase wordt bereikt met een gebeurtenis die haar toont (een websitebezoek of geopende e-mail: bewust; een productweergave, winkelwagen, klik in een e-mail of proefperiode: overwegend; een review, doorverwijzing of gedeeld bericht: ambassadeur) of met de bestellingen (de eerste: eerste aankoop; de tweede: herhaalaankoop). Elke klant telt één keer, in de verste fase die hij bereikte. Betrokkenheid is de activiteit nu: dagen met een gebeurtenis of bestelling in de laatste 30 dagen.',
    ordersOnly:
      'Er is geen gebeurtenissenbestand met namen uit de klantreiskaart, dus de fasen komen alleen uit de bestellingen: eerste aankoop en herhaalaankoop. Bewust, overwegend en ambassadeur vragen gebeurtenissen (websitebezoeken, geopende en aangeklikte e-mails, app-sessies, reviews): geef een gebeurtenissenbestand mee, en een klantreiskaart als de namen daarin afwijken van de standaardnamen.',
    usageNeedsSubscriptions:
      'De gebeurtenissen voeden alleen dit onderdeel: gebruikssegmenten en opzeggingen naar gebruik worden gemeten op betalende klanten en vragen ook een abonnementenbestand (--subscriptions BESTAND).',
    mapGiven: (n: string) => `Gebeurtenissen worden aan fasen gekoppeld met de meegegeven klantreiskaart (${n} namen).`,
    mapDefault: (n: string) =>
      `Gebeurtenissen worden aan fasen gekoppeld met de standaard klantreiskaart (${n} gangbare namen).`,
    funnel: (from: string, to: string, rate: string) =>
      `Van de klanten die ${from} bereikten, ging ${rate} door naar ${to}.`,
    weakest: (from: string, to: string, rate: string) =>
      `De grootste uitval zit tussen ${from} en ${to}: maar ${rate} gaat door; werk eerst aan die stap.`,
    engaged: (share: string, none: string) =>
      `${share} van de klanten was actief in de laatste 30 dagen; ${none} liet in de laatste 90 dagen niets van zich horen.`,
    caption: 'Fasen van de klantreis',
    cols: ['Fase', 'Regel', 'Wat te doen', 'Klanten', 'Aandeel', 'Bereikt', 'Conversie vanuit de fase ervoor'],
    engagementCaption: 'Betrokkenheid',
    engagementCols: ['Niveau', 'Regel', 'Wat te doen', 'Klanten', 'Aandeel', 'Actief in 2 of meer kanalen'],
    tooSmall: (n: string) => `* Minder dan ${n} klanten: te klein om als groep op te handelen.`,
    funnelChart: 'Trechter van de klantreis',
    funnelDesc: 'Klanten die elke fase (of een latere) bereikten, met de conversie vanuit de fase ervoor.',
    timeChart: 'Fasen van de klantreis door de tijd',
    timeDesc: 'Klanten die elke fase hadden bereikt, op elk maandpunt tot de peildatum.',
    facts: {
      customers: 'Klanten (met een bestelling of een gekoppelde gebeurtenis)',
      events: 'Gelezen gebeurtenissen',
      mapped: 'Gebeurtenissen met een naam uit de klantreiskaart',
    },
  },
  charts: {
    funnel: 'Trechter van de klantreis',
    funnelDesc: 'Eén balk per fase: de klanten die haar of een latere fase bereikten',
    time: 'Fasen van de klantreis door de tijd',
    timeDesc: 'Eén lijn per fase: de klanten die haar hadden bereikt, op elk maandpunt',
    stage: 'Fase',
    customers: 'Klanten',
    conversion: 'Conversie vanuit de fase ervoor',
    at: 'Datum',
  },
  method: {
    stages:
      'verste fase bereikt met een gekoppelde gebeurtenis of met de bestellingen (1e bestelling: eerste aankoop, 2e: herhaalaankoop)',
    engagement:
      'hoog: actief op 4+ van de laatste 30 dagen; gemiddeld: 1–3; laag: toen niet, wel in de laatste 90; geen',
  },
  stages: {
    aware: {
      name: 'Bewust',
      rule: 'Gezien: een bezoek, een geopende e-mail of een app-sessie, verder niets',
      action: 'Geef ze een reden om beter te kijken: een helder aanbod, een product dat de moeite waard is.',
    },
    considering: {
      name: 'Overwegend',
      rule: 'Beter gekeken: een productweergave, zoekopdracht, winkelwagen, klik in een e-mail, aanmelding of proefperiode, nog geen bestelling',
      action:
        'Neem weg wat ze tegenhoudt: een herinnering aan de winkelwagen, reviews, duidelijke bezorging en retouren.',
    },
    'first-purchase': {
      name: 'Eerste aankoop',
      rule: 'Tot nu toe één bestelling',
      action:
        'Maak de eerste bestelling een goede en nodig uit tot de tweede: een welkomstreeks, een reden om terug te komen.',
    },
    repeat: {
      name: 'Herhaalaankoop',
      rule: 'Twee of meer bestellingen',
      action: 'Houd ze vast: passende aanbiedingen op hun moment, en vraag om een review.',
    },
    advocate: {
      name: 'Ambassadeur',
      rule: 'Een review, doorverwijzing, gedeeld bericht of uitnodiging',
      action: 'Bedank ze en maak aanbevelen makkelijk: een doorverwijsprogramma, hun reviews zichtbaar.',
    },
  },
  levels: {
    high: {
      name: 'Zeer betrokken',
      rule: 'Actief op 4 of meer van de laatste 30 dagen',
      action: 'Beloon en betrek ze; vraag om reviews en doorverwijzingen.',
    },
    medium: {
      name: 'Betrokken',
      rule: 'Actief op 1 tot 3 van de laatste 30 dagen',
      action: 'Houd het contact gaande met relevante berichten.',
    },
    low: {
      name: 'Wegzakkend',
      rule: 'Geen activiteit in de laatste 30 dagen, wel in de laatste 90',
      action: 'Neem contact op voor ze u vergeten: een herinnering aan wat nieuw is.',
    },
    none: {
      name: 'Inactief',
      rule: 'Geen activiteit in de laatste 90 dagen',
      action: 'Probeer één keer terug te winnen; stop met berichten aan wie niet reageert.',
    },
  },
};

/**
 * The journey words of one locale.
 * @example journeyTexts('nl').stages.advocate.name // 'Ambassadeur'
 */
export function journeyTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

/** The journey words of one locale. */
export type JourneyTexts = typeof en;

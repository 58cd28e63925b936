/** Dutch words of the analyses layer: the same keys as the English table, checked by the compiler. */
import type { Texts } from '../types.js';

/** Dutch plural of a period word. */
const plural = (unit: string): string => (unit === 'maand' ? 'maanden' : unit === 'kwartaal' ? 'kwartalen' : 'weken');

export const analyses: Texts['analyses'] = {
  rfmSegments: {
    champions: {
      name: 'Kampioenen',
      description: 'Kochten onlangs, kopen vaak en besteden het meest.',
      action: 'Beloon ze; vraag om reviews en aanbevelingen; geef vroege toegang.',
    },
    loyal: {
      name: 'Trouwe klanten',
      description: 'Kopen regelmatig en reageren op acties.',
      action: 'Verkoop duurdere producten; nodig uit voor een loyaliteitsprogramma.',
    },
    'potential-loyalists': {
      name: 'Potentiële trouwe klanten',
      description: 'Recente klanten met meer dan één bestelling.',
      action: 'Bied lidmaatschap of spaarvoordeel; beveel verwante producten aan.',
    },
    new: {
      name: 'Nieuwe klanten',
      description: 'Kochten zeer onlangs, maar pas één keer.',
      action: 'Zorg voor een goede start; maak de tweede bestelling makkelijk.',
    },
    promising: {
      name: 'Veelbelovend',
      description: 'Recente eenmalige kopers.',
      action: 'Bouw naamsbekendheid op; geef een kleine reden om terug te komen.',
    },
    'need-attention': {
      name: 'Aandacht nodig',
      description: 'Gemiddeld recent en frequent; kunnen afhaken.',
      action: 'Stuur tijdelijke aanbiedingen op basis van eerdere aankopen.',
    },
    'about-to-sleep': {
      name: 'Bijna slapend',
      description: 'Al even niet gekocht en weinig bestellingen.',
      action: 'Heractiveer met populaire producten en kortingen.',
    },
    'at-risk': {
      name: 'Risicoklanten',
      description: 'Kochten vaak, maar lang geleden.',
      action: 'Stuur persoonlijke terugwin-mails; bied verlengingen aan.',
    },
    'cant-lose': {
      name: 'Niet kwijtraken',
      description: 'Hoorden bij de beste klanten, maar kwamen lang niet terug.',
      action: 'Win ze persoonlijk terug; vraag wat er misging.',
    },
    hibernating: {
      name: 'Slapend',
      description: 'Laatste bestelling lang geleden, weinig bestellingen, lage besteding.',
      action: 'Probeer goedkoop te heractiveren; anders niet meer in investeren.',
    },
  },
  loyalty: { loyal: 'Trouw', potential: 'Potentieel trouw', 'at-risk': 'Risico', lost: 'Verloren' },
  clusterWords: {
    recency: { low: 'recent', mid: 'gemiddeld recent', high: 'lang niet gezien' },
    frequency: { low: 'zelden', mid: 'af en toe', high: 'frequent' },
    monetary: { low: 'lage besteding', mid: 'gemiddelde besteding', high: 'hoge besteding' },
    avg_order_value: { low: 'kleine orders', high: 'grote orders' },
    tenure_days: { low: 'nieuw', high: 'langjarig' },
  },
  clusterColumnWord: (level, feature) => `${level === 'high' ? 'hoge' : 'lage'} ${feature}`,
  clusterAverage: 'Gemiddelde klanten',
  features: {
    recency: 'Recentheid (dagen)',
    frequency: 'Bestellingen',
    monetary: 'Omzet',
    avg_order_value: 'Gemiddelde orderwaarde',
    tenure_days: 'Klant sinds (dagen)',
  },
  flow: (count, from, to) => `${count} ${from} werden ${to}`,
  missingValue: '(geen waarde)',
  tiers: {
    top: (share) => `Hoogste ${share}`,
    next: (share) => `Volgende ${share}`,
    rest: (share) => `Overige ${share}`,
  },
  columns: {
    customer_id: 'klantnummer',
    order_id: 'ordernummer',
    order_date: 'orderdatum',
    amount: 'bedrag',
    quantity: 'aantal',
    unit_price: 'stuksprijs',
    product_id: 'productcode',
    description: 'productomschrijving',
    category: 'categorie',
    channel: 'kanaal',
    country: 'land',
    payment_method: 'betaalmethode',
    discount: 'korting',
    promo_code: 'actiecode',
    list_price: 'catalogusprijs',
    region: 'regio',
    city: 'plaats',
    city_size: 'stadsgrootte',
    age_band: 'leeftijdsgroep',
    age: 'leeftijd',
    gender: 'geslacht',
    device: 'apparaat',
    plan: 'abonnement',
    acquisition_channel: 'acquisitiekanaal',
    company_size: 'bedrijfsgrootte',
    industry: 'branche',
    nps: 'NPS',
    csat: 'CSAT',
    cohort_month: 'cohortmaand',
    signup_date: 'aanmelddatum',
    timing: 'koopmoment',
    loyalty: 'loyaliteit',
    journey: 'fase in de klantreis',
    'product-mix': 'productmix',
    'revenue tiers': 'omzetklasse',
    subscription_id: 'abonnementsnummer',
    start_date: 'begindatum',
    end_date: 'einddatum',
    mrr: 'MRR',
    price: 'prijs',
    billing_interval: 'factuurperiode',
    currency: 'valuta',
    usage_level: 'gebruiksniveau',
    event_time: 'tijdstip',
    event_name: 'naam van de gebeurtenis',
    platform: 'platform',
    app_version: 'app-versie',
    app_major: 'hoofdversie van de app',
  },
  notebook: {
    missingColumns: (columns: readonly string[], table: string, skipped?: string) =>
      `**Niet in deze data:** de tabel \`${table}\` heeft geen kolom${columns.length > 1 ? 'men' : ''} ${columns.join(', ')}${skipped ? `; ${skipped} ontbreekt hier daarom` : ''}.`,
    missingTable: (table: string, skipped?: string) =>
      `**Niet in deze data:** er is geen tabel \`${table}\` (laad er een met \`loadCustomers\`)${skipped ? `; ${skipped} ontbreekt hier daarom` : ''}.`,
    noPurchases:
      '**Niet in deze data:** er zijn geen aankopen vóór de peildatum; de stappen hieronder ontbreken daarom.',
    tooShortForHoldout: (days: number, weeks: number) =>
      `**Niet in deze data:** ${days} dagen aan aankopen zijn te weinig om ${weeks} weken apart te houden en op een even lange periode ervoor te kalibreren; de controle ontbreekt daarom.`,
    cannotCompute: (message: string, skipped?: string) =>
      `**Niet te berekenen op deze data${skipped ? ` (${skipped})` : ''}:** ${message}`,
  },
  readings: {
    bands: {
      clear: 'de groepen liggen duidelijk uit elkaar',
      moderate: 'de groepen liggen matig uit elkaar',
      continuum: 'de groepen zijn plakken van een doorlopend geheel, geen natuurlijke groepen',
    },
    kBest: (k: number, silhouette: string, band: string) =>
      `Op deze data is de silhouetscore het hoogst bij k = ${k} (${silhouette}): ${band}.`,
    kOther: (k: number, silhouette: string, lower: boolean) =>
      `Bij k = ${k} is hij ${silhouette}${lower ? ', lager, maar meer groepen zeggen soms meer' : ''}.`,
    holdout: (predicted: string, actual: string, gap: string, direction: 'under' | 'over' | 'close') =>
      `In de controleweken voorspelde het model ${predicted} aankopen tegen ${actual} werkelijk: ${direction === 'close' ? 'dicht bij wat er gebeurde' : `${gap} te ${direction === 'under' ? 'weinig' : 'veel'}`}.`,
    periods: { month: 'maand', week: 'week', quarter: 'kwartaal' },
    rfmHeatmap: (r: number, f: number, segment: string, customers: string, share: string, recent: string) =>
      `De volste cel is R = ${r}, F = ${f} (${segment}) met ${customers} klanten, ${share} van alle; de twee meest recente rijen bevatten ${recent} van de klanten.`,
    rfmLargest: (segment: string, customers: string, revenue: string) =>
      `Het grootste segment is ${segment}: ${customers} van de klanten, ${revenue} van de omzet.`,
    rfmRichest: (segment: string, customers: string, revenue: string) =>
      `Per klant is ${segment} het meest waard: ${customers} van de klanten brengt ${revenue} van de omzet.`,
    rfmTop20: (share: string) => `De beste 20% van de klanten brengt ${share} van de omzet.`,
    rfmScores: (top: number, days: string, orders: string, spend: string) =>
      `Op deze data betekent score ${top}: laatste order hoogstens ${days} dagen geleden (R), minstens ${orders} orders (F) en minstens ${spend} netto-omzet (M).`,
    rfmOnce: (share: string) =>
      `${share} van de klanten bestelde maar één keer, dus de laagste frequentiescore is groter dan een vijfde.`,
    cohortTooShort: (unit: string) =>
      `De data beslaat nog voor geen enkel cohort een hele ${unit} na de eerste order, dus er is geen curve om te lezen.`,
    cohortRetention: (unit: string, first: string, last: number, lastShare: string) =>
      `Gemiddeld (gewogen naar cohortgrootte) bestelde ${first} van een cohort opnieuw in de ${unit} na de eerste order${last > 1 ? `, en ${lastShare} ${last} ${plural(unit)} erna` : ''}.`,
    cohortFlattens: (from: number, to: number) =>
      `Van periode ${from} tot ${to} vlakt de gemiddelde curve af: een trouwe kern blijft kopen.`,
    cohortFalls: (from: number, to: number) =>
      `Van periode ${from} tot ${to} blijft de gemiddelde curve dalen: klanten blijven weglopen.`,
    cohortLatePoint: (period: number, cohorts: number) =>
      `Het laatste punt (periode ${period}) rust op maar ${cohorts} cohort${cohorts === 1 ? '' : 'en'}.`,
    cohortRevenue: (unit: string, first: string, last: number, lastShare: string) =>
      `De omzet per klant in de ${unit} na de eerste order is gemiddeld ${first} van die in de eerste ${unit}${last > 1 ? `, en ${lastShare} ${last} ${plural(unit)} erna` : ''}.`,
    cohortLtv: (unit: string, start: string, last: number, worth: string) =>
      `Gemiddeld bracht een klant ${start} op in de eerste ${unit} en ${worth} in totaal na ${last} ${last > 1 ? plural(unit) : unit}: vergelijk dat met wat het kost om er een te winnen.`,
    cohortGroups: (group: string, customers: string, groups: number, share: string, unit: string, all: string) =>
      `De grootste van de ${groups} groepen is ${group} (${customers} klanten): ${share} daarvan bestelde opnieuw in de ${unit} na de eerste order, tegen ${all} over alle groepen.`,
    noDropout: 'Het model vindt vrijwel geen klanten die afhaken, dus P(alive) blijft voor bijna iedereen hoog.',
    dropout: (chance: string) => `Volgens het model haakt een klant na een aankoop gemiddeld met ${chance} kans af.`,
  },
};

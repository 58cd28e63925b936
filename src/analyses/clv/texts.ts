/**
 * The words of the clv analysis's section and charts, in English and Dutch: the Dutch table has the English
 * table's type, so a missing Dutch string does not compile. Numbers come in already formatted for the locale.
 */
import type { Locale } from '../../i18n/types.js';

/** English. */
const en = {
  /** The predicted customer value (CLV) section: model explanation, findings, charts, tables and fitted parameters. */
  section: {
    title: 'Predicted customer value',
    intro: [
      'This section looks forward. The BG/NBD model (Fader, Hardie & Lee 2005) assumes that while a customer is active they buy at their own steady rate (rates differ between customers), and that after every purchase they may quietly stop for good, with a chance that also differs between customers. It learns both from each customer’s number of repeat purchases, the time of the last one and how long they have been observed. The Gamma-Gamma model adds how much each customer spends per purchase, assuming spend does not depend on how often they buy.',
      'P(alive) is the model’s probability that a customer has not yet stopped. A customer who bought often but not for a long time gets a low P(alive): for them the silence is unusual. A customer who bought rarely is not suspicious after the same silence. Customers who never bought again after their first purchase have P(alive) = 1 in this model, because it only lets customers stop right after a purchase; judge them by their low expected purchases instead.',
      'Where it fails: the model knows no seasons, promotions or trends (a busy season in the holdout is under-predicted), no contracts or subscriptions (customers who leave at a known moment), and it needs enough repeat buyers.',
    ],
    introPareto:
      'This section looks forward. The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Lee 2005) assumes that while a customer is active they buy at their own steady rate (rates differ between customers), and that each customer stays for a lifetime of their own, ending unseen at any moment (how long also differs between customers). It learns both from each customer’s number of repeat purchases, the time of the last one and how long they have been observed. The Gamma-Gamma model adds how much each customer spends per purchase, assuming spend does not depend on how often they buy.',
    readingPareto:
      'P(alive) is the model’s probability that a customer has not yet stopped. A customer who bought often but not for a long time gets a low P(alive): for them the silence is unusual. A customer who bought rarely is not suspicious after the same silence. In this model customers who never bought again after their first purchase can stop too, so their P(alive) falls the longer they stay quiet.',
    withHoldout: 'The holdout check below compares its predictions with what customers actually did.',
    withCheck: (len: string) =>
      `To test it, the same models were also fitted on the data up to ${len} before the end, and their predictions for those last ${len} are compared below with what customers actually did (tracking plot, holdout check, the two models side by side).`,
    withoutHoldout:
      'This report has no holdout check: the model was fitted on all the data, so its predictions have not been tested against what customers did afterwards.',
    unreliable: (reasons: readonly string[]) =>
      `The predictions below are not reliable on this data; do not act on them: ${reasons.join('; ')}.`,
    unreliableNoDropout: (share: string) =>
      `the model finds no sign of customers stopping (P(alive) is 99% or more for ${share} of customers), so it assumes that every customer, lapsed ones too, keeps buying at their past rate`,
    unreliableHoldout: (err: string, limit: string) =>
      `on the period it did not see, its prediction of total purchases was ${err} off, more than the ${limit} it may miss by`,
    value: (months: number, purchases: string, clv: string, customers: string, disc: string) =>
      `Over the next ${months} months the model expects ${purchases} purchases worth ${clv}${disc} from the ${customers} customers.`,
    discount: (r: string) => ` (discounted at ${r} a year)`,
    top: (share: string, n: string, clv: string) =>
      `The top ${share} of customers by predicted value (${n}) hold ${clv} of it.`,
    risk: (n: string, share: string, limit: string) =>
      `${n} customers (${share}) are at risk: their P(alive) is below ${limit}. Win-back offers are best aimed at those with the highest past spend.`,
    holdout: (len: string, pred: string, act: string, err: string) =>
      `Check on data the model did not see: for the ${len} after the calibration period it predicted ${pred} purchases; customers made ${act} (${err}).`,
    noDropout:
      'The data show almost no sign of customers stopping (the fitted dropout chance is near zero), so P(alive) is close to 100% for everyone; a longer calibration period may show dropout.',
    off: (x: string) => `${x} off`,
    trustClose: (err: string) =>
      `What that means for trusting the numbers: the model was ${err} off on purchases it had not seen, close enough to use its predicted purchases and value as estimates (within the ranges given).`,
    trustUnder: (err: string) =>
      `What that means for trusting the numbers: the model predicted ${err} fewer purchases than customers made in the period it had not seen. Read its predicted purchases and value as a cautious floor, not a forecast: customers kept buying more than their past suggested (a season, a promotion or a change the model does not know about).`,
    trustOver: (err: string) =>
      `What that means for trusting the numbers: the model predicted ${err} more purchases than customers made in the period it had not seen. Read its predicted purchases and value as a ceiling, not a forecast: customers bought less than their past suggested.`,
    range: (value: string, low: string, high: string, draws: string) =>
      `Allowing for how uncertain the fitted model is, the predicted value of ${value} lies between ${low} and ${high} (a 95% range from ${draws} re-drawn sets of model parameters). The range does not include chance: what customers actually spend varies further around it.`,
    rangeCell: (low: string, high: string) => `${low} – ${high}`,
    spendCorrelated: (r: string) =>
      `Careful with the spend per purchase: among repeat buyers, spend per purchase and number of purchases are correlated (r = ${r}), while the spend model assumes they are unrelated, so the predicted value of frequent buyers may be off.`,
    heavyTail: (q: string) =>
      `Careful with the spend per purchase: the spend model finds a very heavy tail (q = ${q}, at most 1), so the average spend of a new or one-time buyer has no finite value and their predicted spend cannot be trusted.`,
    comparison: (
      days: string,
      bg: string,
      pareto: string,
      actual: string,
      bgErr: string,
      paretoErr: string,
      better: string | null,
    ) =>
      `Both models on the ${days} they did not see: BG/NBD predicted ${bg} and Pareto/NBD ${pareto} purchases, against ${actual} made; per customer they missed by ${bgErr} and ${paretoErr} purchases on average. ${better === null ? 'Neither predicted better here: per customer they missed by as much, so the choice between them changes little.' : `${better} predicted better here, so its numbers are the ones to use.`}`,
    limitNoDropout: (model: string) =>
      `${model} found no dropout: its dropout parameters ran to the edge of the search, where it becomes a model in which no customer ever stops, so it predicts as if every customer keeps buying at their past rate.`,
    limitOther: (model: string, params: string) =>
      `${model} ran to a limit of the model (${params} at the edge of the search, e.g. customers who hardly differ in how long they stay): its predictions are usable, its parameter values mean little.`,
    comparisonCaption: 'BG/NBD and Pareto/NBD on the holdout period',
    comparisonCols: [
      'Model',
      'Log-likelihood',
      'Predicted purchases',
      'Off in total',
      'Mean error per customer',
      'Root mean squared error',
    ],
    modelNames: { 'bg-nbd': 'BG/NBD', 'pareto-nbd': 'Pareto/NBD' },
    revenueNote:
      'All values here are revenue, not profit (margin 100%). Pass a margin (swb report --clv --margin 0.3) to see profit instead.',
    marginNote: (margin: string) => `All values here are profit: predicted revenue × a margin of ${margin}.`,
    periods: { weeks: 'weeks', days: 'days' },
    charts: {
      holdout: {
        title: 'Predicted and actual purchases in the holdout period',
        description:
          'Customers grouped by their repeat purchases in the calibration period; for each group the mean purchases the model predicted for the holdout period beside the mean they made.',
      },
      hist: {
        title: 'Distribution of P(alive)',
        description:
          'How many customers fall in each tenth of P(alive); the left bars are customers the model thinks have probably stopped.',
      },
      matrix: {
        title: 'P(alive) by frequency and recency',
        description:
          'For a customer observed for the whole calibration period: more purchases and a later last purchase mean more likely active; frequent buyers who went quiet early are the likeliest to have stopped.',
      },
      tiers: {
        title: 'Customers and predicted value per CLV tier',
        description: 'Each CLV tier’s share of customers beside its share of the predicted value.',
      },
      segments: {
        title: 'Predicted value per segment',
        description: 'Total predicted value per segment; the tooltip shows mean CLV and mean P(alive).',
      },
      trackingCumulative: {
        title: 'Repeat purchases so far, actual and predicted',
        description:
          'Week by week, all repeat purchases so far of the customers of the calibration period beside what the model expects of them. Up to the dashed line the model saw the data; after it, the lines drifting apart is the model missing.',
      },
      trackingWeekly: {
        title: 'Repeat purchases per week, actual and predicted',
        description:
          'The repeat purchases of each week beside the model’s expectation: the model draws a smooth trend and knows no seasons or promotions, so peaks above the line are purchases it could not foresee.',
      },
    },
    tierNames: { top: 'Top', high: 'High', medium: 'Medium', low: 'Low' },
    bandNames: { at_risk: 'At risk', uncertain: 'Uncertain', alive: 'Active' },
    tierCaption: 'CLV tiers',
    bandCaption: (a: string, b: string) => `P(alive) bands (at risk < ${a} ≤ uncertain < ${b} ≤ active)`,
    groupCols: [
      'Group',
      'Customers',
      'Share',
      'Predicted purchases',
      'Predicted value',
      'Share of value',
      'Mean P(alive)',
      'Value, 95% range',
    ],
    holdoutCaption: 'Holdout check by repeat purchases in the calibration period',
    holdoutCols: ['Repeat purchases', 'Customers', 'Actual per customer', 'Predicted per customer'],
    segCaption: 'Predicted value per segment',
    segCols: ['Segment', 'Customers', 'Predicted value', 'Mean CLV', 'Mean P(alive)', 'At risk', 'Value, 95% range'],
    facts: {
      calibration: 'Calibration period ends',
      holdout: 'Holdout period ends',
      check: 'Holdout check (a separate fit)',
      checkPeriod: (calibration: string, holdout: string) => `calibration to ${calibration}, holdout to ${holdout}`,
      unit: 'Time unit',
      horizon: 'CLV horizon',
      months: 'months',
      discount: 'Discount rate (per year)',
      margin: 'Margin',
      customers: 'Customers in the model (a purchase day not cancelled the same day)',
      repeat: 'Repeat buyers',
      bgnbd: 'BG/NBD r, α, a, b',
      ll: 'BG/NBD log-likelihood',
      gg: 'Gamma-Gamma p, q, γ',
      rho: 'Correlation of frequency and spend (repeat buyers)',
      model: 'Model that scores the customers',
      pareto: 'Pareto/NBD r, α, s, β',
      paretoLl: 'Pareto/NBD log-likelihood',
      se: (model: string) => `${model} standard errors`,
    },
  },
  /** CLV charts: holdout check, P(alive) histogram and matrix, tiers and segments. */
  charts: {
    holdout: 'Holdout check: predicted vs actual purchases',
    holdoutDesc:
      'Lines per group of customers with the same number of repeat purchases in the calibration period: the mean number of purchases the model predicted for the holdout period beside the mean actually made',
    calX: 'Repeat purchases in the calibration period',
    perCustomer: 'Purchases per customer in the holdout',
    actual: 'Actual',
    predicted: 'Predicted (BG/NBD)',
    series: 'Series',
    customers: 'Customers',
    predictedPareto: 'Predicted (Pareto/NBD)',
    low: 'Lower end (95%)',
    high: 'Upper end (95%)',
    rangeNote: 'lines: 95% range',
    hist: 'How likely are customers still active?',
    histDesc: 'Histogram of P(alive), the model’s probability that a customer has not dropped out, in tenths',
    pAlive: 'P(alive)',
    matrix: 'P(alive) by purchase frequency and recency',
    matrixDesc: (T: string) =>
      `Heatmap of the model’s P(alive) for a customer observed for ${T} periods, by number of repeat purchases and time of the last one; darker is more likely active`,
    observed: (T: string) => `a customer observed for ${T}`,
    x: 'Repeat purchases',
    tx: 'Time of the last purchase',
    tiers: 'Customers and predicted value per CLV tier',
    tiersDesc: 'Bars per CLV tier: the share of customers beside the share of total predicted value',
    tier: 'CLV tier',
    share: 'Share',
    measure: 'Measure',
    customerShare: 'Share of customers',
    clvShare: 'Share of predicted value',
    clv: 'Predicted value (CLV)',
    segments: 'Predicted value per segment',
    segmentsDesc: 'Bars per segment: the total predicted value, with mean P(alive) in the tooltip',
    segment: 'Segment',
    meanClv: 'Mean CLV per customer',
    atRisk: 'At risk (P(alive) low)',
    tierNames: { top: 'Top', high: 'High', medium: 'Medium', low: 'Low' },
    periods: { weeks: 'weeks', days: 'days' },
    orMore: 'or more',
    trackingCumulative: 'Repeat purchases so far: actual and predicted',
    trackingWeekly: 'Repeat purchases per week: actual and predicted',
    trackingDesc:
      'Lines per week since the first purchase day: the repeat purchases the customers of the calibration period made beside what the model expects of them, through the calibration period and on into the holdout; the dashed rule marks the end of the calibration period',
    trackingSub: (start: string, actual: string, predicted: string) =>
      `Weeks from ${start} · at the end: actual ${actual}, predicted ${predicted}`,
    trackingCumulativeY: 'Repeat purchases so far',
    trackingWeeklyY: 'Repeat purchases in the week',
    week: 'Week',
    calibrationEnd: 'end of calibration',
  },
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Voorspelde klantwaarde',
    intro: [
      'Deze sectie kijkt vooruit. Het BG/NBD-model (Fader, Hardie & Lee 2005) gaat ervan uit dat een klant zolang hij actief is in zijn eigen vaste tempo koopt (het tempo verschilt per klant), en dat hij na elke aankoop stilletjes voorgoed kan afhaken, met een kans die ook per klant verschilt. Het leert beide uit het aantal herhaalaankopen van elke klant, het moment van de laatste en hoe lang de klant gevolgd is. Het Gamma-Gamma-model voegt toe hoeveel elke klant per aankoop besteedt, in de veronderstelling dat dat bedrag niet afhangt van hoe vaak hij koopt.',
      'P(actief) is de kans volgens het model dat een klant nog niet is afgehaakt. Een klant die vaak kocht maar al lang niet meer, krijgt een lage P(actief): voor hem is de stilte ongewoon. Bij een klant die zelden koopt, is dezelfde stilte niet verdacht. Klanten die na hun eerste aankoop nooit meer kochten, hebben in dit model P(actief) = 1, omdat het klanten alleen direct na een aankoop laat afhaken; beoordeel hen op hun lage verwachte aantal aankopen.',
      'Waar het tekortschiet: het model kent geen seizoenen, acties of trends (een druk seizoen in de controleperiode wordt onderschat), geen contracten of abonnementen (klanten die op een bekend moment vertrekken), en het heeft genoeg herhaalkopers nodig.',
    ],
    introPareto:
      'Deze sectie kijkt vooruit. Het Pareto/NBD-model (Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Lee 2005) gaat ervan uit dat een klant zolang hij actief is in zijn eigen vaste tempo koopt (het tempo verschilt per klant), en dat elke klant een eigen levensduur heeft die op elk moment ongemerkt kan eindigen (hoe lang verschilt ook per klant). Het leert beide uit het aantal herhaalaankopen van elke klant, het moment van de laatste en hoe lang de klant gevolgd is. Het Gamma-Gamma-model voegt toe hoeveel elke klant per aankoop besteedt, in de veronderstelling dat dat bedrag niet afhangt van hoe vaak hij koopt.',
    readingPareto:
      'P(actief) is de kans volgens het model dat een klant nog niet is afgehaakt. Een klant die vaak kocht maar al lang niet meer, krijgt een lage P(actief): voor hem is de stilte ongewoon. Bij een klant die zelden koopt, is dezelfde stilte niet verdacht. In dit model kunnen ook klanten die na hun eerste aankoop nooit meer kochten afhaken, dus hun P(actief) daalt naarmate ze langer stil blijven.',
    withHoldout: 'De controle hieronder vergelijkt de voorspellingen met wat klanten werkelijk deden.',
    withCheck: (len) =>
      `Als toets zijn dezelfde modellen ook geschat op de gegevens tot ${len} voor het einde, en hieronder worden hun voorspellingen voor die laatste ${len} vergeleken met wat klanten werkelijk deden (verloopgrafiek, controle, de twee modellen naast elkaar).`,
    withoutHoldout:
      'Dit rapport heeft geen controleperiode: het model is op alle gegevens geschat, dus de voorspellingen zijn niet getoetst aan wat klanten daarna deden.',
    unreliable: (reasons) =>
      `De voorspellingen hieronder zijn op deze gegevens niet betrouwbaar; baseer er geen beslissingen op: ${reasons.join('; ')}.`,
    unreliableNoDropout: (share) =>
      `het model ziet geen klanten afhaken (P(actief) is 99% of meer voor ${share} van de klanten), dus het gaat ervan uit dat elke klant, ook wie al weg lijkt, blijft kopen in zijn eerdere tempo`,
    unreliableHoldout: (err, limit) =>
      `over de periode die het niet zag, zat de voorspelling van het totale aantal aankopen ${err} naast, meer dan de ${limit} die is toegestaan`,
    value: (months: number, purchases: string, clv: string, customers: string, disc: string) =>
      `In de komende ${months} maanden verwacht het model ${purchases} aankopen met een waarde van ${clv}${disc} van de ${customers} klanten.`,
    discount: (r: string) => ` (verdisconteerd met ${r} per jaar)`,
    top: (share: string, n: string, clv: string) =>
      `De beste ${share} van de klanten naar voorspelde waarde (${n}) hebben ${clv} daarvan.`,
    risk: (n: string, share: string, limit: string) =>
      `${n} klanten (${share}) lopen risico: hun P(actief) is lager dan ${limit}. Terugwinacties richt u het best op wie in het verleden het meest besteedde.`,
    holdout: (len: string, pred: string, act: string, err: string) =>
      `Controle op gegevens die het model niet zag: voor de ${len} na de kalibratieperiode voorspelde het ${pred} aankopen; klanten deden er ${act} (${err}).`,
    noDropout:
      'De gegevens tonen bijna geen klanten die afhaken (de geschatte kans daarop is vrijwel nul), dus P(actief) ligt voor iedereen dicht bij 100%; een langere kalibratieperiode kan afhaken wel laten zien.',
    off: (x: string) => `${x} verschil`,
    trustClose: (err) =>
      `Wat dat betekent voor het vertrouwen in de cijfers: het model zat ${err} naast bij aankopen die het niet had gezien, dicht genoeg om de voorspelde aankopen en waarde als schatting te gebruiken (binnen de genoemde bereiken).`,
    trustUnder: (err) =>
      `Wat dat betekent voor het vertrouwen in de cijfers: het model voorspelde ${err} minder aankopen dan klanten deden in de periode die het niet had gezien. Lees de voorspelde aankopen en waarde als een voorzichtige ondergrens, niet als verwachting: klanten bleven meer kopen dan hun verleden deed vermoeden (een seizoen, een actie of een verandering die het model niet kent).`,
    trustOver: (err) =>
      `Wat dat betekent voor het vertrouwen in de cijfers: het model voorspelde ${err} meer aankopen dan klanten deden in de periode die het niet had gezien. Lees de voorspelde aankopen en waarde als een bovengrens, niet als verwachting: klanten kochten minder dan hun verleden deed vermoeden.`,
    range: (value, low, high, draws) =>
      `Rekening houdend met hoe onzeker het geschatte model is, ligt de voorspelde waarde van ${value} tussen ${low} en ${high} (een bereik van 95% uit ${draws} opnieuw getrokken sets modelparameters). Toeval zit niet in dat bereik: wat klanten werkelijk besteden, wijkt daar nog verder omheen af.`,
    rangeCell: (low, high) => `${low} – ${high}`,
    spendCorrelated: (r) =>
      `Let op bij de besteding per aankoop: bij herhaalkopers hangen besteding per aankoop en aantal aankopen samen (r = ${r}), terwijl het bestedingsmodel aanneemt dat ze los van elkaar staan; de voorspelde waarde van frequente kopers kan daardoor afwijken.`,
    heavyTail: (q) =>
      `Let op bij de besteding per aankoop: het bestedingsmodel vindt een zeer zware staart (q = ${q}, hooguit 1), dus de gemiddelde besteding van een nieuwe of eenmalige koper heeft geen eindige waarde en hun voorspelde besteding is niet te vertrouwen.`,
    comparison: (days, bg, pareto, actual, bgErr, paretoErr, better) =>
      `Beide modellen op de ${days} die ze niet zagen: BG/NBD voorspelde ${bg} en Pareto/NBD ${pareto} aankopen, tegen ${actual} werkelijk; per klant zaten ze gemiddeld ${bgErr} en ${paretoErr} aankopen naast. ${better === null ? 'Geen van beide voorspelde hier beter: per klant zaten ze evenveel naast, dus de keuze tussen hen maakt weinig uit.' : `${better} voorspelde hier beter, dus de cijfers van dat model zijn de bruikbare.`}`,
    limitNoDropout: (model) =>
      `${model} vond geen klanten die afhaken: de parameters voor afhaken liepen tot de rand van het zoekgebied, waar het een model wordt waarin geen klant ooit stopt, dus het voorspelt alsof elke klant blijft kopen in zijn eerdere tempo.`,
    limitOther: (model, params) =>
      `${model} liep tegen een grens van het model aan (${params} aan de rand van het zoekgebied, bijvoorbeeld klanten die nauwelijks verschillen in hoe lang ze blijven): de voorspellingen zijn bruikbaar, de parameterwaarden zeggen weinig.`,
    comparisonCaption: 'BG/NBD en Pareto/NBD in de controleperiode',
    comparisonCols: [
      'Model',
      'Log-likelihood',
      'Voorspelde aankopen',
      'Verschil in totaal',
      'Gemiddelde fout per klant',
      'Wortel van de gemiddelde kwadratische fout',
    ],
    modelNames: { 'bg-nbd': 'BG/NBD', 'pareto-nbd': 'Pareto/NBD' },
    revenueNote:
      'Alle bedragen hier zijn omzet, geen winst (marge 100%). Geef een marge op (swb report --clv --margin 0.3) om winst te zien.',
    marginNote: (margin: string) => `Alle bedragen hier zijn winst: voorspelde omzet × een marge van ${margin}.`,
    periods: { weeks: 'weken', days: 'dagen' },
    charts: {
      holdout: {
        title: 'Voorspelde en werkelijke aankopen in de controleperiode',
        description:
          'Klanten gegroepeerd naar hun herhaalaankopen in de kalibratieperiode; per groep het gemiddelde aantal voorspelde aankopen in de controleperiode naast het werkelijke gemiddelde.',
      },
      hist: {
        title: 'Verdeling van P(actief)',
        description:
          'Hoeveel klanten in elk tiende van P(actief) vallen; de linker staven zijn klanten die volgens het model waarschijnlijk zijn afgehaakt.',
      },
      matrix: {
        title: 'P(actief) naar frequentie en recentheid',
        description:
          'Voor een klant die de hele kalibratieperiode gevolgd is: meer aankopen en een latere laatste aankoop betekenen waarschijnlijker actief; frequente kopers die vroeg stil werden, zijn het vaakst afgehaakt.',
      },
      tiers: {
        title: 'Klanten en voorspelde waarde per CLV-klasse',
        description: 'Per CLV-klasse het aandeel in de klanten naast het aandeel in de voorspelde waarde.',
      },
      segments: {
        title: 'Voorspelde waarde per segment',
        description: 'Totale voorspelde waarde per segment; de tooltip toont gemiddelde CLV en gemiddelde P(actief).',
      },
      trackingCumulative: {
        title: 'Herhaalaankopen tot nu toe, werkelijk en voorspeld',
        description:
          'Week na week alle herhaalaankopen tot dan toe van de klanten uit de kalibratieperiode naast wat het model van hen verwacht. Tot de gestippelde lijn zag het model de gegevens; daarna betekent uiteenlopen van de lijnen dat het model ernaast zit.',
      },
      trackingWeekly: {
        title: 'Herhaalaankopen per week, werkelijk en voorspeld',
        description:
          'De herhaalaankopen van elke week naast de verwachting van het model: het model tekent een vloeiende trend en kent geen seizoenen of acties, dus pieken boven de lijn zijn aankopen die het niet kon voorzien.',
      },
    },
    tierNames: { top: 'Top', high: 'Hoog', medium: 'Midden', low: 'Laag' },
    bandNames: { at_risk: 'Risico', uncertain: 'Onzeker', alive: 'Actief' },
    tierCaption: 'CLV-klassen',
    bandCaption: (a: string, b: string) => `P(actief)-banden (risico < ${a} ≤ onzeker < ${b} ≤ actief)`,
    groupCols: [
      'Groep',
      'Klanten',
      'Aandeel',
      'Voorspelde aankopen',
      'Voorspelde waarde',
      'Aandeel waarde',
      'Gem. P(actief)',
      'Waarde, bereik 95%',
    ],
    holdoutCaption: 'Controle naar herhaalaankopen in de kalibratieperiode',
    holdoutCols: ['Herhaalaankopen', 'Klanten', 'Werkelijk per klant', 'Voorspeld per klant'],
    segCaption: 'Voorspelde waarde per segment',
    segCols: ['Segment', 'Klanten', 'Voorspelde waarde', 'Gem. CLV', 'Gem. P(actief)', 'Risico', 'Waarde, bereik 95%'],
    facts: {
      calibration: 'Einde kalibratieperiode',
      holdout: 'Einde controleperiode',
      check: 'Controle (een aparte schatting)',
      checkPeriod: (calibration, holdout) => `kalibratie tot ${calibration}, controle tot ${holdout}`,
      unit: 'Tijdseenheid',
      horizon: 'CLV-horizon',
      months: 'maanden',
      discount: 'Disconteringsvoet (per jaar)',
      margin: 'Marge',
      customers: 'Klanten in het model (een aankoopdag die niet dezelfde dag is geannuleerd)',
      repeat: 'Herhaalkopers',
      bgnbd: 'BG/NBD r, α, a, b',
      ll: 'BG/NBD log-likelihood',
      gg: 'Gamma-Gamma p, q, γ',
      rho: 'Correlatie frequentie en besteding (herhaalkopers)',
      model: 'Model dat de klanten scoort',
      pareto: 'Pareto/NBD r, α, s, β',
      paretoLl: 'Pareto/NBD log-likelihood',
      se: (model) => `Standaardfouten ${model}`,
    },
  },
  charts: {
    holdout: 'Controleperiode: voorspelde en werkelijke aankopen',
    holdoutDesc:
      'Lijnen per groep klanten met hetzelfde aantal herhaalaankopen in de kalibratieperiode: het gemiddelde aantal aankopen dat het model voorspelde voor de controleperiode naast het werkelijke gemiddelde',
    calX: 'Herhaalaankopen in de kalibratieperiode',
    perCustomer: 'Aankopen per klant in de controleperiode',
    actual: 'Werkelijk',
    predicted: 'Voorspeld (BG/NBD)',
    series: 'Reeks',
    customers: 'Klanten',
    predictedPareto: 'Voorspeld (Pareto/NBD)',
    low: 'Ondergrens (95%)',
    high: 'Bovengrens (95%)',
    rangeNote: 'lijnen: bereik van 95%',
    hist: 'Hoe waarschijnlijk zijn klanten nog actief?',
    histDesc: 'Histogram van P(actief), de kans volgens het model dat een klant nog niet is afgehaakt, in tienden',
    pAlive: 'P(actief)',
    matrix: 'P(actief) naar aankoopfrequentie en recentheid',
    matrixDesc: (T: string) =>
      `Heatmap van P(actief) volgens het model voor een klant die ${T} perioden is gevolgd, naar aantal herhaalaankopen en moment van de laatste; donkerder is waarschijnlijker actief`,
    observed: (T: string) => `een klant die ${T} gevolgd is`,
    x: 'Herhaalaankopen',
    tx: 'Moment van de laatste aankoop',
    tiers: 'Klanten en voorspelde waarde per CLV-klasse',
    tiersDesc: 'Staven per CLV-klasse: het aandeel in de klanten naast het aandeel in de totale voorspelde waarde',
    tier: 'CLV-klasse',
    share: 'Aandeel',
    measure: 'Maat',
    customerShare: 'Aandeel klanten',
    clvShare: 'Aandeel voorspelde waarde',
    clv: 'Voorspelde waarde (CLV)',
    segments: 'Voorspelde waarde per segment',
    segmentsDesc: 'Staven per segment: de totale voorspelde waarde, met gemiddelde P(actief) in de tooltip',
    segment: 'Segment',
    meanClv: 'Gemiddelde CLV per klant',
    atRisk: 'Risico (lage P(actief))',
    tierNames: { top: 'Top', high: 'Hoog', medium: 'Midden', low: 'Laag' },
    periods: { weeks: 'weken', days: 'dagen' },
    orMore: 'of meer',
    trackingCumulative: 'Herhaalaankopen tot nu toe: werkelijk en voorspeld',
    trackingWeekly: 'Herhaalaankopen per week: werkelijk en voorspeld',
    trackingDesc:
      'Lijnen per week sinds de eerste aankoopdag: de herhaalaankopen van de klanten uit de kalibratieperiode naast wat het model van hen verwacht, door de kalibratieperiode heen en verder in de controleperiode; de gestippelde lijn markeert het einde van de kalibratieperiode',
    trackingSub: (start, actual, predicted) =>
      `Weken vanaf ${start} · aan het eind: werkelijk ${actual}, voorspeld ${predicted}`,
    trackingCumulativeY: 'Herhaalaankopen tot nu toe',
    trackingWeeklyY: 'Herhaalaankopen in de week',
    week: 'Week',
    calibrationEnd: 'einde kalibratie',
  },
};

/**
 * The clv words of one locale.
 * @example clvTexts('nl').section
 */
export function clvTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

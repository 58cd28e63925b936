/** Dutch words of subscriptions and product usage: the same keys as the English table, checked by the compiler. */
import type { Texts } from '../types.js';

export const subscriptions: Texts['subscriptions'] = {
  usageSegments: {
    dormant: 'Slapende klanten',
    light: 'Lichte gebruikers',
    regular: 'Gewone gebruikers',
    power: 'Intensieve gebruikers',
  },
  usageInSentence: {
    dormant: 'slapende klanten (geen gebruik)',
    light: 'lichte gebruikers',
    regular: 'gewone gebruikers',
    power: 'intensieve gebruikers',
  },
  charts: {
    bridge: 'MRR-brug',
    bridgeDesc:
      'Watervaldiagram van de maandelijks terugkerende omzet (MRR): de MRR aan het begin, wat nieuwe, groeiende en terugkerende klanten toevoegden, wat verlagingen en opzeggingen wegnamen, en de MRR aan het eind',
    bridgeRange: (from: string, to: string) => `van eind ${from} tot eind ${to}`,
    step: 'Stap',
    start: 'MRR aan het begin',
    end: 'MRR aan het eind',
    new: 'Nieuwe klanten',
    expansion: 'Uitbreiding',
    reactivation: 'Terugkerende klanten',
    contraction: 'Verlagingen',
    churned: 'Opzeggingen',
    change: 'Verandering',
    mrr: 'MRR',
    mrrChange: 'Verandering van de MRR',
    movements: 'MRR-bewegingen per maand',
    movementsDesc:
      'Gestapelde staven per maand: toegevoegde MRR (nieuwe klanten, uitbreiding, terugkerende klanten) boven nul, verloren MRR (verlagingen, opzeggingen) onder nul; de lijn is de nettoverandering',
    month: 'Maand',
    movement: 'Beweging',
    net: 'Nettoverandering',
    mrrEnd: 'MRR aan het eind van de maand',
    churnTitle: (by: string) => `Klantverloop en omzetverloop per ${by}`,
    churnSub: 'maandcijfers; snorharen: 95%-betrouwbaarheidsinterval van het klantverloop',
    churnDesc:
      'Staven per segment: het aandeel betalende klanten dat in een maand stopte (klantverloop, met 95%-betrouwbaarheidsinterval) naast het aandeel MRR dat verloren ging aan opzeggingen en verlagingen (omzetverloop)',
    customerChurn: 'Klantverloop',
    revenueChurn: 'Omzetverloop',
    rate: 'Per maand',
    measure: 'Maat',
    segment: 'Segment',
    customers: 'Klanten',
    ciLow: '95%-BI laag',
    ciHigh: '95%-BI hoog',
    small: 'te weinig klanten om te rangschikken',
    unknown: '(onbekend)',
    usageTitle: (months: string) => `Verloop binnen ${months} naar gebruik`,
    usageSub: (date: string, days: number) =>
      `gebruik in de ${days} dagen vóór ${date}; snorharen: 95%-betrouwbaarheidsinterval; stippellijn: alle betalende klanten`,
    usageDesc:
      'Staven per gebruikssegment: het aandeel van de klanten die op de datum betaalden dat aan het eind van de periode niet meer betaalde, met 95%-betrouwbaarheidsinterval; de stippellijn is het cijfer van alle betalende klanten',
    usageSegment: 'Gebruikssegment',
    stopped: 'Gestopt met betalen',
    churnRate: 'Verloop',
    all: 'Alle betalende klanten',
    tooSmall: 'te weinig klanten',
    note: 'Opmerking',
    months: (n: number) => `${n} ${n === 1 ? 'maand' : 'maanden'}`,
    segmentChurnTitle: (by: string) => `Klantverloop per ${by}, maand voor maand`,
    segmentChurnSub:
      'aandeel van de klanten die aan het begin van de maand betaalden dat in die maand stopte; band: 95%-betrouwbaarheidsinterval',
    segmentChurnSubSmall: (left: string) =>
      `aandeel van de klanten die aan het begin van de maand betaalden dat in die maand stopte; band: 95%-betrouwbaarheidsinterval; te weinig klanten om te tonen: ${left}`,
    segmentChurnDesc:
      'Eén lijn per segment: het klantverloop per maand, in een band van het 95%-betrouwbaarheidsinterval; een klant telt in het segment waarin hij aan het begin van de maand zat',
  },
  report: {
    title: 'Abonnementen',
    intro: [
      'De maandelijks terugkerende omzet (MRR) is wat abonnees per maand betalen: een jaarabonnement telt elke maand voor een twaalfde van de prijs. Een klant telt in een maand als betalend wanneer hij op de laatste dag van die maand MRR heeft; elk cijfer in dit hoofdstuk telt klanten op die ene manier.',
      'Klantverloop is het aandeel betalende klanten dat in een maand stopt met betalen. Omzetverloop is het aandeel MRR dat in een maand verloren gaat, aan klanten die stoppen en aan klanten die naar een goedkoper abonnement gaan. De twee kunnen groepen anders rangschikken: een groep met veel kleine klanten kan veel klanten maar weinig omzet verliezen.',
    ],
    mrrNow: (date: string, mrr: string, customers: string, arpu: string) =>
      `Op ${date} is de MRR ${mrr} van ${customers} betalende klanten (gemiddeld ${arpu} per klant).`,
    change: (up: boolean, amount: string, share: string | null, date: string) =>
      `Dat is ${amount} ${up ? 'meer' : 'minder'} dan op ${date}${share ? ` (${up ? '+' : '−'}${share})` : ''}.`,
    churn: (customers: string, revenue: string, net: string, gain: boolean) =>
      `Elke maand stopte ${customers} van de betalende klanten (klantverloop) en ging ${revenue} van de MRR verloren aan opzeggingen en verlagingen (omzetverloop); ${gain ? `klanten die meer gingen betalen of terugkwamen maakten dat ruim goed (netto omzetverloop ${net})` : `na klanten die meer gingen betalen of terugkwamen was het nettoverlies ${net} per maand (netto omzetverloop)`}.`,
    differentOrder: (by: string, a: string, aRate: string, b: string, bRate: string) =>
      `Per ${by} verliest ${a} de meeste klanten (${aRate} per maand) en ${b} de meeste omzet (${bRate} van de eigen MRR per maand).`,
    sameOrder: (by: string, a: string, aRate: string, bRate: string) =>
      `Per ${by} verliest ${a} zowel de meeste klanten (${aRate} per maand) als de meeste omzet (${bRate} van de eigen MRR per maand).`,
    ltv: (ltv: string, arpu: string, margin: string, churn: string) =>
      `Levensduurwaarde (LTV) van een gemiddelde klant, als eenvoudige formule: MRR per klant (gemiddeld over de maanden) × marge ÷ klantverloop per maand = ${arpu} × ${margin} ÷ ${churn} = ${ltv}.`,
    ltvNote:
      'Deze LTV gaat ervan uit dat het verloop blijft zoals het is en rekent toekomstige omzet niet terug naar nu; lees hem als een ruwe orde van grootte, niet als voorspelling.',
    marginRevenue: 'Marge 100%: de LTV is omzet, geen winst.',
    retention: (from: string, to: string, nrr: string, grr: string) =>
      `Van de MRR die op ${from} werd betaald, betalen dezelfde klanten op ${to} ${nrr} (netto omzetbehoud); alleen het verlies geteld blijft ${grr} behouden (bruto omzetbehoud).`,
    trials: (rate: string, low: string, high: string, trials: string, days: number) =>
      `${rate} van ${trials} proefperiodes werd binnen ${days} dagen een betalende klant (95%-betrouwbaarheidsinterval ${low}–${high}).`,
    cohorts: (a: string, k: number, b: string) =>
      `Gemiddeld betaalt ${a} van de klanten ${k} maanden na de eerste betaalde maand nog, en de MRR van een startmaand is dan ${b} van wat hij eerst was (boven 100% als de blijvers meer betalen).`,
    usageLowers: (most: string, mostRate: string, least: string, leastRate: string, months: string) =>
      `Klanten die het product meer gebruiken, haken minder af: van de ${most} stopte ${mostRate} binnen ${months} met betalen, tegen ${leastRate} van de ${least}.`,
    usageRaises: (most: string, mostRate: string, least: string, leastRate: string, months: string) =>
      `Klanten die het product meer gebruiken, haken hier juist vaker af: van de ${most} stopte ${mostRate} binnen ${months} met betalen, tegen ${leastRate} van de ${least}.`,
    usageNoDifference: (most: string, mostRate: string, least: string, leastRate: string, months: string) =>
      `Geen duidelijk verschil in verloop naar gebruik: van de ${most} stopte ${mostRate} en van de ${least} ${leastRate} binnen ${months} met betalen, en de 95%-intervallen overlappen.`,
    usageTooSmall: (min: string) =>
      `Te weinig klanten in het minst of het meest gebruikte segment (minder dan ${min}) om het verloop naar gebruik te vergelijken.`,
    rateCi: (rate: string, low: string, high: string) => `${rate} [${low}–${high}]`,
    usageShare: (power: string, dormant: string, days: number, date: string) =>
      `In de ${days} dagen vóór ${date} was ${power} van de betalende klanten intensieve gebruiker en gebruikte ${dormant} het product helemaal niet.`,
    usageIntro: (days: number, date: string, light: string, power: string, months: string) =>
      `Gebruik is gemeten over de ${days} dagen vóór ${date}: klanten die op geen enkele dag actief waren zijn slapend, op minder dan ${light} van de dagen lichte gebruikers, op meer dan ${power} intensieve gebruikers, en daartussen gewone gebruikers. Het verloop naar gebruik volgt de klanten die op ${date} betaalden ${months} lang: betaalden ze aan het eind nog?`,
    charts: {
      bridge: 'Hoe de MRR van begin tot eind kwam',
      bridgeDesc:
        'Begin met de MRR aan het begin, tel op wat nieuwe, groeiende en terugkerende klanten brachten, trek verlagingen en opzeggingen af, en je komt uit op de MRR aan het eind.',
      movements: 'MRR-bewegingen per maand',
      movementsDesc:
        'Boven nul de MRR die er elke maand bij kwam, onder nul de MRR die verloren ging; de lijn is de nettoverandering. In een maand waarin de lijn onder nul ligt, kromp de MRR.',
      churn: (by: string) => `Klant- en omzetverloop per ${by}`,
      churnDesc:
        'Per groep het maandelijkse aandeel klanten dat stopte (met 95%-betrouwbaarheidsinterval) naast het maandelijkse aandeel verloren MRR. Waar de oranje staaf langer is dan de blauwe, zijn de vertrekkers de grotere klanten.',
      usage: 'Verloop per gebruikssegment',
      usageDesc:
        'Het aandeel betalende klanten per gebruikssegment dat binnen de periode stopte met betalen, met 95%-betrouwbaarheidsinterval. Intervallen die niet overlappen betekenen een duidelijk verschil.',
      cohorts: 'Behouden betalende klanten, per startmaand',
      cohortsDesc:
        'Elke rij is de maand waarin klanten voor het eerst betaalden (met hun aantal), elke kolom een maand daarna; een cel is het aandeel dat nog betaalt. Lees een kolom van boven naar beneden om startmaanden op dezelfde leeftijd te vergelijken.',
      cohortsMrr: 'Behouden MRR, per startmaand',
      cohortsMrrDesc:
        'Als hierboven, maar elke cel is de MRR van de startmaand ten opzichte van de eerste maand; boven 100% betalen de blijvers meer dan in het begin.',
    },
    movementsCaption: 'MRR per maand (laatste 12 maanden)',
    movementsCols: [
      'Maand',
      'MRR aan het begin',
      'Nieuwe klanten',
      'Uitbreiding',
      'Terugkerende klanten',
      'Verlagingen',
      'Opzeggingen',
      'MRR aan het eind',
      'Betalende klanten',
    ],
    kpiCaption: (by: string, month: string) =>
      `SaaS-kerncijfers per ${by} eind ${month} (omzetbehoud over 12 maanden, naar het ${by} aan het begin daarvan)`,
    kpiCols: [
      'Segment',
      'Betalende klanten',
      'MRR',
      'ARR',
      'ARPA',
      'Netto omzetbehoud',
      'Bruto omzetbehoud',
      'Quick ratio',
      'Verloop per maand (95%-BI)',
      'Proefperiode → betalend, 12 maanden (95%-BI)',
      'LTV (95%-BI)',
    ],
    kpiNames: {
      mrr: 'MRR',
      arr: 'ARR',
      arpa: 'ARPA',
      customers: 'Betalende klanten',
      nrr: 'Netto omzetbehoud (12 maanden)',
      grr: 'Bruto omzetbehoud (12 maanden)',
      quickRatio: 'Quick ratio',
      churn: 'Klantverloop per maand',
      trialConversion: 'Proefperiode → betalend (12 maanden)',
      ltv: 'LTV',
    },
    goalsCaption: (file: string, month: string) => `SaaS-kerncijfers tegenover de doelen uit ${file}, ${month}`,
    goalsCols: ['Segment', 'KPI', 'Betalende klanten', 'Waarde', '95%-BI', 'Doel', 'Status'],
    goalStatus: { met: 'gehaald', missed: 'niet gehaald', notEnoughData: 'te weinig gegevens' },
    goalAtLeast: (x: string) => `minstens ${x}`,
    goalAtMost: (x: string) => `hoogstens ${x}`,
    goalBetween: (lo: string, hi: string) => `${lo} tot ${hi}`,
    allCustomers: 'Alle klanten',
    goalsNote:
      'Elk doel wordt beoordeeld op de laatste maand. Te weinig gegevens: het segment heeft te weinig betalende klanten om te oordelen, of de KPI is die maand niet te meten (niemand betaalde aan het begin, geen basis 12 maanden eerder, geen afgeronde proefperiode).',
    goalsCount: (met: number, missed: number, unknown: number, total: number) =>
      `Van de ${total} SaaS-doelen zijn er ${met} gehaald, ${missed} niet gehaald en ${unknown} niet te beoordelen door te weinig gegevens.`,
    goalMissed: (segment: string, kpi: string, value: string, goal: string) =>
      `${segment}: ${kpi} is ${value}, tegenover een doel van ${goal}.`,
    cohortsByCaption: (by: string) =>
      `Abonnementscohorten per ${by}: aandeel dat nog betaalt en behouden MRR, gemiddeld over de startmaanden`,
    cohortsByCols: (by: string) => [
      by,
      'Klanten',
      'Betalend na 3 maanden',
      'na 6 maanden',
      'na 12 maanden',
      'Behouden MRR na 12 maanden',
    ],
    cohortsByNote: (min: string, cohorts: string) =>
      `Gewogen naar de grootte van elke startmaand; – waar minder dan ${cohorts} startmaanden zo ver reiken. * Minder dan ${min} klanten: getoond, te weinig om te vergelijken.`,
    churnCaption: (by: string) => `Verloop, MRR per klant en LTV per ${by} (maandcijfers)`,
    churnCols: [
      'Segment',
      'Klanten',
      'Klantverloop',
      '95%-BI',
      'Omzetverloop',
      'Netto omzetverloop',
      'MRR per klant',
      'LTV',
    ],
    small: (min: string) =>
      `* Gemiddeld minder dan ${min} betalende klanten per maand: getoond, maar te weinig om te rangschikken.`,
    usageCaption: (date: string) => `Gebruikssegmenten op ${date}`,
    usageCols: ['Gebruikssegment', 'Klanten', 'Aandeel', 'Actieve dagen (gemiddeld)', 'Gebruikte functies (gemiddeld)'],
    usageChurnCaption: (months: string) => `Verloop binnen ${months} per gebruikssegment`,
    usageChurnCols: ['Gebruikssegment', 'Klanten', 'Gestopt met betalen', 'Verloop', '95%-BI'],
    usageTooSmall2: (min: string) => `* Minder dan ${min} klanten: te weinig om te vergelijken.`,
    byUsageNote: (date: string) =>
      `Klanten die na ${date} begonnen te betalen, hebben geen gebruikssegment en zijn weggelaten.`,
    ci: (low: string, high: string) => `${low} tot ${high}`,
    plan: 'abonnement',
    usage: 'gebruikssegment',
    unknown: '(onbekend)',
    partFailed: (part: string, reason: string) => `${part} kon niet worden berekend: ${reason}`,
    parts: {
      churn: 'Verloop per abonnement',
      subscriptionCohorts: 'Abonnementscohorten',
      usage: 'Gebruikssegmenten',
      usageChurn: 'Verloop naar gebruik',
      churnByUsage: 'Omzetverloop per gebruikssegment',
      kpis: 'SaaS-kerncijfers',
    },
    facts: {
      arr: 'ARR aan het eind',
      nrr: 'Netto omzetbehoud (12 maanden)',
      grr: 'Bruto omzetbehoud (12 maanden)',
      quickRatio: 'Quick ratio (laatste maand)',
      months: 'Maanden',
      paying: 'Betalende klanten aan het eind',
      mrr: 'MRR aan het eind',
      arpu: 'MRR per klant',
      margin: 'Marge voor de LTV',
      subscriptions: 'Abonnementsnummers in het bestand',
      events: 'Gebruikte gebruiksgebeurtenissen',
      eventRange: 'Gebruiksgebeurtenissen van',
    },
    technical: {
      paying: [
        'Betalend',
        'MRR > 0 op de laatste dag van de maand; een periode dekt begindatum ≤ dag < einddatum, dus een periode die binnen één maand begint en eindigt telt nooit mee',
      ],
      mrr: [
        'MRR',
        'de kolom mrr, of prijs ÷ de maanden van de factuurperiode (jaar 12, halfjaar 6, kwartaal 3, maand 1, week 12/52); opgeteld over de perioden van een klant op die dag',
      ],
      classes: [
        'MRR-bewegingen (methode: maandeinde)',
        'tussen twee maandeinden per klant: nieuw (0 → > 0, nooit eerder betaald), terugkerend (0 → > 0, eerder betaald), uitbreiding / verlaging (beide > 0, omhoog / omlaag), opzegging (> 0 → 0); een verandering die binnen een maand wordt teruggedraaid telt niet; de brug klopt tot op de cent',
      ],
      classesDated: [
        'MRR-bewegingen (methode: per dag)',
        'elke dag waarop de MRR van een klant verandert is één beweging, zoals ChartMogul telt: nieuw (0 → > 0, nooit eerder betaald), terugkerend (0 → > 0, eerder betaald), uitbreiding / verlaging (beide > 0, omhoog / omlaag), opzegging (> 0 → 0); een verandering die binnen een maand wordt teruggedraaid telt twee keer en een start die binnen de maand wordt terugbetaald als nieuw en opgezegd; de MRR aan de maandeinden als bij maandeinden, en de brug klopt tot op de cent',
      ],
      customerChurn: [
        'Klantverloop',
        'klanten die aan het begin van een maand betalen en aan het eind niets ÷ klanten die aan het begin betalen; over meerdere maanden samengenomen (Σ gestopt ÷ Σ betalend aan het begin)',
      ],
      revenueChurn: [
        'Omzetverloop (bruto)',
        '(MRR van opzeggingen + verlagingen) ÷ MRR aan het begin van de maand, samengenomen over de maanden',
      ],
      netChurn: [
        'Netto omzetverloop',
        'de standaardformule van ChartMogul (net MRR churn rate), de ene definitie van elk cijfer hier: (opzeggingen + verlagingen − uitbreiding − terugkerende klanten) ÷ MRR aan het begin, nieuwe klanten niet meegeteld; per segment telt een terugkerende klant in het segment waarin hij terugkomt',
      ],
      kpis: [
        'ARR, ARPA, quick ratio',
        'ARR = 12 × MRR aan het eind van de maand; ARPA = MRR ÷ betalende klanten (een account is een klant); quick ratio = (nieuw + uitbreiding + terugkerend) ÷ (opzeggingen + verlagingen) van de maand',
      ],
      retention: [
        'Netto en bruto omzetbehoud',
        'van de klanten die aan het eind van een maand betalen, wat zij 12 maanden later betalen ÷ wat zij toen betaalden (netto: groei telt mee, nieuwe klanten niet; bruto: per klant hoogstens wat hij toen betaalde); per segment het segment aan het begin van de 12 maanden',
      ],
      kpiChurn: [
        'Verloop en LTV in de kerncijfertabel',
        'klantverloop van een maand = klanten die eind vorige maand betaalden en eind deze maand niets meer ÷ die klanten, in het segment van het begin van de maand, met een 95%-Wilson-interval; LTV = ARPA × marge ÷ het klantverloop samengenomen over de 12 maanden tot en met die maand, en het interval ARPA × marge ÷ de uiteinden van het interval van dat verloop; proefperiode → betalend in de tabel en de doelen: de proefperiodes die in die 12 maanden begonnen en waarvan de 30 dagen voorbij zijn, samengenomen',
      ],
      goals: [
        'SaaS-doelen',
        'de doelen onder "subscriptions" in een doelenbestand ({ "min": … } en / of { "max": … } per KPI, voor alle klanten en onder "by" per segment), beoordeeld op de laatste maand: gehaald, niet gehaald, of te weinig gegevens (een segment met gemiddeld minder dan het minimum aan betalende klanten, of een KPI die die maand niet te meten is)',
      ],
      trials: [
        'Proefperiode → betalend',
        'een proefperiode is de eerste periode van een klant met MRR 0 die begint voordat hij voor het eerst betaalt; omgezet als de eerste betaalde periode binnen 30 dagen na het begin van de proefperiode start; proefperiodes waarvan de 30 dagen voorbij de data lopen tellen niet mee; 95%-Wilson-interval',
      ],
      segmentMonths: [
        'Verloop per segment en maand',
        'klanten die aan het begin van een maand betalen en in die maand stoppen ÷ klanten die aan het begin betalen, per segment en maand, met een 95%-Wilson-interval; het segment is de waarde aan het begin van de maand (zonder achteraf-kennis: een upgrade telt in die maand bij het oude abonnement, vanaf de volgende bij het nieuwe); segmenten met gemiddeld minder klanten aan het begin van een maand dan het minimum worden niet getekend of gerangschikt',
      ],
      ltv: [
        'LTV (eenvoudig)',
        'MRR per klant × marge ÷ klantverloop per maand; niet verdisconteerd, verloop als constant genomen',
      ],
      ci: [
        '95%-betrouwbaarheidsinterval',
        'Wilson-scoreinterval van een aandeel (klantverloop, verloop per gebruikssegment); twee groepen verschillen duidelijk als hun intervallen niet overlappen',
      ],
      segment: ['Segment van een klant', 'het abonnement met de hoogste MRR aan het begin van elke maand'],
      segmentEvents: [
        'Apparaat, platform of app-versie van een klant',
        'de waarde van de laatste gebruiksgebeurtenis van de klant op of vóór de eerste dag van elke maand (00:00 UTC), nooit de laatste waarde overall: een klant die in maart vertrok houdt de app-versie die hij toen had, zodat oude versies niet de vertrokken klanten verzamelen (de valkuil van achteraf-kennis); de hoofdversie is het deel van de versie vóór de eerste punt; klantmaanden zonder eerdere gebeurtenis met een waarde vormen het segment zonder waarde',
      ],
      usage: [
        'Gebruikssegment',
        'aandeel van de dagen in het venster met een gebeurtenis: geen slapend, < grens licht licht, > grens intensief intensief, daartussen gewoon',
      ],
      usageChurn: [
        'Verloop naar gebruik',
        'klanten die op de datum betalen en het opgegeven aantal kalendermaanden later niet meer (wie stopt en binnen de periode terugkomt, telt als behouden)',
      ],
    },
    summaryCustomers: 'Betalende klanten',
    summaryMrr: 'MRR',
    summaryChurn: 'Klantverloop (per maand)',
    headerPeriod: (first: string, last: string) => `${first} – ${last}`,
    asOfValue: (asOf: string, last: string) =>
      `${asOf} (MRR gemeten op de laatste dag van elke maand tot en met ${last})`,
    subscriptionsFile: 'Abonnementenbestand',
    eventsFile: 'Bestand met gebruiksgebeurtenissen',
    rowsUsed: (used: string, read: string) => `${used} van ${read} rijen gebruikt`,
    subscriptionRows: 'Gebruikte abonnementsrijen',
    eventRows: 'Gebruikte rijen met gebruiksgebeurtenissen',
  },
};

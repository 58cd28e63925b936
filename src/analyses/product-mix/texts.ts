/**
 * The words of the product-mix analysis, English and Dutch. Cluster names are built from the data's category
 * names ("mostly Books"); `nl` has the type of `en`, so a missing Dutch string does not compile.
 */
import type { Locale } from '../../locale.js';

/** English. */
const en = {
  section: {
    title: 'Product mix',
    intro:
      'What do customers buy? For every customer this section takes the share of their spend in each product category and groups customers with a similar mix (k-means, seeded, on the shares). A group is named after the category its average customer spends at least half in, or "mixed". It also shows which categories the same customers buy together more often than chance would give.',
    source: (file: string | null) =>
      file
        ? `Categories come from the mapping file (${file}), matched on product id.`
        : 'Categories come from the category column of the data.',
    mostlyEmpty: (share: string) =>
      `Only ${share} of purchase rows have a category: the mixes describe that part of the purchases only.`,
    clusters: (k: string, list: string) => `Customers fall into ${k} groups by what they buy: ${list}.`,
    together: (a: string, b: string, lift: string, low: string, high: string) =>
      `${a} and ${b} are bought by the same customers ${lift} times as often as chance would give for customers who buy in as many categories (95% interval ${low}–${high}): offer one to buyers of the other.`,
    noTogether: 'No pair of categories is bought together clearly more often than chance would give.',
    fewLines: (n: string, min: string) =>
      `${n} customers have fewer than ${min} order lines with a category and are not grouped.`,
    caption: 'Product-mix groups',
    cols: ['Group', 'What to do', 'Customers', 'Share', 'Spend', 'Top categories (average share of spend)'],
    pairCaption: 'Categories bought together',
    pairCols: ['Categories', 'Customers who bought both', 'Expected by chance', 'Lift (95% interval)', 'Beyond chance'],
    yes: 'yes',
    no: 'no',
    tooSmallCell: 'too small',
    tooSmall: (n: string) => `Groups and pairs with fewer than ${n} customers are too small: they get no numbers.`,
    pairMethod:
      'Lift = customers who bought both ÷ customers expected to buy both by chance, among customers who buy in as many categories (each group’s pairs of categories spread over the categories as often as each is bought); 1 is what chance gives, so a customer who buys everywhere lifts no pair. Interval: 95% for all pairs together (Bonferroni), from 400 Poisson bootstrap resamples of customers.',
    facts: {
      customers: 'Customers with a categorised purchase',
      clustered: 'Customers grouped (3 or more lines with a category)',
      categories: 'Categories',
      k: 'Groups (k)',
      kChosen: 'chosen by silhouette',
      kGiven: 'given',
    },
  },
  mostly: (category: string) => `Mostly ${category}`,
  mixed: 'Mixed',
  fewLinesName: 'Too few lines to group',
  other: 'Other categories',
  mostlyAction: (category: string) =>
    `Lead with new ${category} products; cross-sell from the categories that sell with it.`,
  mixedAction: 'Show the range: these customers buy across categories, so broad newsletters and bundles fit.',
  charts: {
    profile: 'Average share of spend per category, per group',
    profileDesc:
      'One row per group and one column per category; the colour is the average share of a customer’s spend in it',
    pairs: 'Categories bought together: lift with 95% interval',
    pairsDesc:
      'The pairs with the highest lift and enough customers; 1 is what chance gives, the line is the 95% interval',
    group: 'Group',
    category: 'Category',
    share: 'Share of spend',
    pair: 'Categories',
    lift: 'Lift',
    low: 'Interval low',
    high: 'Interval high',
  },
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Productmix',
    intro:
      'Wat kopen klanten? Per klant neemt deze sectie het deel van de besteding in elke productcategorie en groepeert klanten met een vergelijkbare mix (k-means, met vaste seed, op de aandelen). Een groep is genoemd naar de categorie waarin de gemiddelde klant minstens de helft besteedt, of „gemengd”. Ook staat hier welke categorieën dezelfde klanten vaker samen kopen dan toeval zou geven.',
    source: (file: string | null) =>
      file
        ? `De categorieën komen uit het koppelbestand (${file}), gekoppeld op product-id.`
        : 'De categorieën komen uit de categoriekolom van de data.',
    mostlyEmpty: (share: string) =>
      `Slechts ${share} van de aankoopregels heeft een categorie: de mixen beschrijven alleen dat deel van de aankopen.`,
    clusters: (k: string, list: string) => `Klanten vallen naar wat ze kopen in ${k} groepen: ${list}.`,
    together: (a: string, b: string, lift: string, low: string, high: string) =>
      `${a} en ${b} worden door dezelfde klanten ${lift} keer zo vaak gekocht als toeval zou geven bij klanten die in evenveel categorieën kopen (95%-interval ${low}–${high}): bied het ene aan kopers van het andere aan.`,
    noTogether: 'Geen paar categorieën wordt duidelijk vaker samen gekocht dan toeval zou geven.',
    fewLines: (n: string, min: string) =>
      `${n} klanten hebben minder dan ${min} bestelregels met een categorie en zijn niet gegroepeerd.`,
    caption: 'Productmixgroepen',
    cols: [
      'Groep',
      'Wat te doen',
      'Klanten',
      'Aandeel',
      'Besteding',
      'Grootste categorieën (gemiddeld aandeel van de besteding)',
    ],
    pairCaption: 'Categorieën die samen gekocht worden',
    pairCols: [
      'Categorieën',
      'Klanten die beide kochten',
      'Verwacht bij toeval',
      'Lift (95%-interval)',
      'Meer dan toeval',
    ],
    yes: 'ja',
    no: 'nee',
    tooSmallCell: 'te klein',
    tooSmall: (n: string) => `Groepen en paren met minder dan ${n} klanten zijn te klein: ze krijgen geen cijfers.`,
    pairMethod:
      'Lift = klanten die beide kochten ÷ klanten die bij toeval beide zouden kopen, onder klanten die in evenveel categorieën kopen (de paren van elke groep verdeeld over de categorieën naar hoe vaak elke categorie gekocht wordt); 1 is wat toeval geeft, dus een klant die overal koopt tilt geen paar op. Interval: 95% voor alle paren samen (Bonferroni), uit 400 Poisson-bootstraptrekkingen van klanten.',
    facts: {
      customers: 'Klanten met een aankoop met categorie',
      clustered: 'Gegroepeerde klanten (3 of meer regels met een categorie)',
      categories: 'Categorieën',
      k: 'Groepen (k)',
      kChosen: 'gekozen op silhouet',
      kGiven: 'opgegeven',
    },
  },
  mostly: (category: string) => `Vooral ${category}`,
  mixed: 'Gemengd',
  fewLinesName: 'Te weinig regels om te groeperen',
  other: 'Overige categorieën',
  mostlyAction: (category: string) =>
    `Begin met nieuwe producten uit ${category}; verkoop bij uit de categorieën die ermee samengaan.`,
  mixedAction:
    'Laat het hele assortiment zien: deze klanten kopen in veel categorieën, dus brede nieuwsbrieven en bundels passen.',
  charts: {
    profile: 'Gemiddeld aandeel van de besteding per categorie, per groep',
    profileDesc:
      'Eén rij per groep en één kolom per categorie; de kleur is het gemiddelde aandeel van de besteding van een klant daarin',
    pairs: 'Categorieën die samen gekocht worden: lift met 95%-interval',
    pairsDesc: 'De paren met de hoogste lift en genoeg klanten; 1 is wat toeval geeft, de lijn is het 95%-interval',
    group: 'Groep',
    category: 'Categorie',
    share: 'Aandeel van de besteding',
    pair: 'Categorieën',
    lift: 'Lift',
    low: 'Interval onder',
    high: 'Interval boven',
  },
};

/**
 * The product-mix words of one locale.
 * @example mixTexts('nl').mostly('Boeken') // 'Vooral Boeken'
 */
export function mixTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

/**
 * The display name of a cluster key (`mostly:<category>`, `mixed`, with `#n` for a second of the same name), or
 * of `few-lines` (customers not grouped).
 */
export function clusterLabel(key: string, locale: Locale): string {
  const w = mixTexts(locale);
  if (key === 'few-lines') return w.fewLinesName;
  const [base = '', n] = key.split('#');
  const name = base.startsWith('mostly:') ? w.mostly(base.slice(7)) : w.mixed;
  return n ? `${name} (${n})` : name;
}

/** A category's display name (`other` is the words for the categories past the twelfth). */
export function categoryLabel(c: { name: string; other: boolean }, locale: Locale): string {
  return c.other ? mixTexts(locale).other : c.name;
}

/**
 * Country names from the data in the report's language. Data files name countries in English ("United
 * Kingdom", "EIRE", "RSA" in Online Retail); a Dutch sentence should say "Verenigd Koninkrijk". A small table
 * maps the English names of the countries of Online Retail (and a few common spellings) to ISO 3166 codes, and
 * `Intl.DisplayNames` gives the name in the locale. A name not in the table is shown as the data has it.
 */
import type { Locale } from './types.js';

/** English country names (lower case) as data files write them → ISO 3166-1 alpha-2 code. */
const CODES: Readonly<Record<string, string>> = {
  australia: 'AU',
  austria: 'AT',
  bahrain: 'BH',
  belgium: 'BE',
  brazil: 'BR',
  canada: 'CA',
  cyprus: 'CY',
  'czech republic': 'CZ',
  czechia: 'CZ',
  denmark: 'DK',
  eire: 'IE',
  ireland: 'IE',
  finland: 'FI',
  france: 'FR',
  germany: 'DE',
  greece: 'GR',
  hong: 'HK',
  'hong kong': 'HK',
  iceland: 'IS',
  israel: 'IL',
  italy: 'IT',
  japan: 'JP',
  korea: 'KR',
  lebanon: 'LB',
  lithuania: 'LT',
  malta: 'MT',
  netherlands: 'NL',
  'the netherlands': 'NL',
  nigeria: 'NG',
  norway: 'NO',
  poland: 'PL',
  portugal: 'PT',
  rsa: 'ZA',
  'south africa': 'ZA',
  'saudi arabia': 'SA',
  singapore: 'SG',
  spain: 'ES',
  sweden: 'SE',
  switzerland: 'CH',
  thailand: 'TH',
  usa: 'US',
  'united states': 'US',
  'united arab emirates': 'AE',
  'united kingdom': 'GB',
  uk: 'GB',
  'west indies': '029',
  bermuda: 'BM',
  'channel islands': '',
  'european community': '',
  unspecified: '',
};

/** Names that are no country (no ISO code), in Dutch. */
const NL_OTHER: Readonly<Record<string, string>> = {
  'channel islands': 'Kanaaleilanden',
  'european community': 'Europese Gemeenschap',
  unspecified: 'niet opgegeven',
};

const displayNames = new Map<Locale, Intl.DisplayNames>();

/**
 * A country name from the data in the report's language; English reports and unknown names keep the data's text.
 * @example countryName('United Kingdom', 'nl') // 'Verenigd Koninkrijk'
 */
export function countryName(value: string, locale: Locale): string {
  if (locale === 'en') return value;
  const key = value.trim().toLowerCase();
  const code = Object.hasOwn(CODES, key) ? CODES[key] : undefined;
  if (code === undefined) return value;
  if (code === '') return (Object.hasOwn(NL_OTHER, key) ? NL_OTHER[key] : undefined) ?? value;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    displayNames.set(locale, names);
  }
  return names.of(code) ?? value;
}

/**
 * A value of a data column as a reader of `locale` reads it: country names translated when the column holds
 * countries (`country`, `land`), every other value as it is.
 * @example dataValue('country', 'Germany', 'nl') // 'Duitsland'
 */
export function dataValue(column: string, value: string, locale: Locale): string {
  return /^(country|land)$/i.test(column.trim()) ? countryName(value, locale) : value;
}

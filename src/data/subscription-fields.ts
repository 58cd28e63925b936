/**
 * The fields of the `subscriptions` and `events` tables: the mapping option names, the English and Dutch
 * header names recognised when no mapping is given, and the billing intervals a price may be quoted per.
 */
import { CUSTOMER_ID_HEADERS } from './fields.js';

/** A subscription column mapping: field → source column name. */
export interface SubscriptionMapping {
  /** Subscription id. @defaultValue recognised; without one, the customer id (one subscription per customer) */
  subscriptionId?: string;
  /** Customer id (required). */
  customerId?: string;
  /** Plan or product name. */
  plan?: string;
  /** First paid day of the period (required). */
  start?: string;
  /** First day no longer paid; empty = still running. */
  end?: string;
  /** Monthly recurring revenue; when absent it is derived from `price` ÷ months of `interval`. */
  mrr?: string;
  /** Price per billing interval (used when there is no `mrr`). */
  price?: string;
  /** Billing interval of `price`: month, quarter, half year, year (annual) or week, English or Dutch, or a number of months. */
  interval?: string;
  /** Currency code. */
  currency?: string;
}

/** An event column mapping: field → source column name. */
export interface EventMapping {
  /** Customer id (required). */
  customerId?: string;
  /** When the event happened (required). */
  time?: string;
  /** Event name (required). */
  event?: string;
  /** Platform (web, ios, android, …). */
  platform?: string;
  /** Device (desktop, phone, tablet, …). */
  device?: string;
  /** App version. */
  appVersion?: string;
}

/** Recognised subscription headers (normalised: lower case, no spaces, `_`, `-`, `.`), strongest first per field. */
export const SUBSCRIPTION_HEADERS: Readonly<Record<keyof SubscriptionMapping, readonly string[]>> = {
  subscriptionId: ['subscriptionid', 'subscription', 'subid', 'subscriptionno', 'subscriptionnumber', 'abonnementid', 'abonnementsnummer', 'abonnementnummer', 'contractid', 'contractnummer'],
  customerId: CUSTOMER_ID_HEADERS,
  plan: ['plan', 'planname', 'product', 'productname', 'tier', 'abonnement', 'abonnementsvorm', 'pakket'],
  start: ['start', 'startdate', 'startedat', 'startdatum', 'begindatum', 'begin', 'ingangsdatum', 'periodstart', 'validfrom'],
  end: ['end', 'enddate', 'endedat', 'cancelledat', 'canceledat', 'einddatum', 'eind', 'opzegdatum', 'stopdatum', 'periodend', 'validto', 'churndate'],
  mrr: ['mrr', 'monthlyrecurringrevenue', 'monthlyamount', 'maandbedrag'],
  price: ['price', 'amount', 'bedrag', 'prijs', 'planprice'],
  interval: ['interval', 'billinginterval', 'billingperiod', 'billingcycle', 'periode', 'factuurperiode', 'betaalperiode', 'betaaltermijn', 'termijn'],
  currency: ['currency', 'currencycode', 'valuta'],
};

/** Recognised event headers, strongest first per field. */
export const EVENT_HEADERS: Readonly<Record<keyof EventMapping, readonly string[]>> = {
  customerId: CUSTOMER_ID_HEADERS,
  time: ['eventtime', 'timestamp', 'time', 'eventtimestamp', 'occurredat', 'createdat', 'datetime', 'eventdate', 'date', 'tijdstip', 'tijd', 'datum'],
  event: ['eventname', 'event', 'eventtype', 'name', 'action', 'type', 'gebeurtenis', 'actie'],
  platform: ['platform', 'os', 'operatingsystem', 'besturingssysteem'],
  device: ['device', 'devicetype', 'apparaat'],
  appVersion: ['appversion', 'version', 'clientversion', 'appversie', 'versie'],
};

/**
 * Billing intervals, by the words (normalised: lower case, no spaces, `_`, `-`, `.`) that name them, as the
 * fraction that turns a price per interval into a monthly amount: mrr = price × num ÷ den.
 * A week is 12/52 of a month; a bare number is a number of months (1, 3, 6, 12).
 */
export const BILLING_INTERVALS: ReadonlyArray<{ words: readonly string[]; num: number; den: number }> = [
  { words: ['month', 'monthly', 'months', 'mo', 'm', 'mnd', 'maand', 'maandelijks', 'permonth', 'permaand', '1', '1month', '1m'], num: 1, den: 1 },
  { words: ['quarter', 'quarterly', 'q', 'kwartaal', 'perkwartaal', 'driemaandelijks', '3', '3months', '3m'], num: 1, den: 3 },
  { words: ['halfyear', 'halfyearly', 'semiannual', 'semiannually', 'halfjaar', 'halfjaarlijks', '6', '6months', '6m'], num: 1, den: 6 },
  { words: ['year', 'yearly', 'annual', 'annually', 'y', 'yr', 'jaar', 'jaarlijks', 'perjaar', 'peryear', '12', '12months', '12m'], num: 1, den: 12 },
  { words: ['week', 'weekly', 'w', 'wk', 'wekelijks', 'perweek'], num: 52, den: 12 },
];

/**
 * SQL: the monthly amount of `price` (a DOUBLE expression) per the billing interval in `interval` (a text
 * expression), rounded to 4 decimals; NULL when the interval is not recognised. The words are constants.
 */
export function mrrFromPriceSql(price: string, interval: string): string {
  const word = `lower(regexp_replace(trim(CAST(${interval} AS VARCHAR)), '[\\s_.-]', '', 'g'))`;
  const cases = BILLING_INTERVALS.map((b) =>
    `WHEN ${word} IN (${b.words.map((w) => `'${w}'`).join(', ')}) THEN round(${price} * ${b.num} / ${b.den}, 4)`).join(' ');
  return `(CASE ${cases} END)`;
}

/**
 * The words of the overview analysis's section and charts, in English and Dutch: the Dutch table has the English
 * table's type, so a missing Dutch string does not compile. Numbers come in already formatted for the locale.
 */
import type { Locale } from '../../i18n/types.js';

/** English. */
const en = {
  /** Activity charts: revenue and active customers per period. */
  charts: {
    revenue: (p: string) => `Net revenue per ${p}`,
    revenueDesc: 'Bars of net revenue (returns subtracted) per calendar period',
    customers: (p: string) => `Active customers per ${p}`,
    customersDesc: 'Stacked bars per calendar period: customers ordering for the first time and returning customers',
    period: 'Period',
    netRevenue: 'Net revenue',
    orders: 'Orders',
    returned: 'Returned',
    count: 'Customers',
    kind: 'Customers',
    new: 'new',
    returning: 'returning',
    partial: (d: string) => `last period partial: data ends ${d}`,
    per: { week: 'week', month: 'month', quarter: 'quarter' },
    q: 'Q',
  },
};

/** Dutch. */
const nl: typeof en = {
  charts: {
    revenue: (p: string) => `Netto-omzet per ${p}`,
    revenueDesc: 'Staven met netto-omzet (retouren afgetrokken) per kalenderperiode',
    customers: (p: string) => `Actieve klanten per ${p}`,
    customersDesc:
      'Gestapelde staven per kalenderperiode: klanten die voor het eerst bestellen en terugkerende klanten',
    period: 'Periode',
    netRevenue: 'Netto-omzet',
    orders: 'Bestellingen',
    returned: 'Geretourneerd',
    count: 'Klanten',
    kind: 'Klanten',
    new: 'nieuw',
    returning: 'terugkerend',
    partial: (d: string) => `laatste periode onvolledig: data tot ${d}`,
    per: { week: 'week', month: 'maand', quarter: 'kwartaal' },
    q: 'K',
  },
};

/**
 * The overview words of one locale.
 * @example overviewTexts('nl').charts
 */
export function overviewTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

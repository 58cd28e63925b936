/** Price sensitivity in the report: only when the transactions have a discount, promotion code or list price column. */
import type { Analysis } from '../shared/analysis.js';
import { PRICE_RULES, priceSensitivity, priceSignals, type PriceResult } from './index.js';
import { priceFindings, priceSection } from './section.js';
import { priceTexts } from './texts.js';

/** The registry entry of price sensitivity: silent (no section) when the data has no discount signal. */
export const priceAnalysis: Analysis<'price', PriceResult> = {
  id: 'price',
  title: (locale) => priceTexts(locale).section.title,
  summaryFindings: 1,
  run: async ({ wb, asOf }) =>
    (await priceSignals(wb)).signals.length > 0 ? priceSensitivity(wb, { asOf }) : undefined,
  detail: (r) => {
    const deal = r.segments.find((s) => s.key === 'deal-seeker')?.customers ?? 0;
    return `${r.customerCount.toLocaleString('en')} customers, ${deal.toLocaleString('en')} deal-seekers (by ${r.signals.join(', ')})`;
  },
  present: (r, { locale, currency }) => ({
    sections: [priceSection(r, { locale, currency })],
    findings: priceFindings(r, locale, currency),
    runs: [
      {
        name: priceTexts(locale).section.title,
        options: {
          asOf: r.options.asOf,
          minSize: r.options.minSize,
          dealSeekerPercent: PRICE_RULES.dealSeekerPercent,
          fullPricePercent: PRICE_RULES.fullPricePercent,
        },
      },
    ],
  }),
};

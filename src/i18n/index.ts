/**
 * The text layer: analyses return keys and numbers, charts, report sections and notebooks turn them into
 * words here. One table per locale (`en/`, `nl/`), split by layer; numbers are formatted by `src/locale.ts`
 * and passed in already formatted.
 */
import { en } from './en/index.js';
import { nl } from './nl/index.js';
import type { Locale, Texts } from './types.js';

export type { Locale, Texts } from './types.js';

const TABLES: Record<Locale, Texts> = { en, nl };

/**
 * The words of one locale.
 * @example const t = texts('nl').report; t.summaryTitle
 */
export function texts(locale: Locale): Texts {
  return TABLES[locale];
}

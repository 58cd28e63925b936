/** The shape of one locale's text table: the English table's, so a Dutch string that is missing fails to compile. */
import type { en } from './en/index.js';

/** Every word a reader sees, for one locale. */
export type Texts = typeof en;

/** A language of the reports and notebooks. */
export type Locale = 'en' | 'nl';

/** Dutch words of the charts layer: the same keys as the English table, checked by the compiler. */
import type { Texts } from '../types.js';

export const charts: Texts['charts'] = {
  months: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};

/** Dutch words of the charts layer: the same keys as the English table, checked by the compiler. */
import type { Texts } from '../types.js';

export const charts: Texts['charts'] = {};

/** Dutch words of the report layer: the same keys as the English table, checked by the compiler. */
import type { Texts } from '../types.js';

export const report: Texts['report'] = {};

/** Dutch words of the analyses layer: the same keys as the English table, checked by the compiler. */
import type { Texts } from '../types.js';

export const analyses: Texts['analyses'] = {};

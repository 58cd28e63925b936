/** segment-workbench: the public API (named exports only). */
export { Workbench, type WorkbenchOptions, type QueryParam, type Row } from './workbench.js';
export { WorkbenchError, isWorkbenchError, type WorkbenchErrorCode } from './errors.js';
export { quoteIdentifier } from './sql.js';
export {
  type Locale, LOCALES, toLocale, formatNumber, formatCurrency, formatPercent, formatDate, isoDate,
} from './locale.js';
export { renderSvg, compileSpec } from './charts/render.js';
export { THEME_CONFIG, CATEGORY_COLORS } from './charts/theme.js';

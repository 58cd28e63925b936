/** English words of the charts layer (see src/i18n/index.ts): one namespace per chart file in src/charts. */
export const charts = {
  /** Short month names, January first ("Sep", not Intl's "Sept"). */
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

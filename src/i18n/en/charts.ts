/** English words of the charts layer (see src/i18n/index.ts). */
export const charts = {};

/** English words of the analyses layer (see src/i18n/index.ts). */
export const analyses = {};

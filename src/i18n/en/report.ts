/** English words of the report layer (see src/i18n/index.ts). */
export const report = {};

/** Messages of the shared option validators (`analyses/shared/validate.ts`): one text per rule. */

/** Message builders for bad option values. */
export const optionMessages = {
  /** `minSize must be a whole number ≥ 1, got 0.` */
  notWholeNumber: (name: string, value: unknown, min: number) => `${name} must be a whole number ≥ ${min}, got ${String(value)}.`,
  /** `bins must be a whole number from 2 to 20, got 1.` */
  notWholeNumberBetween: (name: string, value: unknown, min: number, max: number) =>
    `${name} must be a whole number from ${min} to ${max}, got ${String(value)}.`,
  /** `margin must be in (0, 1], got 2.` or, with only a lower limit, `discountRate must be ≥ 0 (0.1 = 10% a year), got -1.` */
  outOfRange: (name: string, value: unknown, range: string, hint?: string) =>
    `${name} must be ${range}${hint ? ` (${hint})` : ''}, got ${String(value)}.`,
  /** `unknown period: day (expected one of: week, month, quarter)` (Observable Plot's form). */
  unknownKeyword: (name: string, value: unknown, allowed: readonly string[]) =>
    `unknown ${name}: ${String(value)} (expected one of: ${allowed.join(', ')})`,
  /** `asOf is not a valid date.` */
  invalidDate: (name: string) => `${name} is not a valid date.`,
} as const;

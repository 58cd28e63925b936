/** Messages of the shared option validators (`analyses/shared/validate.ts`): one text per rule. */

/** Message builders for bad option values. */
export const optionMessages = {
  /** `minSize must be a whole number ≥ 1, got 0.` */
  notWholeNumber: (name: string, value: unknown, min: number) =>
    `${name} must be a whole number ≥ ${min}, got ${String(value)}.`,
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
  /** `asOf must be a Date or an ISO date like '2011-12-10', got "10-12-2011".` */
  badDateOption: (name: string, value: unknown) =>
    `${name} must be a Date or an ISO date like '2011-12-10', got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}.`,
  /** `unknown option bin for rfm(); did you mean bins?` */
  unknownOptionKey: (verb: string, key: string, near: string | undefined, known: readonly string[]) =>
    `unknown option ${key} for ${verb}(); ${near ? `did you mean ${near}?` : `known options: ${known.join(', ')}.`}`,
  /** The as-of date of a report is before every order: there would be no customer to describe. */
  asOfBeforeData: (asOf: string, first: string, last: string) =>
    `The as-of date ${asOf} (asOf, --as-of) is on or before the first order: the data runs from ${first} to ${last}, so no customer has a purchase before it. Give a date after ${first}.`,
  optionsNotObject: (verb: string) => `the options of ${verb}() must be an object like { asOf: '2011-12-10' }.`,
  /** `minimums of rfm() must be an object like { customers: 50, historyDays: 180 }, got 5.` */
  minimumsNotObject: (verb: string, value: unknown) =>
    `minimums of ${verb}() must be an object like { customers: 50, historyDays: 180 }, got ${JSON.stringify(value)}.`,
  badTableOption: (verb: string, value: unknown) =>
    `table for ${verb}() must be a table name, got ${JSON.stringify(value)}.`,
  /** Refuses to write over an input table. */
  wouldReplaceInput: (verb: string, table: string) =>
    `${verb}() would replace the table ${table}, which holds your data. Give another table name, or pass replace: true to replace it on purpose.`,
} as const;

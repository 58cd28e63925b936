/** Small formatting helpers shared by the message builders. */

/** Values quoted as JSON strings and joined with commas: `"a", "b"`. */
export const list = (xs: readonly unknown[]): string => xs.map((x) => JSON.stringify(x)).join(', ');

/** Example rows as `"value" (row 12), …`. */
export const examples = (xs: ReadonlyArray<{ row: number; value: string }>): string =>
  xs.map((e) => `${JSON.stringify(e.value)} (row ${e.row})`).join(', ');

/** `YYYY-MM-DD` of a Date in UTC. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Messages of the journey analysis. */

/** Message builders for journey() and the journey map file. */
export const journeyMessages = {
  mapNotRead: (path: string, reason: string) => `Could not read the journey map ${path}: ${reason}.`,
  mapHeader: (file: string, header: string) =>
    `${file}, row 1: the journey map needs a header with the columns event_name and stage (found: ${header.trim() || 'an empty line'}). Write e.g. "event_name,stage".`,
  mapEmpty: (file: string, row: number, column: string) =>
    `${file}, row ${row}, column ${column}: empty. Give an event name as it appears in the events file, or remove the row.`,
  mapStage: (file: string, row: number, stage: string, stages: readonly string[]) =>
    `${file}, row ${row}, column stage: unknown stage "${stage}". Use one of: ${stages.join(', ')}.`,
  mapRepeated: (file: string, row: number, name: string, first: number) =>
    `${file}, row ${row}, column event_name: "${name}" is mapped already on row ${first}. Keep one row per event name.`,
  mapNoRows: (file: string) => `${file}: the journey map has a header but no rows. Add one row per event name.`,
  // warnings
  warnNoEvents: () =>
    'No events table: stages come from the orders alone (first purchase, repeat); aware, considering and advocate need an events file (web visits, e-mail opens and clicks, app sessions, reviews).',
  warnNoEventsBefore: (events: string, asOf: string) =>
    `Table ${events} has no event before the as-of date ${asOf}: stages come from the orders alone. Check that the events cover the period of the orders.`,
  warnNoMapped: (names: string) =>
    `None of the event names matches the journey map (names found: ${names}); stages come from the orders alone. Pass a journey map that names them.`,
  warnNoCustomers: () => 'No customer has an order or an event before the as-of date: there are no journey stages.',
} as const;

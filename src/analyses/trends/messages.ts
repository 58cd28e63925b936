/** Messages of the trends analysis. */
import { isoDay } from '../../messages/format.js';

/** Message builders for trends(). */
export const trendMessages = {
  nothingToTrack: (asOf: Date, source: string) =>
    `No customer has a purchase before ${isoDay(asOf)} in ${source}; there is no trend to show.`,
  tooManyAttributes: (n: number, max: number) =>
    `trends follows at most ${max} attributes in \`by\`; ${n} were given. Name fewer.`,
  // warnings
  warnDatesBeforeData: (n: number, first: Date) =>
    `${n} of the dates fall before the first purchase (${isoDay(first)}) and are left out.`,
  warnSegmentationNotAt: (id: string, first: Date, last: Date, n: number, reason: string) =>
    `The ${id} segments could not be worked out at ${n === 1 ? `the date ${isoDay(first)}` : `${n} dates, ${isoDay(first)} to ${isoDay(last)}`} (${reason.replace(/\.$/, '')}); the customers of ${n === 1 ? 'that date have' : 'those dates have'} no ${id} segment there.`,
} as const;

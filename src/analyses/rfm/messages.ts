/** Messages of the RFM analysis: scoring options, the segment map, and its warnings. */
import { isoDay } from '../../messages/format.js';

const DAY_MS = 86_400_000;

/** Message builders for rfm(), rfmCustomers() and segment maps. */
export const rfmMessages = {
  // options
  badThresholds: (name: string, bins: number, values: readonly number[]) =>
    `scoring.${name} must hold ${bins - 1} strictly ascending numbers (one per score step for ${bins} bins), got [${values.join(', ')}].`,
  asOfBeforeOrders: (asOf: Date, laterRows: number, latestOrder: Date) =>
    `asOf ${asOf.toISOString()} is before ${laterRows} transaction row(s); the latest order is on ${latestOrder.toISOString()}. Pass a later asOf (e.g. ${isoDay(new Date(latestOrder.getTime() + DAY_MS))}) or laterOrders: 'exclude' to score customers as they were at asOf.`,
  badBins: (bins: number) => `bins must be a whole number from 2 to 20, got ${bins}.`,
  badPage: (limit: number, offset: number) => `limit and offset must be whole numbers ≥ 0, got ${limit} and ${offset}.`,
  unknownSegmentKey: (segment: string, keys: readonly string[], table: string) =>
    `unknown segment ${JSON.stringify(segment)}: the map of table ${table} has ${keys.map((k) => JSON.stringify(k)).join(', ')}.`,

  // data
  nothingToScore: (asOf: Date, source: string) =>
    `No customer has a purchase before ${asOf.toISOString()} in ${source}; nothing to score.`,

  // segment map
  segmentMapUnusable: (name: string, problems: readonly string[], withMonetary: boolean) =>
    `Segment map "${name}" is not usable: ${problems.join('; ')}. Every ${withMonetary ? 'R×F×M' : 'R×F'} code must be in exactly one segment.`,
  mapBinsMismatch: (mapBins: number, bins: number) => `the map is for ${mapBins} bins but the scores use ${bins}`,
  segmentKeyTwice: (key: string) => `segment key "${key}" is used twice`,
  rangeOutside: (key: string, score: string, range: readonly number[], bins: number) =>
    `segment "${key}" has ${score} range [${range.join(', ')}] outside 1..${bins}`,
  codesUncovered: (codes: readonly string[]) => `no segment covers ${codes.join(', ')}`,
  codesOverlap: (overlaps: readonly string[]) => `more than one segment covers ${overlaps.join('; ')}`,

  // warnings
  warnReturnsOnly: (customers: number) =>
    `${customers} customer(s) have only returns in the period and are not scored.`,
  warnScoresUnused: (used: number, bins: number, score: string, quantile: boolean) =>
    `Only ${used} of ${bins} ${score} scores occur: the data has too few distinct values${quantile ? '' : ' or the thresholds leave scores empty'}.`,
} as const;

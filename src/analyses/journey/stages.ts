/**
 * Journey stages and the mapping from event names to stages: the default map, and a user's map read from a
 * small CSV file (`event_name,stage`, one event name a row). Parsing is pure ({@link parseJourneyMap});
 * {@link readJourneyMap} only adds the read. A mistake names the file, the row and the column to fix.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { WorkbenchError } from '../../errors.js';
import { journeyMessages } from './messages.js';

/** The stages, in funnel order (stable keys). */
export const JOURNEY_STAGES = ['aware', 'considering', 'first-purchase', 'repeat', 'advocate'] as const;

/** A journey stage key. */
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

/** A mapping from event names (compared case-insensitively, trimmed) to the stage an event shows. */
export type JourneyMap = Readonly<Record<string, JourneyStage>>;

/**
 * The default map: web visits, e-mail opens and app sessions show awareness; product views, searches, carts,
 * e-mail clicks, sign-ups, trials and logins show consideration; a purchase event a first purchase; reviews,
 * referrals, shares and invitations advocacy. Purchases themselves come from the transactions.
 */
export const DEFAULT_JOURNEY_MAP: JourneyMap = {
  page_view: 'aware',
  visit: 'aware',
  web_visit: 'aware',
  session_start: 'aware',
  app_open: 'aware',
  email_open: 'aware',
  email_opened: 'aware',
  ad_click: 'aware',
  impression: 'aware',
  product_view: 'considering',
  view_item: 'considering',
  search: 'considering',
  add_to_cart: 'considering',
  wishlist: 'considering',
  email_click: 'considering',
  email_clicked: 'considering',
  signup: 'considering',
  trial_start: 'considering',
  checkout_start: 'considering',
  login: 'considering',
  view_dashboard: 'considering',
  purchase: 'first-purchase',
  order: 'first-purchase',
  review: 'advocate',
  referral: 'advocate',
  refer: 'advocate',
  share: 'advocate',
  invite_user: 'advocate',
  nps_promoter: 'advocate',
};

const bad = (message: string, details: Record<string, unknown>) => new WorkbenchError('BAD_OPTION', message, details);

/** Split one CSV line on `,` or `;` (the map's names and stages hold neither), cells trimmed and unquoted. */
function cells(line: string): string[] {
  return line.split(/[;,]/).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

/**
 * Parse a journey map file's text: a header row `event_name,stage` (`;` also works), then one event name and
 * its stage (one of `JOURNEY_STAGES`) a row; blank lines are skipped. Pure.
 * @example parseJourneyMap('event_name,stage\nnewsletter_open,aware\n', 'map.csv') // { newsletter_open: 'aware' }
 */
export function parseJourneyMap(text: string, file: string): JourneyMap {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = cells(lines[0] ?? '').map((c) => c.toLowerCase());
  const eventCol = header.indexOf('event_name');
  const stageCol = header.indexOf('stage');
  if (eventCol < 0 || stageCol < 0) throw bad(journeyMessages.mapHeader(file, lines[0] ?? ''), { file, row: 1 });
  const out: Record<string, JourneyStage> = {};
  const seen = new Map<string, number>();
  lines.slice(1).forEach((line, i) => {
    const row = i + 2;
    if (line.trim() === '') return;
    const c = cells(line);
    const name = (c[eventCol] ?? '').toLowerCase();
    const stage = c[stageCol] ?? '';
    if (name === '') throw bad(journeyMessages.mapEmpty(file, row, 'event_name'), { file, row, column: 'event_name' });
    if (!(JOURNEY_STAGES as readonly string[]).includes(stage))
      throw bad(journeyMessages.mapStage(file, row, stage, JOURNEY_STAGES), {
        file,
        row,
        column: 'stage',
        value: stage,
      });
    const before = seen.get(name);
    if (before !== undefined)
      throw bad(journeyMessages.mapRepeated(file, row, name, before), { file, row, column: 'event_name' });
    seen.set(name, row);
    out[name] = stage as JourneyStage;
  });
  if (seen.size === 0) throw bad(journeyMessages.mapNoRows(file), { file });
  return out;
}

/**
 * Read and parse a journey map file (see {@link parseJourneyMap}).
 * @example const map = readJourneyMap('journey-map.csv');
 */
export function readJourneyMap(path: string): JourneyMap {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new WorkbenchError(
      'FILE_NOT_FOUND',
      journeyMessages.mapNotRead(path, e instanceof Error ? e.message : String(e)),
      {
        file: path,
      },
    );
  }
  return parseJourneyMap(text, basename(path));
}

/**
 * Reading a report's embedded results back: `parseReportData(html)` finds and checks the block (pure),
 * `readReportData(path)` only adds the read. Every problem is a `WorkbenchError` that says which file and what
 * to do: not a workbench report, a report without the block, a block of another format version, a damaged block.
 */
import { readFile } from 'node:fs/promises';
import { WorkbenchError } from '../errors.js';
import { RESULTS_ELEMENT_ID } from '../report/html.js';
import { reasonOf } from '../report/save.js';
import { REPORT_DATA_FORMAT, REPORT_DATA_SCHEMA, type ReportData } from './data.js';
import { compareMessages as m } from './messages.js';

const BLOCK = new RegExp(`<script type="application/json" id="${RESULTS_ELEMENT_ID}">([^<]*)</script>`);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);

/** The first thing wrong with the block's shape, or undefined when it is a {@link ReportData}. */
function problem(v: Record<string, unknown>): string | undefined {
  const facts = v['facts'];
  if (!isObject(facts)) return 'no facts';
  for (const k of ['version', 'source', 'asOf', 'mapping', 'returns', 'segmentMap', 'currency'])
    if (typeof facts[k] !== 'string') return `facts.${k} is not text`;
  if (typeof facts['minGroup'] !== 'number') return 'facts.minGroup is not a number';
  for (const k of ['customers', 'orders']) if (!count(v[k]) || v[k] === null) return `${k} is not a count`;
  if (!Array.isArray(v['groupings'])) return 'groupings is not a list';
  for (const g of v['groupings'] as unknown[]) {
    if (!isObject(g) || typeof g['id'] !== 'string' || !count(g['customers']) || !Array.isArray(g['segments']))
      return 'a grouping is malformed';
    for (const s of g['segments'] as unknown[])
      if (!isObject(s) || typeof s['key'] !== 'string' || typeof s['label'] !== 'string' || !count(s['customers']))
        return `a segment of ${g['id']} is malformed`;
  }
  if (!Array.isArray(v['kpis'])) return 'kpis is not a list';
  if (v['cohorts'] !== null && !(isObject(v['cohorts']) && Array.isArray(v['cohorts']['curves'])))
    return 'cohorts is malformed';
  const since = v['since'];
  if (
    since !== undefined &&
    !(
      isObject(since) &&
      typeof since['previousAsOf'] === 'string' &&
      ['known', 'newCustomers', 'lapsed'].every((k) => count(since[k]))
    )
  )
    return 'since is malformed';
  return undefined;
}

/**
 * The results a report embeds, from its HTML. `file` names it in errors. @defaultValue 'the report'
 * @throws WorkbenchError `NOT_A_REPORT` (not a workbench report, or one without results), `REPORT_VERSION`
 * (another results format), `MALFORMED_FILE` (a damaged block).
 * @example const data = parseReportData(html, 'september.html');
 */
export function parseReportData(html: string, file = 'the report'): ReportData {
  if (!/^\s*<!DOCTYPE html>/i.test(html)) throw new WorkbenchError('NOT_A_REPORT', m.notHtml(file), { file });
  if (!html.includes('<meta name="generator" content="segment-workbench">'))
    throw new WorkbenchError('NOT_A_REPORT', m.notOurs(file), { file });
  const text = BLOCK.exec(html)?.[1];
  if (text === undefined) throw new WorkbenchError('NOT_A_REPORT', m.noBlock(file), { file });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new WorkbenchError('MALFORMED_FILE', m.corrupt(file, 'not JSON'), { file, cause: e });
  }
  if (!isObject(value) || value['format'] !== REPORT_DATA_FORMAT)
    throw new WorkbenchError('MALFORMED_FILE', m.corrupt(file, 'no format mark'), { file });
  if (value['schema'] !== REPORT_DATA_SCHEMA) {
    const version = isObject(value['facts']) ? value['facts']['version'] : 'unknown';
    throw new WorkbenchError('REPORT_VERSION', m.otherSchema(file, value['schema'], version, REPORT_DATA_SCHEMA), {
      file,
      schema: value['schema'],
    });
  }
  const wrong = problem(value);
  if (wrong) throw new WorkbenchError('MALFORMED_FILE', m.corrupt(file, wrong), { file });
  return value as unknown as ReportData;
}

/**
 * Read the results a report that `swb report` wrote embeds.
 * @throws WorkbenchError `FILE_NOT_FOUND` when it cannot be read, else as {@link parseReportData}.
 * @example const before = await readReportData('reports/september.html');
 */
export async function readReportData(path: string): Promise<ReportData> {
  let html: string;
  try {
    html = await readFile(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? m.noSuchFile() : reasonOf(e);
    throw new WorkbenchError('FILE_NOT_FOUND', m.cannotRead(path, reason), { file: path, cause: e });
  }
  return parseReportData(html, path);
}

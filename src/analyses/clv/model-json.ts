/**
 * A fitted CLV model as a value that outlives the run: the purchase model (BG/NBD or Pareto/NBD) and
 * Gamma-Gamma with their parameters, log-parameter covariances (for intervals) and time unit, written to
 * versioned JSON and read back with every field checked, so a model fitted once scores other data
 * (see `clvScore`) without refitting. Pure: no I/O; reading and writing the file is the caller's.
 */
import { WorkbenchError } from '../../errors.js';
import { PARAMETER_NAMES, type PurchaseModel, type PurchaseModelKind } from './purchase-model.js';
import type { ClvModel, ClvResult } from './types.js';

export type { ClvModel } from './types.js';
import { scoringModel } from './scoring.js';
import { clvMessages } from './messages.js';

/** The `format` field of a model file. */
export const CLV_MODEL_FORMAT = 'segment-workbench/clv-model';
/** The version written; files of this version and older are read. */
export const CLV_MODEL_VERSION = 1;

/**
 * The fitted model of a `clv` result (its scoring model, as `options.model` says, and Gamma-Gamma).
 * @example const model = clvModel(await clv(wb, { calibrationEnd }));
 */
export function clvModel(result: ClvResult): ClvModel {
  const purchases = scoringModel(result);
  const fit = purchases.kind === 'bg-nbd' ? result.bgnbd : result.paretoNbd;
  const gg = result.gammaGamma;
  return {
    unit: result.options.unit,
    purchases,
    purchasesLogCovariance: fit?.logCovariance ?? null,
    spend: { p: gg.p, q: gg.q, gamma: gg.gamma },
    spendLogCovariance: gg.logCovariance,
    calibrationEnd: result.options.calibrationEnd,
    fitCustomers: result.fitCustomers,
  };
}

/**
 * The model as JSON text (format {@link CLV_MODEL_FORMAT}, version {@link CLV_MODEL_VERSION}); numbers
 * are written exactly, so {@link modelFromJson} gives back the same model and the same predictions.
 * @example writeFileSync('model.json', modelToJson(clvModel(result)));
 */
export function modelToJson(model: ClvModel): string {
  const names = PARAMETER_NAMES[model.purchases.kind];
  const params = model.purchases.params as unknown as Record<string, number>;
  return JSON.stringify(
    {
      format: CLV_MODEL_FORMAT,
      version: CLV_MODEL_VERSION,
      unit: model.unit,
      calibrationEnd: model.calibrationEnd ? model.calibrationEnd.toISOString().slice(0, 10) : null,
      fitCustomers: model.fitCustomers,
      purchases: {
        model: model.purchases.kind,
        params: Object.fromEntries(names.map((k) => [k, params[k]])),
        logCovariance: model.purchasesLogCovariance,
      },
      spend: {
        model: 'gamma-gamma',
        params: { p: model.spend.p, q: model.spend.q, gamma: model.spend.gamma },
        logCovariance: model.spendLogCovariance,
      },
    },
    null,
    2,
  );
}

type Json = Record<string, unknown>;

function fail(field: string, expected: string, got: unknown): never {
  throw new WorkbenchError('BAD_OPTION', clvMessages.badModelJson(field, expected, got), { field });
}

function object(v: unknown, field: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(field, 'an object', v);
  return v as Json;
}

function positive(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) fail(field, 'a positive number', v);
  return v;
}

function covariance(v: unknown, field: string, n: number): number[][] | null {
  if (v === null || v === undefined) return null;
  const ok =
    Array.isArray(v) &&
    v.length === n &&
    v.every(
      (row) => Array.isArray(row) && row.length === n && row.every((c) => typeof c === 'number' && Number.isFinite(c)),
    );
  if (!ok) fail(field, `null or a ${n} × ${n} matrix of numbers`, v);
  return (v as number[][]).map((row) => row.slice());
}

function params<const K extends string>(v: unknown, field: string, names: readonly K[]): Record<K, number> {
  const o = object(v, field);
  return Object.fromEntries(names.map((k) => [k, positive(o[k], `${field}.${k}`)])) as Record<K, number>;
}

/**
 * Read a model written by {@link modelToJson}, checking every field; throws BAD_OPTION naming the field,
 * what it must be and what it is (or that the file is of a newer version than this library reads).
 * @example const model = modelFromJson(readFileSync('model.json', 'utf8'));
 */
export function modelFromJson(text: string): ClvModel {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new WorkbenchError('BAD_OPTION', clvMessages.modelNotJson((e as Error).message), {});
  }
  const o = object(raw, '(top level)');
  if (o['format'] !== CLV_MODEL_FORMAT) fail('format', `"${CLV_MODEL_FORMAT}"`, o['format']);
  const version = o['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    fail('version', 'a whole number ≥ 1', version);
  if (version > CLV_MODEL_VERSION)
    throw new WorkbenchError('BAD_OPTION', clvMessages.modelTooNew(version, CLV_MODEL_VERSION), { version });
  const unit = o['unit'];
  if (unit !== 'weeks' && unit !== 'days') fail('unit', '"weeks" or "days"', unit);
  const purchases = object(o['purchases'], 'purchases');
  const kind = purchases['model'];
  if (kind !== 'bg-nbd' && kind !== 'pareto-nbd') fail('purchases.model', '"bg-nbd" or "pareto-nbd"', kind);
  const names = PARAMETER_NAMES[kind as PurchaseModelKind];
  const p = params(purchases['params'], 'purchases.params', names) as Record<string, number>;
  const model: PurchaseModel =
    kind === 'bg-nbd'
      ? { kind, params: { r: p['r'] ?? NaN, alpha: p['alpha'] ?? NaN, a: p['a'] ?? NaN, b: p['b'] ?? NaN } }
      : {
          kind: 'pareto-nbd',
          params: { r: p['r'] ?? NaN, alpha: p['alpha'] ?? NaN, s: p['s'] ?? NaN, beta: p['beta'] ?? NaN },
        };
  const spend = object(o['spend'], 'spend');
  if (spend['model'] !== 'gamma-gamma') fail('spend.model', '"gamma-gamma"', spend['model']);
  const end = o['calibrationEnd'];
  if (end !== null && end !== undefined && (typeof end !== 'string' || Number.isNaN(Date.parse(end))))
    fail('calibrationEnd', 'null or a date (YYYY-MM-DD)', end);
  const fitCustomers = o['fitCustomers'];
  if (
    fitCustomers !== null &&
    fitCustomers !== undefined &&
    !(typeof fitCustomers === 'number' && Number.isInteger(fitCustomers) && fitCustomers > 0)
  )
    fail('fitCustomers', 'null or a whole number > 0', fitCustomers);
  return {
    unit,
    purchases: model,
    purchasesLogCovariance: covariance(purchases['logCovariance'], 'purchases.logCovariance', names.length),
    spend: params(spend['params'], 'spend.params', ['p', 'q', 'gamma'] as const),
    spendLogCovariance: covariance(spend['logCovariance'], 'spend.logCovariance', 3),
    calibrationEnd: typeof end === 'string' ? new Date(`${end.slice(0, 10)}T00:00:00Z`) : null,
    fitCustomers: typeof fitCustomers === 'number' ? fitCustomers : null,
  };
}

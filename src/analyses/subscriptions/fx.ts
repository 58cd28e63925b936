/**
 * One currency before any sum: every subscription analysis reads its table through {@link inOneCurrency}.
 * A table in one currency is read as it is. A table in several is refused without rates, and with rates it is
 * read as a converted copy (TEMP, named after the source and the rates, so the same call reuses the month
 * table it builds): each period's MRR times the rate of its currency in force on its start date (the latest
 * rate dated on or before it; an undated rate holds for every date), rounded to 4 decimals, currency set to
 * the report currency. A period keeps one converted MRR for its whole life, so its start and its end move the
 * same amount and the bridge still adds up to the cent; a new rate changes no MRR already running.
 */
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { inTurn } from '../shared/turns.js';
import { subscriptionMessages } from './messages.js';
import { subscriptionBounds, type SubscriptionBounds } from './source.js';

/** One exchange rate: units of the report currency per unit of `currency`, from `date` on (always without one). */
export interface FxRate {
  /** ISO 4217 code of the currency converted, e.g. 'USD'. */
  currency: string;
  /** Units of the report currency per unit of `currency`, > 0. */
  rate: number;
  /** The first day the rate holds (until the next dated rate of the currency). @defaultValue every day */
  date?: Date;
}

/** Exchange rates into one report currency (`readFxRates` reads them from a file). */
export interface FxRates {
  /** ISO 4217 code of the report currency every amount is converted into, e.g. 'EUR'. */
  currency: string;
  /** The rates; the report currency itself needs none (it is 1). */
  rates: readonly FxRate[];
  /** Where the rates come from, for messages. @defaultValue 'the rates' */
  file?: string;
}

/** How the amounts of a result were brought into one currency. */
export interface FxUsed {
  /** The report currency. */
  currency: string;
  /** The currencies converted into it, sorted. */
  converted: string[];
  /** Where the rates came from (FxRates.file). @defaultValue absent */
  file?: string;
  /** The converted copy the figures were computed on (TEMP; read by `kpisFromMovements` for the same figures). */
  table: string;
}

/** The table an analysis reads, its bounds, its one currency, and the conversion when there was one. */
export interface OneCurrency {
  /** Table to query: the source, or its converted copy. */
  table: string;
  /** Bounds of that table. */
  bounds: SubscriptionBounds;
  /** The one currency of every amount, or null when the table records none. */
  currency: string | null;
  /** The conversion (with rates and more than the report currency in the data). */
  fx?: FxUsed;
}

const CODE = /^[A-Z]{3}$/;

/** The rates checked: codes of three capitals, rates finite and > 0, dates valid, no currency twice on one date. */
function checkRates(fx: FxRates): void {
  const file = fx.file ?? 'the rates';
  if (!CODE.test(fx.currency)) throw bad(subscriptionMessages.fxBadCurrency(file, fx.currency));
  const seen = new Set<string>();
  for (const [i, r] of fx.rates.entries()) {
    if (!CODE.test(r.currency)) throw bad(subscriptionMessages.fxBadCurrency(file, r.currency, i + 1));
    if (!Number.isFinite(r.rate) || r.rate <= 0) throw bad(subscriptionMessages.fxBadRate(file, r.rate, i + 1));
    if (r.date !== undefined && Number.isNaN(r.date.getTime())) throw bad(subscriptionMessages.fxBadDate(file, i + 1));
    const key = `${r.currency} ${r.date?.toISOString().slice(0, 10) ?? ''}`;
    if (seen.has(key)) throw bad(subscriptionMessages.fxTwice(file, r.currency, r.date ?? null, i + 1));
    seen.add(key);
  }
}

const bad = (message: string): WorkbenchError => new WorkbenchError('BAD_OPTION', message);

/** A short stable name for the converted copy of `source` with these rates (FNV-1a of the rates). */
function copyName(source: string, fx: FxRates): string {
  const text = JSON.stringify([source, fx.currency, fx.rates.map((r) => [r.currency, r.rate, r.date?.getTime()])]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `_swb_fx_${h.toString(16).padStart(8, '0')}`;
}

/** Build the converted copy; throws naming each currency without a rate on the start date of one of its periods. */
async function convert(wb: Workbench, source: string, fx: FxRates, table: string): Promise<void> {
  const rates = '_swb_fx_rates';
  await wb.run(`create or replace temp table ${rates} (currency varchar, rate decimal(28, 12), day date)`);
  // The report currency is 1 unless the file says otherwise; undated rates hold from the first day on.
  const own: FxRate[] = fx.rates.some((r) => r.currency === fx.currency) ? [] : [{ currency: fx.currency, rate: 1 }];
  for (const r of [...own, ...fx.rates])
    await wb.run(`insert into ${rates} values ($c, cast($r as decimal(28, 12)), cast($d as date))`, {
      c: r.currency,
      r: r.rate.toFixed(12),
      d: r.date ? r.date.toISOString().slice(0, 10) : '0001-01-01',
    });
  const s = quoteIdentifier(source);
  const [missing] = await wb.query<{ n: number; list: string | null }>(
    `select count(*) as n, string_agg(currency || ' from ' || strftime(first, '%Y-%m-%d') || ' (subscription ' || id || ')', ', ' order by currency) as list from (
       select p.currency, min(p.start_date) as first, arg_min(p.subscription_id, (p.start_date, p.subscription_id)) as id
       from ${s} p asof left join ${rates} r on p.currency = r.currency and p.start_date >= r.day
       where p.currency is not null and r.rate is null group by p.currency)`,
  );
  if (missing && Number(missing.n) > 0)
    throw new WorkbenchError(
      'BAD_OPTION',
      subscriptionMessages.fxMissing(fx.file ?? 'the rates', fx.currency, missing.list ?? '', source),
      { missing: missing.list },
    );
  await wb.run(
    `create or replace temp table ${quoteIdentifier(table)} as
     select p.* replace (case when p.currency is null then p.mrr else cast(p.mrr * r.rate as decimal(18, 4)) end as mrr,
       $target::varchar as currency)
     from ${s} p asof left join ${rates} r on p.currency = r.currency and p.start_date >= r.day`,
    { target: fx.currency },
  );
  await wb.run(`drop table ${rates}`);
}

/**
 * With rates, a period whose currency cell is empty while other periods name theirs has no amount in the report
 * currency: refused (`BAD_OPTION`), naming the first such subscription and the column, never counted as is.
 */
async function refuseEmptyCurrency(
  wb: Workbench,
  source: string,
  currencies: readonly string[],
  target: string,
  verb: string,
): Promise<void> {
  const [empty] = await wb.query<{ n: number; id: string | null; start: Date | null }>(
    `select count(*) as n, arg_min(subscription_id, (start_date, subscription_id)) as id, min(start_date) as start
     from ${quoteIdentifier(source)} where currency is null`,
  );
  if (!empty || Number(empty.n) === 0) return;
  throw new WorkbenchError(
    'BAD_OPTION',
    subscriptionMessages.fxEmptyCurrency(source, Number(empty.n), empty.id, empty.start, currencies, target, verb),
    { source, periods: Number(empty.n), first: empty.id },
  );
}

/**
 * The table an analysis of `source` sums over, in one currency: the source when it has at most one, its
 * converted copy with `fx`, else a `BAD_OPTION` error naming the currencies and what to pass.
 * @example const { table, bounds, currency } = await inOneCurrency(wb, 'subscriptions', fx, 'mrrMovements');
 */
export async function inOneCurrency(
  wb: Workbench,
  source: string,
  fx: FxRates | undefined,
  verb: string,
): Promise<OneCurrency> {
  const bounds = await subscriptionBounds(wb, source);
  if (fx) checkRates(fx);
  if (fx && bounds.currencies.length > 0) await refuseEmptyCurrency(wb, source, bounds.currencies, fx.currency, verb);
  const only = bounds.currencies.length === 1 ? (bounds.currencies[0] ?? null) : null;
  if (bounds.currencies.length === 0 || (bounds.currencies.length === 1 && (!fx || only === fx.currency)))
    return { table: source, bounds, currency: fx && bounds.currencies.length === 0 ? null : only };
  if (!fx)
    throw new WorkbenchError('BAD_OPTION', subscriptionMessages.mixedCurrencies(source, bounds.currencies, verb), {
      currencies: bounds.currencies,
    });
  const table = copyName(source, fx);
  await inTurn(wb, 'subscription-fx', () => convert(wb, source, fx, table));
  return {
    table,
    bounds: { ...bounds, currencies: [fx.currency] },
    currency: fx.currency,
    fx: {
      currency: fx.currency,
      converted: bounds.currencies.filter((c) => c !== fx.currency),
      ...(fx.file ? { file: fx.file } : {}),
      table,
    },
  };
}

/**
 * Words for the subscription analyses' keys: the five MRR movement kinds, the KPIs a goal names, a goal's
 * status, in the reader's language, so a notebook or an export shows "Returning customers" / "Terugkerende
 * klanten" and never the key. Pure.
 */
import { texts } from '../../i18n/index.js';
import type { Locale } from '../../locale.js';
import type { MrrMovementKind } from './movement-list.js';
import type { SubscriptionGoalKpi, SubscriptionGoalStatus } from './kpi-goals.js';

/** The MRR movement kinds in the bridge's order. */
export const MOVEMENT_KINDS: readonly MrrMovementKind[] = [
  'new',
  'expansion',
  'reactivation',
  'contraction',
  'churned',
];

/**
 * A movement kind in words.
 * @example movementKindLabel('reactivation', 'nl') // "Terugkerende klanten"
 */
export function movementKindLabel(kind: MrrMovementKind, locale: Locale = 'en'): string {
  return texts(locale).subscriptions.charts[kind];
}

/**
 * A subscription KPI (a goals file key) in words.
 * @example subscriptionKpiLabel('nrr', 'nl') // "Netto omzetbehoud (12 maanden)"
 */
export function subscriptionKpiLabel(kpi: SubscriptionGoalKpi, locale: Locale = 'en'): string {
  return texts(locale).subscriptions.report.kpiNames[kpi];
}

/**
 * A goal's status in words.
 * @example goalStatusLabel('notEnoughData', 'nl') // "te weinig gegevens"
 */
export function goalStatusLabel(status: SubscriptionGoalStatus, locale: Locale = 'en'): string {
  return texts(locale).subscriptions.report.goalStatus[status];
}

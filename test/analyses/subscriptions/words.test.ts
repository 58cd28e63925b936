/** The words of the subscription keys: movement kinds, KPI names and goal statuses, English and Dutch. */
import { expect, it } from 'vitest';
import {
  goalStatusLabel,
  movementKindLabel,
  MOVEMENT_KINDS,
  subscriptionKpiLabel,
} from '../../../src/analyses/subscriptions/words.js';
import { SUBSCRIPTION_GOAL_KPIS } from '../../../src/analyses/subscriptions/kpi-goals.js';

it('names the five movement kinds in English and Dutch, never by their key', () => {
  expect(MOVEMENT_KINDS.map((k) => movementKindLabel(k, 'en'))).toEqual([
    'New customers',
    'Expansion',
    'Returning customers',
    'Downgrades',
    'Cancellations',
  ]);
  expect(MOVEMENT_KINDS.map((k) => movementKindLabel(k, 'nl'))).toEqual([
    'Nieuwe klanten',
    'Uitbreiding',
    'Terugkerende klanten',
    'Verlagingen',
    'Opzeggingen',
  ]);
});

it('names every goal KPI and status in Dutch, the abbreviations alone shared with English', () => {
  const shared = new Set(['MRR', 'ARR', 'ARPA', 'LTV', 'Quick ratio']);
  for (const kpi of SUBSCRIPTION_GOAL_KPIS) {
    const [en, nl] = [subscriptionKpiLabel(kpi, 'en'), subscriptionKpiLabel(kpi, 'nl')];
    if (shared.has(en)) expect(nl).toBe(en);
    else expect(nl).not.toBe(en);
  }
  expect(subscriptionKpiLabel('churn', 'nl')).toBe('Klantverloop per maand');
  expect((['met', 'missed', 'notEnoughData'] as const).map((s) => goalStatusLabel(s, 'nl'))).toEqual([
    'gehaald',
    'niet gehaald',
    'te weinig gegevens',
  ]);
});

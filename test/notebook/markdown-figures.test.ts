/**
 * Prose that stays true on any data: a notebook's markdown cells carry no data figures (a number with a
 * decimal point or a thousands separator, or a percentage). Figures about this run's data are written by
 * the library from the result and shown as output. The only figures allowed are the method's own constants
 * and published reference values, each listed below with its reason.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellSource, type Notebook } from '../../src/notebook/parameters.js';

const dir = 'notebooks';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

/** A decimal number (0.43, 0,43), a grouped one (4,371 / 4.371) or a percentage (73%, 73 %). */
const FIGURE = /\d+(?:[.,]\d+)*\s?%|\d+(?:[.,]\d+)+/g;

/** Figures that are not data: constants of the method and published values. */
const ALLOWED: Readonly<Record<string, string>> = {
  '20%': 'value tiers and the revenue-concentration headline are defined on the top 20% of customers',
  '30%': 'value tiers: the next 30%',
  '100%': 'month 0 of a cohort is 100% by definition',
  '95%': 'the confidence level of the intervals',
  '5%': 'the default KPI tolerance and the false-alarm rate of a 95% interval',
  '0.25': 'silhouette bands (Kaufman & Rousseeuw)',
  '0.5': 'silhouette bands',
  '50,000': 'clusters: default fit sample size (option fitSample)',
  '10,000': "clusters: customers used to choose k with k: 'auto'",
  '2,000': 'clusters: default projectionPoints',
  '60%': 'timing rules: a segment holds customers with at least 60% of their orders in it (TIMING_RULES)',
  '1.5': 'the synthetic subscriptions sample: Android churns 1.5 × as often as iOS (PLANTED_SUBSCRIPTIONS)',
  '1.2': 'the synthetic subscriptions sample: the Android churn factor (PLANTED_SUBSCRIPTIONS)',
  '0.8': 'the synthetic subscriptions sample: the iOS churn factor (PLANTED_SUBSCRIPTIONS)',
  '3.0': 'the synthetic subscriptions sample: the first app version it releases (PLANTED_SUBSCRIPTIONS)',
  '4.3': 'the synthetic subscriptions sample: the last app version it releases (PLANTED_SUBSCRIPTIONS)',
  '0.75': 'loyalty rules: a coefficient of variation of the gaps above 0.75 is switcher-like (LOYALTY_RULES)',
  // BG/NBD and Gamma-Gamma on the CDNOW 1/10 sample as published (Fader, Hardie & Lee), the model's reference values
  '0.243': 'published CDNOW r',
  '4.414': 'published CDNOW α',
  '0.793': 'published CDNOW a',
  '2.426': 'published CDNOW b',
  '6.25': 'published CDNOW p',
  '3.74': 'published CDNOW q',
  '15.44': 'published CDNOW γ',
};

describe('markdown cells carry no data figures', () => {
  it('finds the figures it should (the check itself)', () => {
    const found =
      'silhouette about 0.43; 4,371 customers; 73.7% of revenue; 25 % more; k = 2 … 8; 1–5 scores; 2011'.match(FIGURE);
    expect(found).toEqual(['0.43', '4,371', '73.7%', '25 %']);
  });

  describe.each(files)('%s', (file) => {
    const nb = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Notebook;
    it('has only allowed figures in its markdown', () => {
      const offending = nb.cells.flatMap((cell, i) =>
        cell.cell_type !== 'markdown'
          ? []
          : (cellSource(cell).match(FIGURE) ?? []).filter((f) => !(f in ALLOWED)).map((f) => `cell ${i + 1}: ${f}`),
      );
      expect(offending).toEqual([]);
    });
  });
});

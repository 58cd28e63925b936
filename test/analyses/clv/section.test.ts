import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { clv, type ClvResult } from '../../../src/analyses/clv/index.js';
import { clvBySegment, type ClvSegmentRow } from '../../../src/analyses/clv/aggregates.js';
import { clvChecked, clvDoubts, clvFindings, clvSection, spendDoubts } from '../../../src/analyses/clv/section.js';
import { clvHoldoutChart, clvSegmentChart } from '../../../src/analyses/clv/charts.js';
import { formatCurrency } from '../../../src/locale.js';
import { expectRenders, expectValidSpec } from '../../helpers/charts.js';
import { clvTransactions } from '../../helpers/clv.js';

let wb: Workbench;
let result: ClvResult;
let segments: ClvSegmentRow[];
beforeAll(async () => {
  wb = await Workbench.open();
  await clvTransactions(wb);
  // the fixture drives both models to a bound (BG/NBD's b, Pareto/NBD's β → 10⁶: one dropout rate for all)
  result = await clv(wb, {
    calibrationEnd: new Date('2023-06-30'),
    holdoutEnd: new Date('2023-09-30'),
    unit: 'days',
    compareModels: true,
  });
  segments = await clvBySegment(wb, result, { table: 'seg' });
});
afterAll(() => wb.close());

describe('the CLV section with intervals and both models', () => {
  it('says "between X and Y" with the bootstrap range of the total, in English and Dutch', () => {
    const { low, high } = result.totals;
    if (low === null || high === null) throw new Error('no interval');
    const en = clvFindings(result, 'en');
    const money = (x: number, l: 'en' | 'nl') => formatCurrency(x, l, 'EUR', 0);
    expect(en).toContain(
      `Allowing for how uncertain the fitted model is, the predicted value of ${money(result.totals.clv, 'en')} lies between ${money(low, 'en')} and ${money(high, 'en')} (a 95% range from 200 re-drawn sets of model parameters). The range does not include chance: what customers actually spend varies further around it.`,
    );
    expect(
      clvFindings(result, 'nl').some((f) =>
        f.includes(
          `ligt de voorspelde waarde van ${money(result.totals.clv, 'nl')} tussen ${money(low, 'nl')} en ${money(high, 'nl')}`,
        ),
      ),
    ).toBe(true);
  });

  it('compares BG/NBD and Pareto/NBD on the holdout in a finding and a table', () => {
    const c = result.modelComparison;
    if (!c) throw new Error('no comparison');
    expect(c.actualTotal).toBe(13);
    const s = clvSection(result, { locale: 'en', segments });
    const finding = s.findings?.find((f) => f.startsWith('Both models on the 92 days they did not see'));
    expect(finding).toMatch(
      /BG\/NBD predicted [\d,.]+ \(\+\d+%\) and Pareto\/NBD [\d,.]+ \(\+\d+%\) purchases, against 13 made; per customer they missed by [\d.]+ and [\d.]+ purchases on average\./,
    );
    expect(finding).toContain(
      `${c.better === 'bg-nbd' ? 'BG/NBD' : 'Pareto/NBD'} predicted better here, so its numbers are the ones to use.`,
    );
    const table = s.tables?.find((t) => t.caption === 'BG/NBD and Pareto/NBD on the holdout period');
    expect(table?.rows.map((r) => r[0])).toEqual(['BG/NBD', 'Pareto/NBD']);
    expect(clvSection(result, { locale: 'nl' }).tables?.map((t) => t.caption)).toContain(
      'BG/NBD en Pareto/NBD in de controleperiode',
    );
  });

  it('says in words when a fit ran to a bound: no dropout found, or another limit of the model, en and nl', () => {
    expect([result.bgnbd.atBound, result.paretoNbd?.atBound]).toEqual([['b'], ['beta']]);
    expect(clvFindings(result, 'en')).toContain(
      'Pareto/NBD ran to a limit of the model (β at the edge of the search, e.g. customers who hardly differ in how long they stay): its predictions are usable, its parameter values mean little.',
    );
    expect(clvFindings(result, 'en')).toContain(
      'BG/NBD ran to a limit of the model (b at the edge of the search, e.g. customers who hardly differ in how long they stay): its predictions are usable, its parameter values mean little.',
    );
    const p = result.paretoNbd;
    if (!p) throw new Error('no Pareto/NBD fit');
    // the no-dropout limit as fitParetoNbd reports it: s and β on their bounds
    const none = { ...result, paretoNbd: { ...p, s: 1e-6, beta: 1e6, atBound: ['s', 'beta'] as Array<'s' | 'beta'> } };
    expect(clvFindings(none, 'en')).toContain(
      'Pareto/NBD found no dropout: its dropout parameters ran to the edge of the search, where it becomes a model in which no customer ever stops, so it predicts as if every customer keeps buying at their past rate.',
    );
    expect(clvFindings(none, 'nl')).toContain(
      'Pareto/NBD vond geen klanten die afhaken: de parameters voor afhaken liepen tot de rand van het zoekgebied, waar het een model wordt waarin geen klant ooit stopt, dus het voorspelt alsof elke klant blijft kopen in zijn eerdere tempo.',
    );
    // a fit inside the bounds says nothing of the kind
    const inside = { ...none, bgnbd: { ...result.bgnbd, atBound: [] }, paretoNbd: { ...p, atBound: [] } };
    expect(clvFindings(inside, 'en').some((f) => f.includes('edge of the search'))).toBe(false);
  });

  it('a fit on all the data shows the tracking plot, holdout and comparison of a separate holdout check, en and nl', async () => {
    const all = await clv(wb, {
      calibrationEnd: new Date('2023-09-30'),
      unit: 'days',
      intervalDraws: 0,
      table: 'clv_all',
      summaryTable: 'clv_all_summary',
    });
    expect(all.holdout).toBeNull();
    expect(clvChecked(all, result)).toBe(result);
    expect(clvChecked(result, all)).toBe(result);
    const alone = clvSection(all, { locale: 'en' });
    expect(alone.tables?.map((t) => t.caption)).not.toContain('BG/NBD and Pareto/NBD on the holdout period');
    expect(alone.intro?.[2]).toContain('This report has no holdout check');
    const s = clvSection(all, { locale: 'en', check: result });
    // the tracking plot of the check: its holdout runs to 2023-09-30, 92 days after its calibration
    const tracking = s.charts?.find((c) => c.id === 'clv-tracking');
    expect(tracking?.spec).toEqual(
      clvSection(result, { locale: 'en' }).charts?.find((c) => c.id === 'clv-tracking')?.spec,
    );
    expect(s.charts?.map((c) => c.id)).toContain('clv-holdout');
    expect(s.tables?.map((t) => t.caption)).toEqual(
      expect.arrayContaining([
        'Holdout check by repeat purchases in the calibration period',
        'BG/NBD and Pareto/NBD on the holdout period',
      ]),
    );
    expect(s.intro?.[2]).toContain(
      'To test it, the same models were also fitted on the data up to 92 days before the end, and their predictions for those last 92 days are compared below',
    );
    const err = (result.holdout?.predictedTotal ?? NaN) / 13 - 1;
    expect(s.findings).toContain(
      clvFindings(result, 'en').find((f) => f.startsWith('What that means for trusting the numbers')),
    );
    expect(s.findings?.some((f) => f.startsWith('Both models on the 92 days they did not see'))).toBe(true);
    expect(new Map(s.facts).get('Holdout check (a separate fit)')).toBe(
      'calibration to 30 Jun 2023, holdout to 30 Sep 2023',
    );
    expect(clvDoubts(all, result).some((d) => d.kind === 'holdoutMiss')).toBe(Math.abs(err) > 0.2);
    const nl = clvSection(all, { locale: 'nl', check: result });
    expect(nl.intro?.[2]).toContain(
      'Als toets zijn dezelfde modellen ook geschat op de gegevens tot 92 dagen voor het einde',
    );
    expect(nl.findings?.some((f) => f.startsWith('Wat dat betekent voor het vertrouwen in de cijfers'))).toBe(true);
    expect(nl.findings?.some((f) => f.startsWith('Beide modellen op de 92 dagen die ze niet zagen'))).toBe(true);
    expect(nl.tables?.map((t) => t.caption)).toContain('BG/NBD en Pareto/NBD in de controleperiode');
  });

  it('puts the 95% range in the tier, band and segment tables, and the standard errors in the facts', () => {
    const s = clvSection(result, { locale: 'en', segments });
    const tiers = s.tables?.[0];
    expect(tiers?.columns.at(-1)?.label).toBe('Value, 95% range');
    const top = result.tiers[0];
    expect(tiers?.rows[0]?.at(-1)).toBe(
      `${formatCurrency(top?.low ?? NaN, 'en', 'EUR', 0)} – ${formatCurrency(top?.high ?? NaN, 'en', 'EUR', 0)}`,
    );
    const seg = s.tables?.find((t) => t.caption === 'Predicted value per segment');
    expect(seg?.rows.every((r) => / – /.test(r.at(-1) ?? ''))).toBe(true);
    const facts = new Map(s.facts);
    expect(facts.get('Model that scores the customers')).toBe('BG/NBD');
    expect(facts.get('Gamma-Gamma standard errors')).toMatch(/^[\d.]+; [\d.]+; [\d.]+$/);
    expect(facts.has('Pareto/NBD r, α, s, β')).toBe(true);
  });

  it('the segment chart draws a line over each bar for its 95% range; valid and rendered', async () => {
    const spec = clvSegmentChart(segments, { locale: 'nl' });
    expectValidSpec(spec);
    const layers = (spec as { layer?: Array<{ mark: { type: string } }> }).layer;
    expect(layers?.map((l) => l.mark.type)).toEqual(['bar', 'rule']);
    await expectRenders(spec);
    const plain = clvSegmentChart(segments.map((s) => ({ ...s, low: null, high: null })));
    expect((plain as { layer?: unknown }).layer).toBeUndefined();
  });

  it('warns in plain words when spend follows frequency or q ≤ 1', () => {
    expect(spendDoubts({ ...result, spendFrequencyCorrelation: 0.1 }, 'en')).toEqual([]);
    expect(spendDoubts({ ...result, spendFrequencyCorrelation: 0.45 }, 'en')[0]).toMatch(
      /^Careful with the spend per purchase: among repeat buyers, spend per purchase and number of purchases are correlated \(r = 0\.45\)/,
    );
    expect(
      spendDoubts({ ...result, gammaGamma: { ...result.gammaGamma, q: 0.8 }, spendFrequencyCorrelation: 0 }, 'nl')[0],
    ).toMatch(/zeer zware staart \(q = 0,80, hooguit 1\)/);
  });
});

describe('the CLV section scored by Pareto/NBD', () => {
  it('explains the Pareto/NBD model and labels the holdout chart with it', () => {
    const r: ClvResult = { ...result, options: { ...result.options, model: 'pareto-nbd' } };
    const s = clvSection(r, { locale: 'en' });
    expect(s.intro?.[0]).toMatch(/^This section looks forward\. The Pareto\/NBD model/);
    expect(s.intro?.[1]).toMatch(/their P\(alive\) falls the longer they stay quiet\.$/);
    expect(JSON.stringify(clvHoldoutChart(r).data)).toContain('Predicted (Pareto/NBD)');
    expect(new Map(s.facts).get('Model that scores the customers')).toBe('Pareto/NBD');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { clv } from '../../../src/analyses/clv/index.js';
import { bgnbdConditionalExpected, bgnbdExpectedPurchases, type BgnbdParams } from '../../../src/analyses/clv/bgnbd.js';
import { gammaGammaPopulationMean, selectGammaGammaRows } from '../../../src/analyses/clv/gamma-gamma.js';
import { available, CDNOW_MASTER } from '../../helpers/data.js';

describe('data the textbook fit does not expect', () => {
  it('selectGammaGammaRows fits repeat buyers with positive spend and sets aside the ones netting to ≤ 0', () => {
    const rows = [
      { customerId: 'A', x: 2, monetary: 10 },
      { customerId: 'B', x: 1, monetary: 0 },
      { customerId: 'C', x: 0, monetary: 0 },
      { customerId: 'D', x: 3, monetary: -4 },
      { customerId: 'E', x: 1, monetary: 7.5 },
    ];
    const { fit, setAside } = selectGammaGammaRows(rows);
    expect(fit.map((r) => r.customerId)).toEqual(['A', 'E']);
    expect(setAside.map((r) => r.customerId)).toEqual(['B', 'D']);
  });

  it('the population mean spend is pγ/(q − 1), NaN when q ≤ 1', () => {
    expect(gammaGammaPopulationMean({ p: 6.25, q: 3.74, gamma: 15.44 })).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(gammaGammaPopulationMean({ p: 1, q: 0.9, gamma: 1 })).toBeNaN();
  });

  // Online Retail II (13-week holdout) fits a + b < 1; E[Y] then needs ₂F₁ with a negative c. Reference values: mpmath.
  const bg: BgnbdParams = { r: 0.7784, alpha: 9.7565, a: 0.0038, b: 0.3462 };
  it('BG/NBD predictions stay finite when a + b < 1 (mpmath: E[X(52)] = 4.0937, E[Y(52) | x = 0, T = 30] = 1.0110)', () => {
    expect(bgnbdExpectedPurchases(bg, 52)).toBeCloseTo(4.09368513930928, 8);
    expect(bgnbdConditionalExpected(bg, 52, 0, 0, 30)).toBeCloseTo(1.01102134249685, 8);
  });
});

describe.runIf(available(CDNOW_MASTER, 'CDNOW master CLV tests'))(
  'clv on the CDNOW master file (23,570 customers)',
  () => {
    let wb: Workbench;
    beforeAll(async () => {
      wb = await Workbench.open();
      await loadTransactions(wb, CDNOW_MASTER, { preset: 'cdnow' });
    });
    afterAll(() => wb.close());

    it('fits Gamma-Gamma without the $0 repeat buyer and scores that customer with the population mean', async () => {
      const r = await clv(wb, { calibrationEnd: new Date('1998-06-30') });
      expect(r.customers).toBe(23_570);
      expect(r.repeatBuyers).toBe(11_516);
      expect(r.gammaGammaSetAside).toBe(1);
      expect(r.gammaGamma.customers).toBe(11_515);
      // The warning names customer 10244 by the line of their first row in the file, not by id.
      expect(
        r.warnings.some(
          (w) => w.includes('(the customer of line 31,716 of the transactions file)') && !w.includes('10244'),
        ),
      ).toBe(true);
      const [row] = await wb.query<{ x: number; monetary: number; expected_spend: number }>(
        `select x, monetary, expected_spend from clv where customer_id = '10244'`,
      );
      expect(row?.x).toBe(1);
      expect(row?.monetary).toBe(0);
      expect(row?.expected_spend).toBeCloseTo(gammaGammaPopulationMean(r.gammaGamma), 9);
      const [bad] = await wb.query<{ n: number }>(
        'select count(*)::int as n from clv where not isfinite(clv) or clv is null',
      );
      expect(bad?.n).toBe(0);
    });
  },
);

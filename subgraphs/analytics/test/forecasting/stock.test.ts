import { describe, expect, it } from 'vitest';
import { demandOver, planWarehouses, predictStockout, suggestReorder } from '../../src/forecasting/index.js';

const days = (expected: number[]) => expected.map((e, i) => ({ date: `2027-01-${String(i + 1).padStart(2, '0')}`, expected: e }));

describe('stock-out and reorder', () => {
  it('stocks out on the first day cumulative demand exceeds the units available', () => {
    // cumulative 3, 6, 9, 12: 10 available last through day 3 and run out on day 4
    expect(predictStockout(days([3, 3, 3, 3, 3]), 10)).toBe('2027-01-04');
    // exactly used up is not yet out
    expect(predictStockout(days([5, 5, 1]), 10)).toBe('2027-01-03');
  });

  it('has no stock-out when the units outlast the forecast', () => {
    expect(predictStockout(days([1, 1, 1]), 3)).toBeNull();
    expect(predictStockout(days([0, 0]), 0)).toBeNull();
  });

  it('with nothing available, stocks out on the first day anything is expected', () => {
    expect(predictStockout(days([0, 0.5, 1]), 0)).toBe('2027-01-02');
  });

  it('reorders the demand not covered, rounded up, never negative', () => {
    expect(suggestReorder([2.5, 2.5, 2.2], 5)).toBe(3); // 7.2 − 5 = 2.2 → 3
    expect(suggestReorder([1, 1], 10)).toBe(0);
    expect(suggestReorder([0.1, 0.2], 0)).toBe(1);
    expect(suggestReorder([1, 1, 1], 0)).toBe(3); // 3.0 is not rounded up to 4
    expect(suggestReorder([1, 1], -4)).toBe(2); // oversold stock does not add to the order
  });

  it('covers the horizon plus the lead time, continuing past the stored days at their last week’s mean', () => {
    const stored = days([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
    expect(demandOver(stored, 10, 2)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(demandOver(stored, 14, 3)).toEqual([...stored.map((d) => d.expected), 2, 2, 2]);
  });

  it('splits the demand across warehouses by their share of the units available', () => {
    // 4 units a day; warehouse A holds 30 of 40 units (75%: 3 a day), B 10 (25%: 1 a day)
    const plans = planWarehouses(days(Array(10).fill(4)), [{ warehouseId: 'a', available: 30 }, { warehouseId: 'b', available: 10 }], 10, 5);
    expect(plans).toEqual([
      // A: 3 a day, 30 units last exactly 10 days; 15 days of demand = 45 → order 15
      { warehouseId: 'a', available: 30, predictedStockout: null, suggestedReorder: 15 },
      // B: 1 a day, 10 units last the 10 days; 15 days = 15 → order 5
      { warehouseId: 'b', available: 10, predictedStockout: null, suggestedReorder: 5 },
    ]);
    const tight = planWarehouses(days(Array(10).fill(4)), [{ warehouseId: 'a', available: 6 }, { warehouseId: 'b', available: 2 }], 10, 0);
    // A: 3 a day, 6 units → out on day 3; B: 1 a day, 2 units → out on day 3
    expect(tight.map((p) => p.predictedStockout)).toEqual(['2027-01-03', '2027-01-03']);
    expect(tight.map((p) => p.suggestedReorder)).toEqual([24, 8]);
  });

  it('splits evenly when no warehouse has anything available', () => {
    const plans = planWarehouses(days([2, 2]), [{ warehouseId: 'a', available: 0 }, { warehouseId: 'b', available: 0 }], 2, 0);
    expect(plans.map((p) => [p.predictedStockout, p.suggestedReorder])).toEqual([['2027-01-01', 2], ['2027-01-01', 2]]);
  });
});

import { describe, expect, it } from 'vitest';
import { backtestWindow, mape, smape } from '../../src/forecasting/index.js';

describe('forecast accuracy', () => {
  it('MAPE averages |a − f| / |a| over the days that sold something only', () => {
    // Days: (10, 8) → 0.2, (0, 3) skipped, (4, 5) → 0.25, (20, 20) → 0 → (0.2 + 0.25 + 0) / 3
    expect(mape([10, 0, 4, 20], [8, 3, 5, 20])).toBeCloseTo(0.45 / 3, 12);
  });

  it('MAPE is null when no held-out day sold anything', () => {
    expect(mape([0, 0, 0], [1, 0, 2])).toBeNull();
  });

  it('sMAPE is |a − f| / ((|a| + |f|) / 2) averaged, 0 for a day where both are 0', () => {
    // (10, 8): 2 / 9; (0, 3): 3 / 1.5 = 2; (0, 0): 0; (4, 5): 1 / 4.5
    const expected = (2 / 9 + 2 + 0 + 1 / 4.5) / 4;
    expect(smape([10, 0, 0, 4], [8, 3, 0, 5])).toBeCloseTo(expected, 12);
  });

  it('sMAPE stays within 0 and 2', () => {
    expect(smape([0, 0], [5, 7])).toBe(2);
    expect(smape([3, 4], [3, 4])).toBe(0);
    expect(smape([0, 0], [0, 0])).toBe(0);
  });

  it('refuses windows of different lengths', () => {
    expect(() => smape([1, 2], [1])).toThrow();
    expect(() => mape([1], [1, 2])).toThrow();
  });

  it('holds out 28 days with 8 weeks left to fit, a week with 3 weeks left, nothing below', () => {
    expect(backtestWindow(365)).toBe(28);
    expect(backtestWindow(84)).toBe(28);
    expect(backtestWindow(83)).toBe(7);
    expect(backtestWindow(28)).toBe(7);
    expect(backtestWindow(27)).toBe(0);
    expect(backtestWindow(0)).toBe(0);
  });
});

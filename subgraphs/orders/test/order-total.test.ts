import { describe, expect, it } from 'vitest';
import { linesTotalMinor, MAX_ORDER_TOTAL_MINOR, orderTotalMinor } from '../src/domain/order-total.js';

describe('order total', () => {
  const lines = [
    { unitPriceMinor: 24_990_000n, quantity: 3 },
    { unitPriceMinor: 1n, quantity: 999 },
  ];

  it('is the lines alone without shipping', () => {
    expect(linesTotalMinor(lines)).toBe(74_970_000n + 999n);
    expect(orderTotalMinor(lines, null)).toBe(74_970_999n);
  });

  it('adds the shipping cost to the lines exactly, to the minor unit', () => {
    expect(orderTotalMinor(lines, 1_250_050n)).toBe(74_970_999n + 1_250_050n);
    expect(orderTotalMinor(lines, 0n)).toBe(74_970_999n);
    expect(orderTotalMinor([{ unitPriceMinor: 1n, quantity: 1 }], 1n)).toBe(2n);
  });

  it('stays exact where a JavaScript number would not (beyond 2^53)', () => {
    const huge = [{ unitPriceMinor: 99_999_999_999_999n, quantity: 999 }];
    const shipping = 12_345_678_901n;
    expect(orderTotalMinor(huge, shipping)).toBe(99_999_999_999_999n * 999n + shipping);
    expect(orderTotalMinor(huge, shipping) - orderTotalMinor(huge, shipping - 1n)).toBe(1n);
    expect(orderTotalMinor(huge, shipping)).toBeLessThan(MAX_ORDER_TOTAL_MINOR);
  });
});

import { describe, expect, it } from 'vitest';
import { formatMoney, multiplyDecimal, parsePriceInput, sumDecimals } from '../src/lib/money';

// es-CO puts a no-break space between the sign and the digits; compare with plain spaces.
const format = (amount: string, currency = 'COP') => formatMoney({ amount, currency }).replace(/\s/g, ' ');

describe('money from Decimal strings, never through floats', () => {
  it('formats whole pesos with es-CO grouping and drops zero cents', () => {
    expect(format('249900.00')).toBe('$ 249.900');
    expect(format('0.00')).toBe('$ 0');
  });

  it('keeps non-zero cents exactly as sent', () => {
    expect(format('185000.5')).toBe('$ 185.000,50');
    expect(format('0.07')).toBe('$ 0,07');
  });

  it('formats amounts beyond 2^53 without losing a digit', () => {
    expect(format('98765432109876543.21')).toBe('$ 98.765.432.109.876.543,21');
  });

  it('multiplies and sums exactly', () => {
    expect(multiplyDecimal('0.10', 3)).toBe('0.30');
    expect(sumDecimals(['0.10', '0.20'])).toBe('0.30');
    expect(sumDecimals(['9007199254740993.00', '1.00'])).toBe('9007199254740994.00');
  });

  it('reads prices typed the es-CO way', () => {
    expect(parsePriceInput('185.000')).toBe('185000');
    expect(parsePriceInput('185.000,50')).toBe('185000.50');
    expect(parsePriceInput('185000.5')).toBe('185000.5');
    expect(parsePriceInput('$ 12')).toBe('12');
    expect(parsePriceInput('doce')).toBeNull();
  });
});

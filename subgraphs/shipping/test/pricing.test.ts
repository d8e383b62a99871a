import { describe, expect, it } from 'vitest';
import { DEFAULT_UNIT_WEIGHT_GRAMS, linesOf, parcelPrice, parcelWeight, type RateCard } from '../src/domain/pricing.js';
import { DEPARTMENTS, departmentOf, regionKey } from '../src/domain/regions.js';
import { DEMO_REGION_ZONES } from '../src/domain/seed.js';

const card: RateCard = {
  bands: [
    { maxWeightGrams: 3000, priceMinor: 1_690_000n },
    { maxWeightGrams: 1000, priceMinor: 1_290_000n },
  ],
  extraKgPriceMinor: 200_000n,
};

describe('a parcel price', () => {
  it.each([
    [1, 1_290_000n],
    [1000, 1_290_000n],
    [1001, 1_690_000n],
    [3000, 1_690_000n],
    // Above the heaviest band: each started kilogram over it.
    [3001, 1_890_000n],
    [4000, 1_890_000n],
    [4001, 2_090_000n],
    [1_003_000, 1_690_000n + 1000n * 200_000n],
  ])('%i g costs %i minor units (bands in any order, upper bounds inclusive)', (grams, price) => {
    expect(parcelPrice(card, grams)).toBe(price);
  });

  it('refuses weights that are not positive whole grams, and cards without bands', () => {
    for (const grams of [0, -1, 1.5, Number.NaN]) expect(() => parcelPrice(card, grams)).toThrow(RangeError);
    expect(() => parcelPrice({ bands: [], extraKgPriceMinor: 1n }, 10)).toThrow(RangeError);
  });
});

describe('a parcel weight', () => {
  it('counts each unit at its product weight, and 1000 g for a product without one (null or never heard of)', () => {
    const weights = new Map<string, number | null>([['a', 250], ['b', null]]);
    expect(DEFAULT_UNIT_WEIGHT_GRAMS).toBe(1000);
    expect(parcelWeight([{ productId: 'a', quantity: 3 }, { productId: 'b', quantity: 1 }, { productId: 'c', quantity: 2 }], weights)).toBe(750 + 1000 + 2000);
  });

  it('lists a product once per unit: the same id n times is n units', () => {
    expect(linesOf(['a', 'b', 'a', 'a'])).toEqual([{ productId: 'a', quantity: 3 }, { productId: 'b', quantity: 1 }]);
  });
});

describe('regions', () => {
  it('are the 32 departments and Bogotá D.C., each in one demo zone', () => {
    expect(DEPARTMENTS).toHaveLength(33);
    expect(new Set(DEPARTMENTS.map(regionKey)).size).toBe(33);
    expect(Object.keys(DEMO_REGION_ZONES).sort()).toEqual([...DEPARTMENTS].sort());
  });

  it.each([
    ['Bogotá D.C.', 'Bogotá D.C.'],
    ['bogota dc', 'Bogotá D.C.'],
    ['BOGOTÁ, D. C.', 'Bogotá D.C.'],
    ['Bogotá', 'Bogotá D.C.'],
    ['  antioquia ', 'Antioquia'],
    ['ATLANTICO', 'Atlántico'],
    ['nariño', 'Nariño'],
    ['narino', 'Nariño'],
    ['Norte de Santander', 'Norte de Santander'],
    ['santander', 'Santander'],
    ['San Andrés', 'Archipiélago de San Andrés, Providencia y Santa Catalina'],
    ['valle', 'Valle del Cauca'],
    ['Guajira', 'La Guajira'],
    // Decomposed accents (NFD input) match too.
    ['Boyaca\u0301', 'Boyacá'],
  ])('"%s" names %s', (written, department) => {
    expect(departmentOf(written)).toBe(department);
  });

  it('every department matches itself in upper case without accents', () => {
    for (const d of DEPARTMENTS) expect(departmentOf(d.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase())).toBe(d);
  });

  it.each(['Texas', '', 'Bogotá Norte', 'Cundinamarca y Boyacá'])('"%s" names no department', (written) => {
    expect(departmentOf(written)).toBeNull();
  });
});

/** What a parcel of one product weighs per unit when products has not said (or shipping has not heard yet). */
export const DEFAULT_UNIT_WEIGHT_GRAMS = 1000;
const GRAMS_PER_KG = 1000;

/** One method's prices in one zone: weight bands, lightest first, and the price of each started kg above the heaviest. */
export interface RateCard {
  bands: readonly { maxWeightGrams: number; priceMinor: bigint }[];
  extraKgPriceMinor: bigint;
}

/**
 * A parcel's price: the lightest band that holds its weight (a band includes its upper bound); above the heaviest
 * band, that band's price plus extraKgPriceMinor for each kilogram or part of one over it. Exact integer arithmetic.
 */
export function parcelPrice(card: RateCard, weightGrams: number): bigint {
  if (!Number.isSafeInteger(weightGrams) || weightGrams <= 0) throw new RangeError(`A parcel weighs a positive whole number of grams, not ${weightGrams}.`);
  const bands = [...card.bands].sort((a, b) => a.maxWeightGrams - b.maxWeightGrams);
  const top = bands.at(-1);
  if (!top) throw new RangeError('A rate card needs at least one weight band.');
  const band = bands.find((b) => weightGrams <= b.maxWeightGrams);
  if (band) return band.priceMinor;
  const extraKg = BigInt(Math.ceil((weightGrams - top.maxWeightGrams) / GRAMS_PER_KG));
  return top.priceMinor + extraKg * card.extraKgPriceMinor;
}

/** A parcel's weight: each unit at its product's weight, DEFAULT_UNIT_WEIGHT_GRAMS for a product without one. */
export function parcelWeight(lines: readonly { productId: string; quantity: number }[], weights: ReadonlyMap<string, number | null>): number {
  return lines.reduce((sum, line) => sum + line.quantity * (weights.get(line.productId) ?? DEFAULT_UNIT_WEIGHT_GRAMS), 0);
}

/** The same product listed more than once counts its units together (shippingQuotes lists one id per unit). */
export function linesOf(productIds: readonly string[]): { productId: string; quantity: number }[] {
  const counts = new Map<string, number>();
  for (const id of productIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([productId, quantity]) => ({ productId, quantity }));
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { QuoteErrorCode, type QuoteErrorCodeName } from '../contract.js';
import { methodZones, productWeights, regionZones, shippingMethods, shippingRates, type ShippingMethodRow, type ShippingSchema } from '../db/schema.js';
import { parcelPrice, parcelWeight, type RateCard } from './pricing.js';
import { DEPARTMENTS, departmentOf } from './regions.js';

type Db = Database<ShippingSchema>;

export interface QuoteLine {
  productId: string;
  quantity: number;
}

/** One method's price for a parcel to a region, exact in minor units of COP. */
export interface Quote {
  method: ShippingMethodRow;
  costMinor: bigint;
  estimatedDays: number;
}

export type QuoteOutcome = { ok: true; quote: Quote } | { ok: false; code: QuoteErrorCodeName; message: string };
export type QuotesOutcome = { ok: true; quotes: Quote[] } | { ok: false; code: typeof QuoteErrorCode.InvalidInput; message: string };

export const unknownRegionMessage = (region: string) =>
  `"${region}" is not a Colombian department: name one of ${DEPARTMENTS.length} (e.g. Antioquia, Bogotá D.C., Valle del Cauca); case and accents do not matter.`;

/** The zone a department is in, or null when the rate card puts it in none (then no method serves it). */
async function zoneOf(db: Db, department: string): Promise<string | null> {
  const [row] = await db.select({ zoneCode: regionZones.zoneCode }).from(regionZones).where(eq(regionZones.region, department));
  return row?.zoneCode ?? null;
}

/** Each listed product's unit weight as shipping last heard it (null: not given). */
async function weightsOf(db: Db, productIds: readonly string[]): Promise<Map<string, number | null>> {
  const rows = await db.select().from(productWeights).where(inArray(productWeights.productId, [...new Set(productIds)]));
  return new Map(rows.map((row) => [row.productId, row.weightGrams]));
}

/** Every method serving the zone (or only methodId), with its rate card there. */
async function servicesIn(db: Db, zoneCode: string, methodId?: string) {
  const [services, rates] = await Promise.all([
    db
      .select({ method: shippingMethods, estimatedDays: methodZones.estimatedDays, extraKgPriceMinor: methodZones.extraKgPriceMinor })
      .from(methodZones)
      .innerJoin(shippingMethods, eq(shippingMethods.id, methodZones.methodId))
      .where(and(eq(methodZones.zoneCode, zoneCode), methodId ? eq(methodZones.methodId, methodId) : undefined)),
    db
      .select()
      .from(shippingRates)
      .where(and(eq(shippingRates.zoneCode, zoneCode), methodId ? eq(shippingRates.methodId, methodId) : undefined))
      .orderBy(asc(shippingRates.maxWeightGrams)),
  ]);
  return services.map((service): { method: ShippingMethodRow; estimatedDays: number; card: RateCard } => ({
    method: service.method,
    estimatedDays: service.estimatedDays,
    card: { bands: rates.filter((rate) => rate.methodId === service.method.id), extraKgPriceMinor: service.extraKgPriceMinor },
  }));
}

/** Cheapest first; equal prices, the faster first, then by name. */
const byPrice = (a: Quote, b: Quote) => (a.costMinor < b.costMinor ? -1 : a.costMinor > b.costMinor ? 1 : a.estimatedDays - b.estimatedDays || a.method.name.localeCompare(b.method.name));

/** What every method serving the region would charge for the lines, cheapest first; INVALID_INPUT when the region is not a department. */
export async function quoteAll(db: Db, region: string, lines: readonly QuoteLine[]): Promise<QuotesOutcome> {
  const department = departmentOf(region);
  if (!department) return { ok: false, code: QuoteErrorCode.InvalidInput, message: unknownRegionMessage(region) };
  const zoneCode = await zoneOf(db, department);
  if (!zoneCode) return { ok: true, quotes: [] };
  const [services, weights] = await Promise.all([servicesIn(db, zoneCode), weightsOf(db, lines.map((l) => l.productId))]);
  const weight = parcelWeight(lines, weights);
  const quotes = services.map(({ method, estimatedDays, card }) => ({ method, estimatedDays, costMinor: parcelPrice(card, weight) }));
  return { ok: true, quotes: quotes.sort(byPrice) };
}

/** One method's price for the lines to the region: NOT_FOUND for an unknown method, REGION_NOT_SERVED, INVALID_INPUT for a region that is not a department. */
export async function quoteOne(db: Db, methodId: string, region: string, lines: readonly QuoteLine[]): Promise<QuoteOutcome> {
  const department = departmentOf(region);
  if (!department) return { ok: false, code: QuoteErrorCode.InvalidInput, message: unknownRegionMessage(region) };
  const [method] = await db.select().from(shippingMethods).where(eq(shippingMethods.id, methodId));
  if (!method) return { ok: false, code: QuoteErrorCode.NotFound, message: `No shipping method has the id ${methodId}.` };
  const zoneCode = await zoneOf(db, department);
  const [service] = zoneCode ? await servicesIn(db, zoneCode, methodId) : [];
  if (!service) return { ok: false, code: QuoteErrorCode.RegionNotServed, message: `${method.carrier} ${method.name} does not deliver to ${department}.` };
  const weight = parcelWeight(lines, await weightsOf(db, lines.map((l) => l.productId)));
  return { ok: true, quote: { method, estimatedDays: service.estimatedDays, costMinor: parcelPrice(service.card, weight) } };
}

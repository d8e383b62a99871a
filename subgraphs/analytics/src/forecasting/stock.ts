/** Stock-out date and reorder quantity from a forecast and the units available. */

/** A day of expected demand (a forecast point, or a warehouse's share of one). */
export interface DemandDay {
  date: string;
  expected: number;
}

export interface WarehouseStock {
  warehouseId: string;
  available: number;
}

export interface WarehousePlan {
  warehouseId: string;
  available: number;
  predictedStockout: string | null;
  suggestedReorder: number;
}

export const DEFAULT_LEAD_TIME_DAYS = 7;
// Floating sums such as 0.1 + 0.2 must not round 3.0000000004 units up to 4.
const EPSILON = 1e-9;

/** The first day on which cumulative expected demand exceeds `available`; null when it does not within the days. */
export function predictStockout(days: readonly DemandDay[], available: number): string | null {
  let demand = 0;
  for (const day of days) {
    demand += day.expected;
    if (demand > available + EPSILON) return day.date;
  }
  return null;
}

/**
 * Units to order so the stock covers the expected demand over the horizon plus the supplier's lead time:
 * ceil(demand − available), never negative. `demand` is the expected units of those days.
 */
export function suggestReorder(demand: readonly number[], available: number): number {
  const total = demand.reduce((a, b) => a + b, 0);
  return Math.max(0, Math.ceil(total - Math.max(0, available) - EPSILON));
}

/**
 * Expected units for the first `horizon + leadTimeDays` days. Stored forecasts hold 90 days; past them, each missing
 * day is the mean of the last 7 stored (a flat continuation rather than none).
 */
export function demandOver(days: readonly DemandDay[], horizon: number, leadTimeDays: number): number[] {
  const wanted = horizon + leadTimeDays;
  const expected = days.slice(0, wanted).map((d) => d.expected);
  if (expected.length < wanted && days.length > 0) {
    const tail = days.slice(-7);
    const mean = tail.reduce((a, d) => a + d.expected, 0) / tail.length;
    while (expected.length < wanted) expected.push(mean);
  }
  return expected;
}

/**
 * Each warehouse's stock-out and reorder, its demand being the product's split by its share of the units available
 * over every warehouse (a warehouse holding 30% of the stock is taken to serve 30% of the demand). With nothing
 * available anywhere the demand is split evenly, so every empty warehouse gets its part of the reorder.
 */
export function planWarehouses(days: readonly DemandDay[], warehouses: readonly WarehouseStock[], horizon: number, leadTimeDays: number): WarehousePlan[] {
  const total = warehouses.reduce((a, w) => a + Math.max(0, w.available), 0);
  return warehouses.map((w) => {
    const share = total > 0 ? Math.max(0, w.available) / total : 1 / warehouses.length;
    const own = days.map((d) => ({ date: d.date, expected: d.expected * share }));
    return {
      warehouseId: w.warehouseId,
      available: w.available,
      predictedStockout: predictStockout(own.slice(0, horizon), w.available),
      suggestedReorder: suggestReorder(demandOver(own, horizon, leadTimeDays), w.available),
    };
  });
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Logger } from '@shop/common';
import type { Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { MAX_REORDER_QUANTITY, reorderSuggested } from '../contract.js';
import { productSuppliers, reorderRequests, suppliers, type PurchasingSchema, type ReorderRow } from '../db/schema.js';
import type { DemandForecasts } from './directories.js';
import { insertReorder, lockProduct } from './reorders.js';

/** Beyond the supplier's lead time, a suggestion covers this many days of demand. */
export const COVER_DAYS = 14;
/** Without a forecast: twice the threshold, and never fewer than this. */
export const FALLBACK_MIN_UNITS = 10;

/** What a stock.low or stock.sold_out says of the product (sold out: 0 available, no threshold in the event). */
export interface LowStock {
  productId: string;
  available: number;
  threshold: number;
  restockWarehouseId: string | null | undefined;
}

/**
 * Units a suggestion asks for: the forecast's expected units over the lead time and the cover, less what is
 * available, at least the threshold; with no forecast, max(2 x threshold, FALLBACK_MIN_UNITS). Always 1 or more.
 */
export function suggestedQuantity(stock: Pick<LowStock, 'available' | 'threshold'>, forecastUnits: number | null): number {
  const wanted = forecastUnits === null ? Math.max(2 * stock.threshold, FALLBACK_MIN_UNITS) : Math.max(Math.ceil(forecastUnits - Math.max(0, stock.available) - 1e-9), stock.threshold);
  return Math.min(MAX_REORDER_QUANTITY, Math.max(1, wanted));
}

export type SuggestionOutcome = { written: ReorderRow; method: string } | { skipped: 'NO_SUPPLIER' | 'OPEN_REQUEST' | 'NO_WAREHOUSE' };

/**
 * On low or sold-out stock: a DRAFT suggested request from the product's supplier into restockWarehouseId, when the
 * product has a supplier and no DRAFT or SENT request; reorder.suggested commits with it. Runs in the consumer's
 * transaction (the inbox makes it once per event); the product's lock makes "no open request" exact among concurrent
 * events and manual requests, and the unique partial index forbids a second open suggestion whatever else happens.
 * Analytics is asked only when a request will be written, within its client's short timeout.
 */
export async function suggestReorder(tx: Transaction<PurchasingSchema>, demand: DemandForecasts, stock: LowStock, logger: Logger): Promise<SuggestionOutcome> {
  if (!stock.restockWarehouseId) return { skipped: 'NO_WAREHOUSE' };
  await lockProduct(tx, stock.productId);
  const [link] = await tx
    .select({ supplierId: suppliers.id, sellerId: suppliers.sellerId, leadTimeDays: suppliers.leadTimeDays })
    .from(productSuppliers)
    .innerJoin(suppliers, eq(suppliers.id, productSuppliers.supplierId))
    .where(eq(productSuppliers.productId, stock.productId));
  if (!link) return { skipped: 'NO_SUPPLIER' };
  const [open] = await tx
    .select({ id: reorderRequests.id })
    .from(reorderRequests)
    .where(and(eq(reorderRequests.productId, stock.productId), inArray(reorderRequests.status, ['DRAFT', 'SENT'])))
    .limit(1);
  if (open) return { skipped: 'OPEN_REQUEST' };

  let forecast: Awaited<ReturnType<DemandForecasts['demand']>> = null;
  try {
    forecast = await demand.demand(stock.productId, link.leadTimeDays + COVER_DAYS);
  } catch (error) {
    // A suggestion without the forecast now beats none: the fallback quantity is the documented one.
    logger.warn({ err: error, productId: stock.productId }, 'analytics did not give the demand; suggesting the fallback quantity');
  }
  const quantity = suggestedQuantity(stock, forecast?.units ?? null);
  const written = await insertReorder(
    tx,
    { supplierId: link.supplierId, sellerId: link.sellerId, productId: stock.productId, warehouseId: stock.restockWarehouseId, quantity, suggested: true },
    null,
  );
  await recordEvents(tx, [reorderSuggested.create({ reorderId: written.id, productId: stock.productId, sellerId: link.sellerId, supplierId: link.supplierId, quantity })]);
  return { written, method: forecast?.method ?? 'fallback' };
}

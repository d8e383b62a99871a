import { eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@shop/db';
import { recordEvents, type DomainEvent } from '@shop/events';
import { stockBackInStock, stockLow, stockSoldOut } from '../contract.js';
import { pendingStockAlerts, stockLevels, stockSettings, warehouses, type InventorySchema, type StockAlertKind } from '../db/schema.js';
import { DEFAULT_LOW_STOCK_THRESHOLD } from './stock.js';

type Tx = Transaction<InventorySchema>;

/**
 * Which alerts a change of available from `before` to `after` under one threshold raises. LOW: from above the threshold
 * to at or below it while still above 0; SOLD_OUT: from above 0 to 0; BACK_IN_STOCK: from 0 to above 0. Rises re-arm
 * the next fall, and only the rise out of 0 is an alert of its own, so SOLD_OUT and BACK_IN_STOCK alternate.
 */
export function crossingsOf(before: number, after: number, threshold: number): StockAlertKind[] {
  const kinds: StockAlertKind[] = [];
  if (before > threshold && after <= threshold && after > 0) kinds.push('LOW');
  if (before > 0 && after === 0) kinds.push('SOLD_OUT');
  if (before <= 0 && after > 0) kinds.push('BACK_IN_STOCK');
  return kinds;
}

/** A raised threshold over the units available is a LOW crossing too (a lowered one raises nothing). */
export const thresholdCrossingsOf = (available: number, from: number, to: number): StockAlertKind[] =>
  available > from && available <= to && available > 0 ? ['LOW'] : [];

/** Each product's low-stock threshold as db (or a transaction) sees it now; products nobody set one for have the default. */
export async function readThresholds(db: Database<InventorySchema> | Tx, productIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(productIds)];
  const rows = ids.length
    ? await db.select({ productId: stockSettings.productId, threshold: stockSettings.lowStockThreshold }).from(stockSettings).where(inArray(stockSettings.productId, ids))
    : [];
  const found = new Map(rows.map((r) => [r.productId, r.threshold]));
  return new Map(ids.map((id) => [id, found.get(id) ?? DEFAULT_LOW_STOCK_THRESHOLD]));
}

/** A product's alert inputs as this transaction sees them now. */
export interface StockAlertState {
  productId: string;
  available: number;
  threshold: number;
  /** null until inventory has learned who sells the product (see rememberSellers). */
  sellerId: string | null;
}

export interface StockAlert {
  productId: string;
  kind: StockAlertKind;
  available: number;
  threshold: number;
}

/**
 * Each product's available units summed over its warehouses, its threshold and its seller, in ONE query. Read after
 * the change, with the product's stock rows locked by this transaction: a fresh statement, so it also counts a
 * warehouse row another transaction inserted while this one waited for the locks (which the lock's own read misses).
 */
export async function readAlertStates(tx: Tx, productIds: readonly string[]): Promise<Map<string, StockAlertState>> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({
      productId: stockLevels.productId,
      available: sql<number>`sum(${stockLevels.onHand} - ${stockLevels.reserved})::int`,
      threshold: stockSettings.lowStockThreshold,
      sellerId: stockSettings.sellerId,
    })
    .from(stockLevels)
    .leftJoin(stockSettings, eq(stockSettings.productId, stockLevels.productId))
    .where(inArray(stockLevels.productId, ids))
    .groupBy(stockLevels.productId, stockSettings.productId);
  return new Map(
    ids.map((productId) => {
      const row = rows.find((r) => r.productId === productId);
      return [productId, { productId, available: Number(row?.available ?? 0), threshold: row?.threshold ?? DEFAULT_LOW_STOCK_THRESHOLD, sellerId: row?.sellerId ?? null }];
    }),
  );
}

/**
 * Records stock.low / stock.sold_out / stock.back_in_stock for the products whose available this transaction changed,
 * in it. `taken` is each product's available units removed by this transaction (negative: added): available before =
 * now + taken, exact, because the caller holds the product's stock rows locked (two transactions taking the last units
 * run one after the other, and only the one that reaches 0 sees a crossing). Call it after the change, before commit.
 */
export async function recordStockAlerts(tx: Tx, taken: ReadonlyMap<string, number>): Promise<StockAlert[]> {
  const changed = [...taken].filter(([, units]) => units !== 0).map(([productId]) => productId);
  if (changed.length === 0) return [];
  const states = await readAlertStates(tx, changed);
  const alerts: StockAlert[] = [];
  for (const productId of changed.sort()) {
    const state = states.get(productId)!;
    for (const kind of crossingsOf(state.available + taken.get(productId)!, state.available, state.threshold)) {
      alerts.push({ productId, kind, available: state.available, threshold: state.threshold });
    }
  }
  await publishAlerts(tx, alerts, states);
  return alerts;
}

/** The alerts as events, for the products whose seller is known; the others wait in pending_stock_alerts (same transaction either way). */
export async function publishAlerts(tx: Tx, alerts: readonly StockAlert[], states: ReadonlyMap<string, Pick<StockAlertState, 'sellerId'>>): Promise<void> {
  const known = alerts.filter((alert) => states.get(alert.productId)?.sellerId);
  const pending = alerts.filter((alert) => !states.get(alert.productId)?.sellerId);
  const events = await alertEvents(tx, known.map((alert) => ({ alert, sellerId: states.get(alert.productId)!.sellerId! })));
  await Promise.all([recordEvents(tx, events), pending.length ? tx.insert(pendingStockAlerts).values(pending) : undefined]);
}

/** Each alert as its event; low and sold-out ones name where a reorder should arrive (restockWarehouseIds, one query). */
export async function alertEvents(tx: Tx, alerts: readonly { alert: StockAlert; sellerId: string }[]): Promise<DomainEvent[]> {
  const falls = alerts.filter(({ alert }) => alert.kind !== 'BACK_IN_STOCK').map(({ alert }) => alert.productId);
  const restock = falls.length ? await restockWarehouseIds(tx, falls) : new Map<string, string>();
  return alerts.map(({ alert, sellerId }) => {
    const restockWarehouseId = restock.get(alert.productId) ?? null;
    if (alert.kind === 'LOW') return stockLow.create({ productId: alert.productId, sellerId, available: alert.available, threshold: alert.threshold, restockWarehouseId });
    if (alert.kind === 'SOLD_OUT') return stockSoldOut.create({ productId: alert.productId, sellerId, restockWarehouseId });
    return stockBackInStock.create({ productId: alert.productId, sellerId, available: alert.available });
  });
}

/**
 * Per product, where a reorder should arrive: the WAREHOUSE-kind warehouse holding the most of its units (stores sell
 * at their counters; the platform's warehouses are restocked first), else any warehouse with a row of it (then by id).
 */
export async function restockWarehouseIds(tx: Tx | Database<InventorySchema>, productIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx
    .selectDistinctOn([stockLevels.productId], { productId: stockLevels.productId, warehouseId: stockLevels.warehouseId })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(inArray(stockLevels.productId, [...new Set(productIds)]))
    .orderBy(stockLevels.productId, sql`${warehouses.kind} = 'WAREHOUSE' desc`, sql`${stockLevels.onHand} desc`, stockLevels.warehouseId);
  return new Map(rows.map((r) => [r.productId, r.warehouseId]));
}

import { eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@shop/db';
import { recordEvents, type DomainEvent } from '@shop/events';
import { stockLow, stockSoldOut } from '../contract.js';
import { pendingStockAlerts, stockLevels, stockSettings, type InventorySchema, type StockAlertKind } from '../db/schema.js';
import { DEFAULT_LOW_STOCK_THRESHOLD } from './stock.js';

type Tx = Transaction<InventorySchema>;

/**
 * Which alerts a change of available from `before` to `after` under one threshold raises. LOW: from above the threshold
 * to at or below it while still above 0; SOLD_OUT: from above 0 to 0. Rises raise nothing; they re-arm the next fall.
 */
export function crossingsOf(before: number, after: number, threshold: number): StockAlertKind[] {
  const kinds: StockAlertKind[] = [];
  if (before > threshold && after <= threshold && after > 0) kinds.push('LOW');
  if (before > 0 && after === 0) kinds.push('SOLD_OUT');
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
 * Records stock.low / stock.sold_out for the products whose available this transaction took units from, in it.
 * `taken` is each product's available units removed by this transaction: available before = now + taken, exact,
 * because the caller holds the product's stock rows locked (two transactions taking the last units run one after the
 * other, and only the one that reaches 0 sees a crossing). Call it after the change, before commit.
 */
export async function recordStockAlerts(tx: Tx, taken: ReadonlyMap<string, number>): Promise<StockAlert[]> {
  const fallen = [...taken].filter(([, units]) => units > 0).map(([productId]) => productId);
  if (fallen.length === 0) return [];
  const states = await readAlertStates(tx, fallen);
  const alerts: StockAlert[] = [];
  for (const productId of fallen.sort()) {
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
  const events: DomainEvent[] = [];
  const pending: StockAlert[] = [];
  for (const alert of alerts) {
    const sellerId = states.get(alert.productId)?.sellerId;
    if (sellerId) events.push(alertEvent(alert, sellerId));
    else pending.push(alert);
  }
  await Promise.all([recordEvents(tx, events), pending.length ? tx.insert(pendingStockAlerts).values(pending) : undefined]);
}

export function alertEvent(alert: StockAlert, sellerId: string): DomainEvent {
  return alert.kind === 'LOW'
    ? stockLow.create({ productId: alert.productId, sellerId, available: alert.available, threshold: alert.threshold })
    : stockSoldOut.create({ productId: alert.productId, sellerId });
}

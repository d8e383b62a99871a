import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { stockLevels, type InventorySchema, type StockLevelRow } from '../db/schema.js';
import { stockChanged } from '../contract.js';

type Tx = Transaction<InventorySchema>;

/**
 * Locks every warehouse row of these products in ONE global order (product_id, warehouse_id): every path that holds
 * several stock rows takes them through here, so two transactions can never wait on each other's rows in a cycle.
 * Returns the rows as they are now, in that order.
 */
export async function lockStock(tx: Tx, productIds: readonly string[]): Promise<StockLevelRow[]> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(stockLevels)
    .where(inArray(stockLevels.productId, ids))
    .orderBy(asc(stockLevels.productId), asc(stockLevels.warehouseId))
    .for('update');
}

/** Moves one locked row by the given amounts; the table's CHECKs remain the last line of defence against a bug here. */
export async function moveStock(tx: Tx, productId: string, warehouseId: string, change: { onHand?: number; reserved?: number }): Promise<void> {
  await tx
    .update(stockLevels)
    .set({
      onHand: sql`${stockLevels.onHand} + ${change.onHand ?? 0}`,
      reserved: sql`${stockLevels.reserved} + ${change.reserved ?? 0}`,
    })
    .where(and(eq(stockLevels.productId, productId), eq(stockLevels.warehouseId, warehouseId)));
}

/** Records stock.changed with each product's totals and warehouses as this transaction now sees them (its own rows are locked). */
export async function recordStockChanged(tx: Tx, productIds: readonly string[]): Promise<void> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  const rows = await tx.select().from(stockLevels).where(inArray(stockLevels.productId, ids));
  await recordEvents(tx, stockChangedEvents(ids, rows));
}

/**
 * One stock.changed per product (by product id), from its stock rows after the change: the totals and each warehouse,
 * by warehouse id. A product without rows has zero totals and no warehouses.
 */
export function stockChangedEvents(productIds: readonly string[], rows: readonly Pick<StockLevelRow, 'productId' | 'warehouseId' | 'onHand' | 'reserved'>[]) {
  return [...new Set(productIds)].sort().map((productId) => {
    const warehouses = rows
      .filter((r) => r.productId === productId)
      .sort((a, b) => (a.warehouseId < b.warehouseId ? -1 : 1))
      .map((r) => ({ warehouseId: r.warehouseId, onHand: r.onHand, reserved: r.reserved, available: r.onHand - r.reserved }));
    const onHand = warehouses.reduce((sum, w) => sum + w.onHand, 0);
    const reserved = warehouses.reduce((sum, w) => sum + w.reserved, 0);
    return stockChanged.create({ productId, onHand, reserved, available: onHand - reserved, warehouses });
  });
}

import { inArray, isNull, sql } from 'drizzle-orm';
import { createLogger } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { pendingStockAlerts, stockSettings, type InventorySchema } from '../db/schema.js';
import type { ProductDirectory, ProductRef } from './product-directory.js';
import { alertEvents } from './stock-alerts.js';

type Tx = Transaction<InventorySchema>;

const logger = createLogger('inventory-sellers');

/**
 * Keeps who sells these products (as the products subgraph just said) in stock_settings, so a stock change can name
 * the seller in its alert without asking the products subgraph inside a reservation. A product never changes seller.
 */
export async function rememberSellers(tx: Tx, products: readonly Pick<ProductRef, 'id' | 'sellerId'>[]): Promise<void> {
  if (products.length === 0) return;
  await tx
    .insert(stockSettings)
    .values(products.map((p) => ({ productId: p.id, sellerId: p.sellerId })))
    .onConflictDoUpdate({ target: stockSettings.productId, set: { sellerId: sql`excluded.seller_id` }, setWhere: isNull(stockSettings.sellerId) });
}

/**
 * Publishes the alerts that wait for their product's seller: asks the products subgraph who sells those products
 * (one call per batch), remembers them, and turns each pending alert into its event, deleting it in the same
 * transaction (SKIP LOCKED: replicas split the work, each alert is published once). An alert whose product the
 * products subgraph does not know has nobody to tell and is dropped. Returns how many alerts it published.
 * Throws SubgraphUnavailableError when the products subgraph does not answer (the next run tries again).
 */
export async function publishPendingAlerts(db: Database<InventorySchema>, products: ProductDirectory, batchSize = 100): Promise<number> {
  const waiting = await db.selectDistinct({ productId: pendingStockAlerts.productId }).from(pendingStockAlerts).limit(batchSize);
  if (waiting.length === 0) return 0;
  const found = await products.findProducts(waiting.map((w) => w.productId));
  return db.transaction(async (tx) => {
    await rememberSellers(tx, [...found.values()]);
    const alerts = await tx
      .select()
      .from(pendingStockAlerts)
      .where(inArray(pendingStockAlerts.productId, waiting.map((w) => w.productId)))
      .orderBy(pendingStockAlerts.createdAt)
      .for('update', { skipLocked: true });
    if (alerts.length === 0) return 0;
    const unknown = alerts.filter((a) => !found.has(a.productId));
    if (unknown.length) logger.warn({ productIds: [...new Set(unknown.map((a) => a.productId))] }, 'stock alerts for products the products subgraph does not know: dropped');
    const known = alerts.filter((a) => found.has(a.productId));
    await recordEvents(tx, await alertEvents(tx, known.map((alert) => ({ alert, sellerId: found.get(alert.productId)!.sellerId }))));
    await tx.delete(pendingStockAlerts).where(inArray(pendingStockAlerts.id, alerts.map((a) => a.id)));
    return known.length;
  });
}

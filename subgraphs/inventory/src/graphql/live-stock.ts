import { eq } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { stockSettings, type InventorySchema } from '../db/schema.js';
import { DEFAULT_LOW_STOCK_THRESHOLD, loadStock, type ProductStock } from '../domain/stock.js';
import type { StockTotals } from './parents.js';

/**
 * A product's stock as one stock.changed event left it: the totals (and lowStock) are the event's, so every
 * subscriber sees that change's numbers rather than a later read; the per-warehouse split is read now.
 * Read directly, not through the request's DataLoader: a subscription's context lives as long as the subscription,
 * and a cached read would repeat the first event's warehouses forever.
 */
export async function stockAtEvent(db: Database<InventorySchema>, productId: string, totals: StockTotals): Promise<ProductStock> {
  const [current, [settings]] = await Promise.all([
    loadStock(db, [productId]),
    db.select({ threshold: stockSettings.lowStockThreshold }).from(stockSettings).where(eq(stockSettings.productId, productId)),
  ]);
  const threshold = settings?.threshold ?? DEFAULT_LOW_STOCK_THRESHOLD;
  return { ...current.get(productId)!, ...totals, lowStock: totals.available <= threshold };
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { fail, issuesToUserErrors, ok, userError, zId, type Result } from '@shop/common';
import type { Database } from '@shop/db';
import type { Viewer } from '@shop/auth';
import { MAX_LOW_STOCK_THRESHOLD } from '../contract.js';
import { stockSettings, type InventorySchema } from '../db/schema.js';
import { InventoryErrorCode } from '../errors.js';
import { findManagedProduct, mayManageAnyStock } from './access.js';
import type { ProductDirectory } from './product-directory.js';
import { DEFAULT_LOW_STOCK_THRESHOLD } from './stock.js';
import { publishAlerts, readAlertStates, thresholdCrossingsOf } from './stock-alerts.js';
import { lockStock } from './stock-locks.js';

const setThresholdInput = z.object({
  productId: zId,
  threshold: z
    .number()
    .int({ message: 'Must be a whole number.' })
    .min(0, { message: 'Must be 0 or more.' })
    .max(MAX_LOW_STOCK_THRESHOLD, { message: `Must be at most ${MAX_LOW_STOCK_THRESHOLD}.` }),
});

/**
 * A seller's (own products only) or an admin's new low-stock threshold for a product. When it rises over the units
 * available now (and they are above 0) the product has just become low: stock.low is published, in the same
 * transaction, as when a sale takes available down across the threshold. Lowering it publishes nothing.
 */
export async function setLowStockThreshold(
  db: Database<InventorySchema>,
  products: ProductDirectory,
  viewer: Viewer,
  input: { productId: string; threshold: number },
): Promise<Result<{ productId: string; threshold: number }>> {
  const parsed = setThresholdInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error));
  const { productId, threshold } = parsed.data;
  const forbidden = userError(InventoryErrorCode.Forbidden, "Only the product's seller or an admin can set its low-stock threshold.");
  if (!mayManageAnyStock(viewer)) return fail(forbidden);

  const found = await findManagedProduct(products, viewer, productId, { field: ['productId'], forbidden });
  if (!found.ok) return found;
  const product = found.value;

  await db.transaction(async (tx) => {
    // The stock rows' locks order this against every stock change, so each crossing is seen by exactly one of them.
    await lockStock(tx, [productId]);
    const [previous] = await tx.select({ threshold: stockSettings.lowStockThreshold }).from(stockSettings).where(eq(stockSettings.productId, productId)).for('update');
    await tx
      .insert(stockSettings)
      .values({ productId, lowStockThreshold: threshold, sellerId: product.sellerId })
      .onConflictDoUpdate({ target: stockSettings.productId, set: { lowStockThreshold: threshold, sellerId: product.sellerId } });
    const { available } = (await readAlertStates(tx, [productId])).get(productId)!;
    const alerts = thresholdCrossingsOf(available, previous?.threshold ?? DEFAULT_LOW_STOCK_THRESHOLD, threshold).map((kind) => ({ productId, kind, available, threshold }));
    await publishAlerts(tx, alerts, new Map([[productId, { sellerId: product.sellerId }]]));
  });
  return ok({ productId, threshold });
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { fail, issuesToUserErrors, ok, userError, zId, type Result } from '@shop/common';
import type { Database } from '@shop/db';
import type { Viewer } from '@shop/auth';
import { warehouses, type InventorySchema, type StockMovementReason } from '../db/schema.js';
import { InventoryErrorCode } from '../errors.js';
import { findManagedProduct, mayManageAnyStock } from './access.js';
import { recordStockChange } from './movements.js';
import type { ProductDirectory } from './product-directory.js';
import { rememberSellers } from './sellers.js';

export const MAX_ADJUSTMENT = 1_000_000;

const adjustStockInput = z
  .object({
    productId: zId,
    warehouseId: zId,
    delta: z
      .number()
      .int({ message: 'Must be a whole number.' })
      .refine((d) => d !== 0, { message: 'Must not be zero.' })
      .refine((d) => Math.abs(d) <= MAX_ADJUSTMENT, { message: `Must be between -${MAX_ADJUSTMENT} and ${MAX_ADJUSTMENT}.` }),
    // SALE movements come only from the checkout committing a reservation.
    reason: z.enum(['RESTOCK', 'ADJUSTMENT', 'RETURN'], { message: 'Must be RESTOCK, ADJUSTMENT or RETURN; SALE is recorded by the checkout.' }),
  })
  .refine((input) => input.reason === 'ADJUSTMENT' || input.delta > 0, { message: 'RESTOCK and RETURN add units; use ADJUSTMENT to remove them.', path: ['delta'] });

/** As the client sent it; every rule (including that SALE is not allowed here) is checked inside. */
export interface AdjustStockInput {
  productId: string;
  warehouseId: string;
  delta: number;
  reason: StockMovementReason;
}

/** A seller's or admin's manual change of a product's units in one warehouse, written to the ledger with who and why. */
export async function adjustStock(
  db: Database<InventorySchema>,
  products: ProductDirectory,
  viewer: Viewer,
  input: AdjustStockInput,
): Promise<Result<{ productId: string }>> {
  const parsed = adjustStockInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const { productId, warehouseId, delta, reason } = parsed.data;
  const forbidden = userError(InventoryErrorCode.Forbidden, "Only the product's seller or an admin can change its stock.");
  if (!mayManageAnyStock(viewer)) return fail(forbidden);

  const [warehouse] = await db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.id, warehouseId)).limit(1);
  if (!warehouse) return fail(userError(InventoryErrorCode.NotFound, 'No warehouse has this ID.', ['input', 'warehouseId']));

  const found = await findManagedProduct(products, viewer, productId, { field: ['input', 'productId'], forbidden });
  if (!found.ok) return found;
  const product = found.value;

  const result = await db.transaction(async (tx) => {
    // Stocked products have their seller on record, so their alerts need not ask the products subgraph (a refused
    // change keeps this fact, which no user sees, and nothing else).
    await rememberSellers(tx, [product]);
    return recordStockChange(tx, { productId, warehouseId, delta, reason, actorId: viewer.id });
  });
  return result.ok ? ok({ productId }) : result;
}

import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Viewer } from '@shop/auth';
import { fail, issuesToUserErrors, ok, userError, zId, zUnits, type Result } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import { stockLevels, stockMovements, warehouses, type InventorySchema } from '../db/schema.js';
import { InventoryErrorCode } from '../errors.js';
import { findManagedProduct, mayManageAnyStock } from './access.js';
import { MAX_ON_HAND } from './movements.js';
import type { ProductDirectory } from './product-directory.js';
import { rememberSellers } from './sellers.js';
import { lockStock, moveStock, recordStockChanged } from './stock-locks.js';

type Tx = Transaction<InventorySchema>;

export const MAX_TRANSFER = 1_000_000;

const transferStockInput = z
  .object({
    productId: zId,
    fromWarehouseId: zId,
    toWarehouseId: zId,
    quantity: zUnits(MAX_TRANSFER),
  })
  .refine((input) => input.fromWarehouseId !== input.toWarehouseId, { message: 'Must be another warehouse than fromWarehouseId.', path: ['toWarehouseId'] });

export type TransferStockInput = z.input<typeof transferStockInput>;

/** A seller's or admin's move of a product's units from one warehouse to another (see transfer). */
export async function transferStock(
  db: Database<InventorySchema>,
  products: ProductDirectory,
  viewer: Viewer,
  input: TransferStockInput,
): Promise<Result<{ productId: string }>> {
  const parsed = transferStockInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const forbidden = userError(InventoryErrorCode.Forbidden, "Only the product's seller or an admin can move its stock.");
  if (!mayManageAnyStock(viewer)) return fail(forbidden);
  const found = await findManagedProduct(products, viewer, parsed.data.productId, { field: ['input', 'productId'], forbidden });
  if (!found.ok) return found;
  return db.transaction(async (tx) => {
    await rememberSellers(tx, [found.value]);
    const result = await transfer(tx, { ...parsed.data, actorId: viewer.id });
    return result.ok ? ok({ productId: parsed.data.productId }) : result;
  });
}

/**
 * TRANSFER -quantity at the source and +quantity at the destination, in the caller's transaction, on the product's
 * rows locked in the global order (as reservations and counter sales take them): the source's available units
 * (onHand - reserved) must cover the quantity, so a transfer never takes units an unpaid order holds. Each movement's
 * note names the other warehouse. The product's total available does not change, so no stock alert can cross; one
 * stock.changed carries both warehouses' new figures.
 */
export async function transfer(
  tx: Tx,
  move: { productId: string; fromWarehouseId: string; toWarehouseId: string; quantity: number; actorId: string | null },
): Promise<Result<void>> {
  const { productId, fromWarehouseId, toWarehouseId, quantity } = move;
  const named = await tx.select({ id: warehouses.id, name: warehouses.name }).from(warehouses).where(inArray(warehouses.id, [fromWarehouseId, toWarehouseId]));
  const from = named.find((w) => w.id === fromWarehouseId);
  const to = named.find((w) => w.id === toWarehouseId);
  if (!from) return fail(userError(InventoryErrorCode.NotFound, 'No warehouse has this ID.', ['input', 'fromWarehouseId']));
  if (!to) return fail(userError(InventoryErrorCode.NotFound, 'No warehouse has this ID.', ['input', 'toWarehouseId']));

  const locked = await lockStock(tx, [productId]);
  const source = locked.find((l) => l.warehouseId === fromWarehouseId);
  if (!source || source.onHand - source.reserved < quantity) {
    const available = source ? source.onHand - source.reserved : 0;
    return fail(userError(InventoryErrorCode.InsufficientStock, `Only ${available} unreserved units are in the source warehouse.`, ['input', 'quantity']));
  }
  const [arrived] = await tx
    .insert(stockLevels)
    .values({ productId, warehouseId: toWarehouseId, onHand: quantity, reserved: 0 })
    .onConflictDoUpdate({
      target: [stockLevels.productId, stockLevels.warehouseId],
      set: { onHand: sql`${stockLevels.onHand} + ${quantity}` },
      setWhere: sql`${stockLevels.onHand} + ${quantity} <= ${MAX_ON_HAND}`,
    })
    .returning({ onHand: stockLevels.onHand });
  if (!arrived) return fail(userError(InventoryErrorCode.InvalidInput, `A warehouse can hold at most ${MAX_ON_HAND} units of a product.`, ['input', 'quantity']));
  await moveStock(tx, productId, fromWarehouseId, { onHand: -quantity });
  await tx.insert(stockMovements).values([
    { productId, warehouseId: fromWarehouseId, delta: -quantity, reason: 'TRANSFER', actorId: move.actorId, note: `to ${to.name}` },
    { productId, warehouseId: toWarehouseId, delta: quantity, reason: 'TRANSFER', actorId: move.actorId, note: `from ${from.name}` },
  ]);
  await recordStockChanged(tx, [productId]);
  return ok(undefined);
}

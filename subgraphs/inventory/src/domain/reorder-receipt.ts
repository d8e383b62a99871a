import { eq } from 'drizzle-orm';
import { createLogger } from '@shop/common';
import type { Transaction } from '@shop/db';
import type { ReorderReceivedPayload } from '@shop/purchasing/contract';
import { stockMovements, warehouses, type InventorySchema } from '../db/schema.js';
import { recordStockChange } from './movements.js';
import { rememberSellers } from './sellers.js';

type Tx = Transaction<InventorySchema>;

const logger = createLogger('inventory-reorders');

/** The ledger reference of a received reorder's RESTOCK: unique, so no replay of any kind can restock it twice. */
export const reorderReference = (reorderId: string) => `reorder:${reorderId}`;

/**
 * A received reorder's units arrive: one RESTOCK movement of its quantity into its warehouse, once per reorder. The
 * inbox already drops a replayed event; the movement's unique reference also holds when the same reorder arrives as
 * another event (a re-sent or re-published one). Returns whether it restocked.
 */
export async function receiveReorder(tx: Tx, received: ReorderReceivedPayload): Promise<boolean> {
  const reference = reorderReference(received.reorderId);
  const [done] = await tx.select({ id: stockMovements.id }).from(stockMovements).where(eq(stockMovements.reference, reference));
  if (done) return false;
  const [warehouse] = await tx.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.id, received.warehouseId));
  if (!warehouse) {
    // purchasing checked the warehouse when the reorder was made; warehouses are never deleted, so this is a bug there.
    logger.error({ reorderId: received.reorderId, warehouseId: received.warehouseId }, 'a received reorder names no warehouse inventory knows; nothing restocked');
    return false;
  }
  await rememberSellers(tx, [{ id: received.productId, sellerId: received.sellerId }]);
  const result = await recordStockChange(tx, {
    productId: received.productId,
    warehouseId: received.warehouseId,
    delta: received.quantity,
    reason: 'RESTOCK',
    actorId: null,
    note: `reorder ${received.reorderId}`,
    reference,
  });
  if (!result.ok) throw new Error(`reorder ${received.reorderId} could not be restocked: ${result.errors.map((e) => e.message).join('; ')}`);
  return true;
}

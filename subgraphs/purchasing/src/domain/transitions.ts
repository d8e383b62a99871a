import { eq } from 'drizzle-orm';
import { fail, ok, type Result, userError } from '@shop/common';
import type { Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { reorderReceived } from '../contract.js';
import { reorderRequests, reorderStatusHistory, type PurchasingSchema, type ReorderRow, type ReorderStatus } from '../db/schema.js';
import { PurchasingErrorCode } from '../errors.js';

/** The reorder state machine: the only changes code may make, and the table the tests walk. RECEIVED and CANCELLED are final. */
export const reorderTransitions: Readonly<Record<ReorderStatus, readonly ReorderStatus[]>> = {
  DRAFT: ['SENT', 'CANCELLED'],
  SENT: ['RECEIVED', 'CANCELLED'],
  RECEIVED: [],
  CANCELLED: [],
};

export const canTransition = (from: ReorderStatus, to: ReorderStatus): boolean => reorderTransitions[from].includes(to);

export const invalidTransition = (from: ReorderStatus, to: ReorderStatus) =>
  userError(PurchasingErrorCode.InvalidTransition, `A reorder request cannot go from ${from} to ${to}.`, ['status']);

/**
 * Moves a request to `to`. The row is locked first, so concurrent moves of one request run one after the other and
 * each judges the status the previous one left: asking for the status it already has returns it unchanged (a
 * repeated or raced RECEIVED is answered, not refused, and receives nothing twice); any move the table does not allow
 * is INVALID_TRANSITION. The history row and, on RECEIVED, reorder.received (inventory restocks from it) commit in
 * the caller's transaction with the change. null when no request has the id.
 */
export async function transitionReorder(tx: Transaction<PurchasingSchema>, reorderId: string, to: ReorderStatus, actorId: string | null, mayMove: (row: ReorderRow) => boolean): Promise<Result<ReorderRow> | null> {
  const [row] = await tx.select().from(reorderRequests).where(eq(reorderRequests.id, reorderId)).for('update');
  if (!row || !mayMove(row)) return null;
  if (row.status === to) return ok(row);
  if (!canTransition(row.status, to)) return fail(invalidTransition(row.status, to));
  const [changed] = await tx.update(reorderRequests).set({ status: to, updatedAt: new Date() }).where(eq(reorderRequests.id, reorderId)).returning();
  await tx.insert(reorderStatusHistory).values({ reorderId, fromStatus: row.status, toStatus: to, actorId });
  if (to === 'RECEIVED') {
    await recordEvents(tx, [
      reorderReceived.create({ reorderId, productId: row.productId, warehouseId: row.warehouseId, quantity: row.quantity, sellerId: row.sellerId }),
    ]);
  }
  return ok(changed!);
}

import { and, asc, eq, lt } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { orders, type OrdersSchema } from '../db/schema.js';
import { transitionOrder } from './transitions.js';

export const EXPIRY_BATCH_SIZE = 100;

/**
 * Cancels (reason EXPIRED) every order still AWAITING_PAYMENT whose reservation lapsed before `now`. Each batch is
 * locked with SKIP LOCKED, so sweepers on several replicas split the work instead of cancelling an order twice;
 * transitionOrder's conditional update is the second guard. Returns how many orders it cancelled.
 */
export async function expireOrders(db: Database<OrdersSchema>, now: Date, batchSize = EXPIRY_BATCH_SIZE): Promise<number> {
  let expired = 0;
  for (;;) {
    const { selected, cancelled } = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.status, 'AWAITING_PAYMENT'), lt(orders.reservedUntil, now)))
        .orderBy(asc(orders.reservedUntil))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      let done = 0;
      for (const { id } of due) if ((await transitionOrder(tx, id, 'CANCELLED', { reason: 'EXPIRED', actorId: null })).ok) done += 1;
      return { selected: due.length, cancelled: done };
    });
    expired += cancelled;
    if (selected < batchSize) return expired;
  }
}

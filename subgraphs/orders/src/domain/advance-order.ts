import { eq } from 'drizzle-orm';
import { fail, type Result, userError } from '@shop/common';
import type { Database } from '@shop/db';
import { orders, type OrderRow, type OrdersSchema, type OrderStatus } from '../db/schema.js';
import { OrdersErrorCode } from '../errors.js';
import type { Actor } from './cancel-order.js';
import { invalidTransition, transitionOrder } from './transitions.js';

/** advanceOrder moves fulfilment forward only; paying and cancelling have their own ways in. */
const advanceTargets = ['SHIPPED', 'DELIVERED'] as const satisfies readonly OrderStatus[];
const isAdvanceTarget = (to: OrderStatus): to is (typeof advanceTargets)[number] => (advanceTargets as readonly OrderStatus[]).includes(to);

/** Admin only: PAID -> SHIPPED -> DELIVERED, one step at a time, as the transition table allows. */
export async function advanceOrder(db: Database<OrdersSchema>, actor: Actor, orderId: string, to: OrderStatus): Promise<Result<OrderRow>> {
  if (!actor.admin) return fail(userError(OrdersErrorCode.Forbidden, 'Only an admin can advance an order.'));
  return db.transaction(async (tx) => {
    const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order) return fail(userError(OrdersErrorCode.NotFound, 'No order with this id.', ['id']));
    if (!isAdvanceTarget(to)) return fail(invalidTransition(order.status, to));
    const changed = await transitionOrder(tx, orderId, to, { reason: to, actorId: actor.id });
    return changed.ok ? { ok: true, value: changed.value.order } : changed;
  });
}

import { eq } from 'drizzle-orm';
import { fail, type Result, userError } from '@shop/common';
import type { Database } from '@shop/db';
import { orders, type OrderRow, type OrdersSchema, type OrderStatus } from '../db/schema.js';
import { OrdersErrorCode } from '../errors.js';
import { invalidTransition, transitionOrder } from './transitions.js';

export interface Actor {
  id: string;
  admin: boolean;
}

/** Who may cancel from which status; the transition table still has the last word. */
const cancellableBy = { customer: ['AWAITING_PAYMENT'], admin: ['AWAITING_PAYMENT', 'PAID'] } as const satisfies Record<string, readonly OrderStatus[]>;

/**
 * The customer cancels before paying (reason CUSTOMER); an admin before shipping (reason ADMIN). Someone else's
 * order looks missing. Stock and refunds follow from the order.status_changed event, in inventory and payments.
 */
export async function cancelOrder(db: Database<OrdersSchema>, actor: Actor, orderId: string): Promise<Result<OrderRow>> {
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order || (order.customerId !== actor.id && !actor.admin)) return fail(userError(OrdersErrorCode.NotFound, 'No order with this id.', ['id']));
    const allowed: readonly OrderStatus[] = actor.admin ? cancellableBy.admin : cancellableBy.customer;
    if (!allowed.includes(order.status)) return fail(invalidTransition(order.status, 'CANCELLED'));
    const changed = await transitionOrder(tx, orderId, 'CANCELLED', { reason: actor.admin ? 'ADMIN' : 'CUSTOMER', actorId: actor.id });
    return changed.ok ? { ok: true, value: changed.value.order } : changed;
  });
}

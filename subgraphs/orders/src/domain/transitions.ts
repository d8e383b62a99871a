import { and, asc, eq } from 'drizzle-orm';
import { fail, ok, type Result, userError } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { cancellationReason, orderLines, orders, orderStatusHistory, type CancellationReason, type OrderRow, type OrdersSchema, type OrderStatus } from '../db/schema.js';
import { OrdersErrorCode } from '../errors.js';
import { orderStatusChanged } from '../contract.js';
import { eventLine, orderFacts } from './orders.js';

type Tx = Transaction<OrdersSchema> | Database<OrdersSchema>;

/**
 * The order state machine: the only changes code may make, and the table the tests walk.
 * DELIVERED and CANCELLED are final.
 */
export const orderTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  AWAITING_PAYMENT: ['PAID', 'CANCELLED'],
  PAID: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
};

export const canTransition = (from: OrderStatus, to: OrderStatus): boolean => orderTransitions[from].includes(to);

/**
 * Why a change happened: a cancellation reason, or what moved the order forward (a captured payment, an admin's
 * shipping or delivery). Kept in order_status_history, shown as OrderStatusChange.reason; placing writes PLACED.
 */
export type OrderChangeReason = CancellationReason | 'PAYMENT_CAPTURED' | 'SHIPPED' | 'DELIVERED';

export interface TransitionOptions {
  reason: OrderChangeReason | null;
  /** The user who caused it; null for the system (payments, expiry). */
  actorId: string | null;
  /** With to = PAID: the payment whose capture paid the order. */
  paymentId?: string;
}

export interface Transitioned {
  order: OrderRow;
  from: OrderStatus;
}

const isCancellationReason = (reason: unknown): reason is CancellationReason => (cancellationReason.enumValues as readonly unknown[]).includes(reason);

/**
 * Moves an order to `to` if the table allows it from its current status. The UPDATE is conditional on the status
 * it read, so when two replicas race only one applies the change; the loser sees INVALID_TRANSITION and nothing changes.
 * The history row and the order.status_changed event commit in the caller's transaction, with the change.
 */
export async function transitionOrder(tx: Tx, orderId: string, to: OrderStatus, options: TransitionOptions): Promise<Result<Transitioned>> {
  if (to === 'CANCELLED' && !isCancellationReason(options.reason)) throw new Error(`Cancelling needs a cancellation reason, got ${options.reason}`);
  const [current] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  if (!current) return fail(userError(OrdersErrorCode.NotFound, 'No order with this id.'));
  const from = current.status;
  if (!canTransition(from, to)) return fail(invalidTransition(from, to));
  const [order] = await tx
    .update(orders)
    .set({
      status: to,
      updatedAt: new Date(),
      ...(to === 'CANCELLED' ? { cancellationReason: options.reason as CancellationReason } : {}),
      ...(to === 'PAID' && options.paymentId ? { paidPaymentId: options.paymentId } : {}),
    })
    .where(and(eq(orders.id, orderId), eq(orders.status, from)))
    .returning();
  // Someone else changed the status between our read and our update: their change stands, ours is refused.
  if (!order) return fail(invalidTransition(from, to));
  await tx.insert(orderStatusHistory).values({ orderId, fromStatus: from, toStatus: to, reason: options.reason, actorId: options.actorId });
  const lines = (await tx.select({ productId: orderLines.productId, quantity: orderLines.quantity, unitPriceMinor: orderLines.unitPriceMinor }).from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNo))).map(eventLine);
  await recordEvents(tx, [
    orderStatusChanged.create({ ...orderFacts(order), from, to, reason: to === 'CANCELLED' ? (options.reason as CancellationReason) : null, lines }),
  ]);
  return ok({ order, from });
}

export const invalidTransition = (from: OrderStatus, to: OrderStatus) =>
  userError(OrdersErrorCode.InvalidTransition, `An order cannot go from ${from} to ${to}.`);

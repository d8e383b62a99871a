import { eq } from 'drizzle-orm';
import { createLogger } from '@shop/common';
import type { Transaction } from '@shop/db';
import { recordEvents, type DomainEvent } from '@shop/events';
import { orders, type OrdersSchema } from '../db/schema.js';
import { orderRefundRequested, paymentStatusChangedPayload } from '../events.js';
import { transitionOrder } from './transitions.js';

const logger = createLogger('orders.payment-events');

/**
 * The effect of payment.status_changed, run inside handleOnce's transaction. CAPTURED pays an order that awaits
 * payment; a capture that arrives when the order is no longer waiting (expired, cancelled, or paid by another
 * payment) asks payments to refund it. FAILED changes nothing: the shopper may pay again until the order expires.
 * Returns whether it recorded events.
 */
export async function applyPaymentStatusChanged(tx: Transaction<OrdersSchema>, event: DomainEvent): Promise<boolean> {
  const parsed = paymentStatusChangedPayload.safeParse(event.payload);
  if (!parsed.success) {
    // Retrying cannot fix a malformed payload; dropping it (the inbox keeps its id) is the only way forward.
    logger.error({ eventId: event.id, issues: parsed.error.issues }, 'ignoring a malformed payment.status_changed');
    return false;
  }
  const { paymentId, orderId, status } = parsed.data;
  if (status !== 'CAPTURED') return false;
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order) {
    logger.error({ eventId: event.id, orderId, paymentId }, 'a payment was captured for an unknown order');
    return false;
  }
  if (order.paidPaymentId === paymentId) return false;
  if (order.status === 'AWAITING_PAYMENT') {
    const paid = await transitionOrder(tx, orderId, 'PAID', { reason: 'PAYMENT_CAPTURED', actorId: null, paymentId });
    if (paid.ok) return true;
  }
  const reason = order.status === 'CANCELLED' ? 'ORDER_CANCELLED' : 'ORDER_ALREADY_PAID';
  await recordEvents(tx, [orderRefundRequested({ orderId, paymentId, reason })]);
  return true;
}

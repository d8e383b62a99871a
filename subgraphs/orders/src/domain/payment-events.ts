import { eq } from 'drizzle-orm';
import { createLogger } from '@shop/common';
import type { Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import type { PaymentStatusChangedPayload } from '@shop/payments/contract';
import { orderRefundRequested } from '../contract.js';
import { orders, type OrdersSchema } from '../db/schema.js';
import { transitionOrder } from './transitions.js';

const logger = createLogger('orders.payment-events');

/**
 * The effect of payment.status_changed, run inside handleOnce's transaction. CAPTURED pays an order that awaits
 * payment; a capture that arrives when the order is no longer waiting (expired, cancelled, or paid by another
 * payment) asks payments to refund it. FAILED changes nothing: the shopper may pay again until the order expires.
 */
export async function applyPaymentStatusChanged(tx: Transaction<OrdersSchema>, payment: PaymentStatusChangedPayload): Promise<void> {
  const { paymentId, orderId, status } = payment;
  if (status !== 'CAPTURED') return;
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order) {
    logger.error({ orderId, paymentId }, 'a payment was captured for an unknown order');
    return;
  }
  if (order.paidPaymentId === paymentId) return;
  if (order.status === 'AWAITING_PAYMENT') {
    const paid = await transitionOrder(tx, orderId, 'PAID', { reason: 'PAYMENT_CAPTURED', actorId: null, paymentId });
    if (paid.ok) return;
  }
  const reason = order.status === 'CANCELLED' ? 'ORDER_CANCELLED' : 'ORDER_ALREADY_PAID';
  await recordEvents(tx, [orderRefundRequested.create({ orderId, paymentId, reason })]);
}

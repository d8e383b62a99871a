import { consumerFor } from '@shop/kernel';
import { orderRefundRequested, orderStatusChanged } from '@shop/orders/contract';
import type { PaymentsSchema } from './db/schema.js';
import { findCapturedPayment, refundPayment } from './domain/refund.js';
import type { PaymentProvider } from './provider/payment-provider.js';

const consume = consumerFor<{ provider: PaymentProvider }, PaymentsSchema>();

/**
 * Refunds on the orders subgraph's say-so: an order cancelled after it was PAID, or a payment captured for an order
 * that no longer awaited payment. A provider failure throws, the transaction rolls back (inbox row included) and the
 * bus delivers the event again.
 */
export const paymentsConsumers = [
  consume(orderStatusChanged, {
    // Only an order cancelled after it was PAID asks payments for anything.
    wants: (change) => change.from === 'PAID' && change.to === 'CANCELLED',
    handle: async (tx, change, _event, { provider }) => {
      const paymentId = await findCapturedPayment(tx, change.orderId);
      if (paymentId) await refundPayment(tx, provider, paymentId);
    },
  }),
  consume(orderRefundRequested, {
    handle: async (tx, request, _event, { provider }) => void (await refundPayment(tx, provider, request.paymentId)),
  }),
];

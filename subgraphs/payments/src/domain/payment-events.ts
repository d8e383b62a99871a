import { paymentStatusChanged } from '../contract.js';
import type { PaymentRow } from '../db/schema.js';

/** The payment.status_changed event for a payment row as it now stands. */
export const paymentStatusEvent = (payment: PaymentRow) =>
  paymentStatusChanged.create({
    paymentId: payment.id,
    orderId: payment.orderId,
    customerId: payment.customerId,
    status: payment.status,
    failureReason: payment.failureReason,
    amountMinor: payment.amountMinor.toString(),
    currency: payment.currency,
  });

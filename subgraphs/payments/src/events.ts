import { newEvent, type DomainEvent } from '@shop/events';
import type { PaymentRow, PaymentStatus } from './db/schema.js';

/** The events payments publishes and consumes, as docs/architecture.md defines them. */
export const EventType = {
  PaymentStatusChanged: 'payment.status_changed',
  OrderStatusChanged: 'order.status_changed',
  OrderRefundRequested: 'order.refund_requested',
} as const;

export interface PaymentStatusChangedPayload extends Record<string, unknown> {
  paymentId: string;
  orderId: string;
  customerId: string;
  status: PaymentStatus;
  failureReason: string | null;
  /** Minor units as a string: JSON has no bigint. */
  amountMinor: string;
  currency: string;
}

export interface OrderStatusChangedPayload {
  orderId: string;
  customerId: string;
  from: string | null;
  to: string;
  reason: string | null;
  lines: { productId: string; quantity: number }[];
}

export interface OrderRefundRequestedPayload {
  orderId: string;
  paymentId: string;
  reason: string;
}

export const paymentStatusChanged = (payment: PaymentRow): DomainEvent<PaymentStatusChangedPayload> =>
  newEvent('payments', EventType.PaymentStatusChanged, payment.id, {
    paymentId: payment.id,
    orderId: payment.orderId,
    customerId: payment.customerId,
    status: payment.status,
    failureReason: payment.failureReason,
    amountMinor: payment.amountMinor.toString(),
    currency: payment.currency,
  });

import { z } from 'zod';
import { newEvent, type DomainEvent } from '@shop/events';
import type { CancellationReason, OrderStatus } from './db/schema.js';

/** The events orders publishes and consumes (docs/architecture.md, "Events"). */
export const ORDERS_SOURCE = 'orders';
export const ORDERS_CONSUMER = 'orders';
export const OrderEventType = {
  StatusChanged: 'order.status_changed',
  RefundRequested: 'order.refund_requested',
} as const;
export const PAYMENT_STATUS_CHANGED = 'payment.status_changed';

export interface OrderStatusChangedPayload extends Record<string, unknown> {
  orderId: string;
  customerId: string;
  /** null when the order was just placed. */
  from: OrderStatus | null;
  to: OrderStatus;
  reason: CancellationReason | null;
  lines: { productId: string; quantity: number }[];
}

export interface OrderRefundRequestedPayload extends Record<string, unknown> {
  orderId: string;
  paymentId: string;
  reason: string;
}

export const orderStatusChanged = (payload: OrderStatusChangedPayload): DomainEvent<OrderStatusChangedPayload> =>
  newEvent(ORDERS_SOURCE, OrderEventType.StatusChanged, payload.orderId, payload);

export const orderRefundRequested = (payload: OrderRefundRequestedPayload): DomainEvent<OrderRefundRequestedPayload> =>
  newEvent(ORDERS_SOURCE, OrderEventType.RefundRequested, payload.orderId, payload);

/** What orders reads from payments' event; parsed, because it crosses a service boundary. */
export const paymentStatusChangedPayload = z.object({
  paymentId: z.uuid(),
  orderId: z.uuid(),
  customerId: z.uuid().optional(),
  status: z.enum(['PENDING', 'AUTHORIZED', 'CAPTURED', 'FAILED', 'REFUNDED']),
  failureReason: z.string().nullish(),
  amountMinor: z.string().optional(),
  currency: z.string().optional(),
});
export type PaymentStatusChangedPayload = z.infer<typeof paymentStatusChangedPayload>;

import { z } from 'zod';
import { defineEvent, type PayloadOf } from '@shop/events';

/** What orders publishes (docs/architecture.md, "Events"): consumers parse these very schemas. */
export const ORDER_STATUSES = ['AWAITING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const;
export const CANCELLATION_REASONS = ['EXPIRED', 'CUSTOMER', 'ADMIN'] as const;

export const orderStatusChanged = defineEvent({
  source: 'orders',
  type: 'order.status_changed',
  aggregateId: (p) => p.orderId,
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    /** null when the order was just placed. */
    from: z.enum(ORDER_STATUSES).nullable(),
    to: z.enum(ORDER_STATUSES),
    reason: z.enum(CANCELLATION_REASONS).nullable(),
    lines: z.array(
      z.object({
        productId: z.uuid(),
        quantity: z.number().int().positive(),
        /** The line's unit price snapshot, in minor units of total's currency. Optional: events recorded before it was added lack it. */
        unitPriceMinor: z.number().int().nonnegative().optional(),
      }),
    ),
    /** ORD-000123. Optional: events recorded before it was added lack it (every event carries it now). */
    number: z.string().optional(),
    /** The order's total in minor units (integer). Optional, as number (every event carries it now). */
    total: z.object({ amountMinor: z.number().int().nonnegative(), currency: z.string().length(3) }).optional(),
    /**
     * The shipping chosen at checkout (method, its cost in minor units of total's currency, the address's region);
     * null for an order without one. Optional: events recorded before shipping existed lack it. shipping creates the
     * order's shipment when it is PAID with one.
     */
    shipping: z.object({ methodId: z.uuid(), costMinor: z.number().int().nonnegative(), region: z.string() }).nullable().optional(),
  }),
});
export type OrderStatusChangedPayload = PayloadOf<typeof orderStatusChanged>;

/** A captured payment orders cannot keep (the order expired, was cancelled or was already paid): payments refunds it. */
export const orderRefundRequested = defineEvent({
  source: 'orders',
  type: 'order.refund_requested',
  aggregateId: (p) => p.orderId,
  schema: z.object({ orderId: z.uuid(), paymentId: z.uuid(), reason: z.string().max(100) }),
});
export type OrderRefundRequestedPayload = PayloadOf<typeof orderRefundRequested>;


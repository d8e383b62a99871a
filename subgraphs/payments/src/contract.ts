import { z } from 'zod';
import { defineEvent, type PayloadOf } from '@shop/events';

/** What payments publishes (docs/architecture.md, "Events"): consumers parse this very schema. */
export const PAYMENT_STATUSES = ['PENDING', 'AUTHORIZED', 'CAPTURED', 'FAILED', 'REFUNDED'] as const;

export const paymentStatusChanged = defineEvent({
  source: 'payments',
  type: 'payment.status_changed',
  aggregateId: (p) => p.paymentId,
  schema: z.object({
    paymentId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    status: z.enum(PAYMENT_STATUSES),
    failureReason: z.string().nullable(),
    /** Minor units as a string: JSON has no bigint. */
    amountMinor: z.string().regex(/^\d+$/),
    currency: z.string().length(3),
  }),
});
export type PaymentStatusChangedPayload = PayloadOf<typeof paymentStatusChanged>;

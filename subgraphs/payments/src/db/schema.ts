import { sql } from 'drizzle-orm';
import { bigint, char, check, index, integer, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { deadLetters, inbox, outbox } from '@shop/events';
import { PAYMENT_STATUSES } from '../contract.js';

export { deadLetters, outbox, inbox } from '@shop/events';

export const paymentMethod = pgEnum('payment_method', ['CARD', 'PSE']);
export const paymentStatus = pgEnum('payment_status', PAYMENT_STATUSES);

/** Every payment attempt for an order. Card numbers and CVCs are never stored: only brand and last four digits. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The orders subgraph's order (an id only: no foreign key across services). */
    orderId: uuid('order_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** Always the order's total, never a client-supplied number. */
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    method: paymentMethod('method').notNull(),
    status: paymentStatus('status').notNull().default('PENDING'),
    /** Set when FAILED, e.g. CARD_DECLINED, INSUFFICIENT_FUNDS. */
    failureReason: text('failure_reason'),
    cardBrand: text('card_brand'),
    cardLast4: char('card_last4', { length: 4 }),
    /** The client's key for payOrder: the same key from the same customer gives the same payment. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** The provider's id for this charge, once it has one. */
    providerReference: text('provider_reference'),
    /** Until when one process owns driving this payment through the provider; after it, the recovery worker takes over. */
    driveLeaseUntil: timestamp('drive_lease_until', { withTimezone: true }),
    /** How many times a process has started driving it (the first drive and each recovery). */
    driveAttempts: integer('drive_attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('payments_customer_idempotency_key').on(t.customerId, t.idempotencyKey),
    index('payments_order_created_idx').on(t.orderId, t.createdAt),
    // One payment in flight or captured per order: a second one cannot even be inserted, whatever the concurrency.
    uniqueIndex('payments_one_live_per_order').on(t.orderId).where(sql`status in ('PENDING', 'AUTHORIZED', 'CAPTURED')`),
    // The recovery worker's scan: only payments whose provider step has not completed.
    index('payments_unfinished_lease_idx').on(t.driveLeaseUntil).where(sql`status in ('PENDING', 'AUTHORIZED')`),
    check('payments_amount_positive', sql`${t.amountMinor} > 0`),
    // Four digits and nothing more, so a full card number can never land in this column.
    check('payments_card_last4_digits', sql`${t.cardLast4} ~ '^[0-9]{4}$'`),
    check('payments_card_fields_only_for_cards', sql`${t.method} = 'CARD' or (${t.cardLast4} is null and ${t.cardBrand} is null)`),
    check('payments_failure_reason_when_failed', sql`(${t.status} = 'FAILED') = (${t.failureReason} is not null)`),
  ],
);

export type PaymentRow = typeof payments.$inferSelect;
export type PaymentStatus = PaymentRow['status'];
export type PaymentMethod = PaymentRow['method'];
export const schema = { payments, outbox, inbox, deadLetters };
export type PaymentsSchema = typeof schema;

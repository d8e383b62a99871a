import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { deadLetters, inbox, outbox } from '@shop/events';
import { TICKET_STATUSES } from '@shop/support/contract';
import { TICKET_PRIORITIES } from '../contract.js';

// The event tables live in @shop/events; each service migrates its own copy.
export { deadLetters, inbox, outbox };

export const ticketStatus = pgEnum('ticket_status', TICKET_STATUSES);
export const ticketPriority = pgEnum('ticket_priority', TICKET_PRIORITIES);

/** Every ticket the worker has heard of and its status, to count a customer's open ones (ticket.created, ticket.status_changed). */
export const knownTickets = pgTable(
  'known_tickets',
  {
    ticketId: uuid('ticket_id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    status: ticketStatus('status').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('known_tickets_customer_open_idx').on(t.customerId).where(sql`status <> 'CLOSED'`)],
);

/** Failed payments (payment.status_changed to FAILED), one row per payment, so a redelivery counts once. */
export const failedPayments = pgTable(
  'failed_payments',
  {
    paymentId: uuid('payment_id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('failed_payments_order_idx').on(t.orderId)],
);

/** The worker's decision per ticket, made once: ticket.prioritized is published only when this row is first written. */
export const assignments = pgTable('assignments', {
  ticketId: uuid('ticket_id').primaryKey(),
  priority: ticketPriority('priority').notNull(),
  score: integer('score').notNull(),
  reasons: text('reasons').array().notNull(),
  assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
});

export type AssignmentRow = typeof assignments.$inferSelect;
export const schema = { knownTickets, failedPayments, assignments, outbox, inbox, deadLetters };
export type AssignmentSchema = typeof schema;

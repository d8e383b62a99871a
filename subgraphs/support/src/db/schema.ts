import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { deadLetters, inbox, outbox } from '@shop/events';
import { TICKET_PRIORITIES } from '@shop/assignment/contract';
import { ORDER_STATUSES } from '@shop/orders/contract';
import { TICKET_STATUSES } from '../contract.js';

// The event tables live in @shop/events; each service migrates its own copy.
export { deadLetters, inbox, outbox };

export const ticketStatus = pgEnum('ticket_status', TICKET_STATUSES);
export const ticketPriority = pgEnum('ticket_priority', TICKET_PRIORITIES);
export const orderStatus = pgEnum('order_status', ORDER_STATUSES);

/** Feeds the ticket numbers TKT-000001, TKT-000002, … */
export const ticketNumberSeq = pgSequence('ticket_number_seq', { startWith: 1, minValue: 1 });

/**
 * The queue's sort rank: URGENT 4, HIGH and untriaged 3, NORMAL 2, LOW 1. Untriaged tickets rank with HIGH so a
 * lagging assignment worker never buries a new ticket, nor lets it jump an URGENT one (schema.graphql, supportQueue).
 */
const rankOfPriority = sql`case priority when 'URGENT' then 4 when 'HIGH' then 3 when 'NORMAL' then 2 when 'LOW' then 1 else 3 end`;

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** TKT-000123, from ticket_number_seq. */
    number: text('number').notNull().unique(),
    /** The orders subgraph's Order id; no foreign key across services. */
    orderId: uuid('order_id').notNull(),
    /** ORD-000123, as orders answered when the ticket was opened. */
    orderNumber: text('order_number').notNull(),
    /** The order's customer (checked with orders when the ticket was opened): the ticket's owner. */
    customerId: uuid('customer_id').notNull(),
    subject: text('subject').notNull(),
    status: ticketStatus('status').notNull().default('OPEN'),
    /** Null until the assignment worker's ticket.prioritized arrives. */
    priority: ticketPriority('priority'),
    priorityReasons: text('priority_reasons').array(),
    priorityRank: integer('priority_rank').notNull().generatedAlwaysAs(rankOfPriority),
    /** The order's status as support last heard it, and when that was true (older events never overwrite newer news). */
    orderStatus: orderStatus('order_status'),
    orderStatusAt: timestamp('order_status_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // supportQueue: one status (or the two waiting on staff), highest rank, then oldest, ties by id.
    index('tickets_queue_idx').on(t.status, t.priorityRank.desc(), t.createdAt, t.id),
    // User.tickets, newest first; and the open-ticket limit's count.
    index('tickets_customer_created_idx').on(t.customerId, t.createdAt.desc(), t.id),
    index('tickets_order_idx').on(t.orderId, t.createdAt),
    check('tickets_number_format', sql`${t.number} ~ '^TKT-[0-9]{6,}$'`),
    check('tickets_subject_length', sql`char_length(${t.subject}) between 3 and 120`),
  ],
);

/** The thread: the opening message first, then every reply. */
export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    /** Written by an admin (the shop), not by the ticket's customer. */
    byStaff: boolean('by_staff').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt, t.id), check('ticket_messages_body_length', sql`char_length(${t.body}) between 1 and 5000`)],
);

/** Audit trail: every status change of a ticket, who made it, when. */
export const ticketStatusHistory = pgTable(
  'ticket_status_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    fromStatus: ticketStatus('from_status').notNull(),
    toStatus: ticketStatus('to_status').notNull(),
    /** Null for the system. */
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_status_history_ticket_idx').on(t.ticketId, t.at)],
);

export type TicketRow = typeof tickets.$inferSelect;
export type TicketMessageRow = typeof ticketMessages.$inferSelect;
export type TicketStatusHistoryRow = typeof ticketStatusHistory.$inferSelect;
export type TicketStatus = (typeof ticketStatus.enumValues)[number];
export type TicketPriority = (typeof ticketPriority.enumValues)[number];

export const schema = { tickets, ticketMessages, ticketStatusHistory, outbox, inbox, deadLetters };
export type SupportSchema = typeof schema;

import { z } from 'zod';
import { defineEvent, type PayloadOf } from '@shop/events';

/** What support publishes (docs/architecture.md, "Events"): consumers (assignment, notifications) parse these very schemas. */
export const TICKET_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
export type TicketStatusName = (typeof TICKET_STATUSES)[number];

/** TKT-000001: from support's ticket_number_seq, never reused. */
export const TICKET_NUMBER = /^TKT-\d{6,}$/;
/** How much of a reply ticket.replied carries (notifications show it; the whole thread stays in support). */
export const EXCERPT_LENGTH = 140;

/** A customer opened a ticket about one of their orders; orderNumber and orderTotal are the order's when it was opened. */
export const ticketCreated = defineEvent({
  source: 'support',
  type: 'ticket.created',
  aggregateId: (p) => p.ticketId,
  schema: z.object({
    ticketId: z.uuid(),
    number: z.string().regex(TICKET_NUMBER),
    orderId: z.uuid(),
    orderNumber: z.string(),
    customerId: z.uuid(),
    subject: z.string(),
    /** The ticket's first message, whole. */
    message: z.string(),
    orderTotal: z.object({ amountMinor: z.number().int().nonnegative(), currency: z.string().length(3) }),
    createdAt: z.iso.datetime({ offset: true }),
  }),
});
export type TicketCreatedPayload = PayloadOf<typeof ticketCreated>;

/** A message was added to a ticket after the first one, by its customer or by staff (an admin). */
export const ticketReplied = defineEvent({
  source: 'support',
  type: 'ticket.replied',
  aggregateId: (p) => p.ticketId,
  schema: z.object({
    ticketId: z.uuid(),
    number: z.string().regex(TICKET_NUMBER),
    customerId: z.uuid(),
    messageId: z.uuid(),
    authorId: z.uuid(),
    /** True when an admin wrote it (the customer is told), false for the customer's own reply (admins are told). */
    byStaff: z.boolean(),
    /** The message's first 140 characters. */
    excerpt: z.string().max(EXCERPT_LENGTH),
  }),
});
export type TicketRepliedPayload = PayloadOf<typeof ticketReplied>;

/** A ticket moved between states (support's transition table); by is null when the system moved it. */
export const ticketStatusChanged = defineEvent({
  source: 'support',
  type: 'ticket.status_changed',
  aggregateId: (p) => p.ticketId,
  schema: z.object({
    ticketId: z.uuid(),
    number: z.string().regex(TICKET_NUMBER),
    customerId: z.uuid(),
    from: z.enum(TICKET_STATUSES),
    to: z.enum(TICKET_STATUSES),
    by: z.uuid().nullable(),
  }),
});
export type TicketStatusChangedPayload = PayloadOf<typeof ticketStatusChanged>;

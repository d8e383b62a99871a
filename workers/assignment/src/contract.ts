import { z } from 'zod';
import { defineEvent, type PayloadOf } from '@shop/events';

/** What the assignment worker publishes: support applies it to the ticket (docs/architecture.md, "Events"). */
export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type TicketPriorityName = (typeof TICKET_PRIORITIES)[number];

/** The priority the worker's rules gave a new ticket, and why (the rules that fired, in words, see README.md). */
export const ticketPrioritized = defineEvent({
  source: 'assignment',
  type: 'ticket.prioritized',
  aggregateId: (p) => p.ticketId,
  schema: z.object({
    ticketId: z.uuid(),
    priority: z.enum(TICKET_PRIORITIES),
    reasons: z.array(z.string()),
  }),
});
export type TicketPrioritizedPayload = PayloadOf<typeof ticketPrioritized>;

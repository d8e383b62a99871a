import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { isAdmin } from '@shop/auth';
import { parseArgs, zId } from '@shop/common';
import { eventIterator, type DomainEvent } from '@shop/events';
import { ticketPrioritized, type TicketPrioritizedPayload } from '@shop/assignment/contract';
import { ticketReplied, ticketStatusChanged, type TicketStatusChangedPayload } from '../contract.js';
import type { TicketRow } from '../db/schema.js';
import { findTicketsByIds } from '../domain/tickets.js';
import type { SubscriptionResolvers } from './__generated__/resolvers-types.js';
import type { SupportContext } from './context.js';

const ticketUpdatedArgs = z.object({ ticketId: zId });

/** What one event says changed: the ticket, and the status or priority the event stands for. */
type TicketChange = { ticketId: string } & Partial<Pick<TicketRow, 'status' | 'priority' | 'priorityReasons'>>;

/** Every event that changes what a ticket shows: a message, a status, a priority (the worker's, which support applies). */
const TICKET_UPDATES = [ticketReplied.type, ticketStatusChanged.type, ticketPrioritized.type];

function changeOf(event: DomainEvent): TicketChange {
  if (event.type === ticketStatusChanged.type) return { ticketId: event.aggregateId, status: (event.payload as TicketStatusChangedPayload).to };
  if (event.type === ticketPrioritized.type) {
    const { priority, reasons } = event.payload as TicketPrioritizedPayload;
    return { ticketId: event.aggregateId, priority, priorityReasons: reasons };
  }
  return { ticketId: event.aggregateId };
}

/**
 * Read fresh, not through the loaders: this context lives as long as the subscription and would cache the first read.
 * A status or priority is the event's, so each push shows the change it stands for (ticket.prioritized reaches the
 * broadcast as support's consumer applies it, not after).
 */
async function ticketAtChange(change: TicketChange, _args: unknown, ctx: SupportContext): Promise<TicketRow> {
  const [ticket] = await findTicketsByIds(ctx.db, [change.ticketId]);
  if (!ticket) throw new Error(`ticket ${change.ticketId} of a ticket event is missing`);
  ctx.loaders.messagesByTicketId.clear(change.ticketId);
  ctx.loaders.historyByTicketId.clear(change.ticketId);
  const { ticketId: _id, ...overlay } = change;
  return { ...ticket, ...overlay };
}

export const subscriptionResolvers: SubscriptionResolvers = {
  ticketUpdated: {
    // Checked once, when the subscription starts (a ticket's customer never changes); Ticket's @ownerOrAdmin checks each push too.
    subscribe: async (_root, args, ctx) => {
      const { ticketId } = parseArgs(ticketUpdatedArgs, args);
      const [ticket] = await findTicketsByIds(ctx.db, [ticketId]);
      // Someone else's ticket answers as a missing one: ids reveal nothing.
      if (!ticket || !(isAdmin(ctx.viewer) || ticket.customerId === ctx.viewer?.id)) throw new GraphQLError('No ticket with this id.', { extensions: { code: 'NOT_FOUND' } });
      return eventIterator(ctx.bus, TICKET_UPDATES, (event) => event.aggregateId === ticketId, changeOf);
    },
    resolve: ticketAtChange,
  },
};

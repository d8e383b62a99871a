import { z } from 'zod';
import { isAdmin, type Viewer } from '@shop/auth';
import { parseArgs, type Result, zFirst, zId } from '@shop/common';
import { ticketStatus, type TicketRow } from '../db/schema.js';
import { listCustomerTickets, listQueue } from '../domain/ticket-lists.js';
import { openTicket, replyToTicket, setTicketStatus, type Actor } from '../domain/tickets.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { orderReference, userReference } from './parents.js';
import { subscriptionResolvers } from './subscriptions.js';

const iso = (date: Date) => date.toISOString();
/** The signed-in viewer of a field schema.graphql marks @authenticated or @requiresRole (the kernel has checked). */
const actorOf = (viewer: Viewer | null): Actor => ({ id: viewer!.id, admin: isAdmin(viewer) });
const ticketPayload = (result: Result<TicketRow>) => (result.ok ? { ticket: result.value, errors: [] } : { ticket: null, errors: result.errors });

const pageArgs = z.object({ first: zFirst, after: z.string().max(500).nullish() });
const queueArgs = pageArgs.extend({ status: z.enum(ticketStatus.enumValues).nullish() });

export const resolvers: Resolvers = {
  Query: {
    // Ticket is @ownerOrAdmin: someone else's ticket comes back null, exactly like a missing one.
    ticket: (_root, args, ctx) => (zId.safeParse(args.id).success ? ctx.loaders.ticketById.load(args.id) : null),
    // @requiresRole(roles: [ADMIN]).
    supportQueue: (_root, args, ctx) => {
      const { first, after, status } = parseArgs(queueArgs, args);
      return listQueue(ctx.db, status ?? null, first, after ?? null);
    },
  },
  Mutation: {
    openTicket: async (_root, { input }, ctx) => ticketPayload(await openTicket(ctx.db, ctx.orders, actorOf(ctx.viewer), input)),
    replyToTicket: async (_root, args, ctx) => ticketPayload(await replyToTicket(ctx.db, actorOf(ctx.viewer), args.ticketId, args.message)),
    setTicketStatus: async (_root, args, ctx) => ticketPayload(await setTicketStatus(ctx.db, actorOf(ctx.viewer), args.ticketId, args.status)),
  },
  Subscription: subscriptionResolvers,
  User: {
    // @ownerOrAdmin: the user themself or an admin.
    tickets: (user, args, ctx) => {
      const { first, after } = parseArgs(pageArgs, args);
      return listCustomerTickets(ctx.db, user.id, first, after ?? null);
    },
  },
  Order: {
    __resolveReference: (ref) => (zId.safeParse(ref.id).success ? orderReference(ref.id) : null),
    // A ticket's customer is its order's customer (checked when it was opened): the viewer's own, or every one for an admin.
    tickets: async (order, _args, ctx) => {
      const all = await ctx.loaders.ticketsByOrderId.load(order.id);
      return isAdmin(ctx.viewer) ? all : all.filter((ticket) => ticket.customerId === ctx.viewer?.id);
    },
  },
  Ticket: {
    order: (ticket) => orderReference(ticket.orderId),
    customer: (ticket) => userReference(ticket.customerId),
    priorityReasons: (ticket) => ticket.priorityReasons,
    messages: (ticket, _args, ctx) => ctx.loaders.messagesByTicketId.load(ticket.id),
    history: (ticket, _args, ctx) => ctx.loaders.historyByTicketId.load(ticket.id),
    createdAt: (ticket) => iso(ticket.createdAt),
    updatedAt: (ticket) => iso(ticket.updatedAt),
  },
  TicketMessage: {
    author: (message) => userReference(message.authorId),
    createdAt: (message) => iso(message.createdAt),
  },
  TicketStatusChange: {
    from: (change) => change.fromStatus,
    to: (change) => change.toStatus,
    at: (change) => iso(change.at),
    by: (change) => (change.actorId ? userReference(change.actorId) : null),
  },
};

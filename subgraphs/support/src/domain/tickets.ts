import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { fail, issuesToUserErrors, ok, parseDecimalToMinor, type Result, userError, zId, zText } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import type { OrderStatusChangedPayload } from '@shop/orders/contract';
import type { OrderLookup, OrderSummary } from '@shop/orders/lookup';
import type { TicketPrioritizedPayload } from '@shop/assignment/contract';
import { SubgraphUnavailableError } from '@shop/server';
import { EXCERPT_LENGTH, ticketCreated, ticketReplied } from '../contract.js';
import { ticketMessages, tickets, ticketStatusHistory, type SupportSchema, type TicketRow, type TicketStatus } from '../db/schema.js';
import { SupportErrorCode } from '../errors.js';
import { statusAfterReply, transitionTicket } from './transitions.js';

type Db = Database<SupportSchema>;
type Tx = Transaction<SupportSchema>;

/** Who acts: a signed-in user, and whether they are staff (an admin). */
export interface Actor {
  id: string;
  admin: boolean;
}

/** A customer may have this many tickets that are not CLOSED; the next openTicket is TOO_MANY_OPEN_TICKETS. */
export const MAX_OPEN_TICKETS = 20;

export const zSubject = zText(120, 3);
export const zMessage = zText(5000);
const openTicketInput = z.object({ orderId: zId, subject: zSubject, message: zMessage });

/** TKT-000123 from ticket_number_seq, as an SQL expression an insert takes without a round trip; wider numbers keep all digits. */
const nextTicketNumber = sql<string>`(select 'TKT-' || lpad(n::text, greatest(6, length(n::text)), '0') from (select nextval('ticket_number_seq') as n) as next)`;

const notFound = (field: string[]) => userError(SupportErrorCode.NotFound, 'No ticket or order with this id.', field);
const unavailable = () => userError(SupportErrorCode.ServiceUnavailable, 'The orders service is not answering; try again shortly.');

/** A ticket is its customer's and every admin's. */
export const maySee = (actor: Actor, ticket: Pick<TicketRow, 'customerId'>): boolean => actor.admin || ticket.customerId === actor.id;

/**
 * Opens a ticket about one of the actor's own orders, with its first message; ticket.created commits with it. The
 * order's owner, number and total come from the orders subgraph (support owns no order data): someone else's order
 * and an unknown one are both NOT_FOUND.
 */
export async function openTicket(db: Db, orders: OrderLookup, actor: Actor, input: unknown): Promise<Result<TicketRow>> {
  const parsed = openTicketInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const { orderId, subject, message } = parsed.data;
  let order: OrderSummary | null;
  try {
    order = await orders.findOrder(orderId);
  } catch (error) {
    if (error instanceof SubgraphUnavailableError) return fail(unavailable());
    throw error;
  }
  if (!order || order.customer.id !== actor.id) return fail(notFound(['input', 'orderId']));

  return db.transaction(async (tx) => {
    // One customer's opens take turns, so two at once cannot both pass the limit.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`support:open:${actor.id}`}, 0))`);
    const [{ open } = { open: 0 }] = await tx
      .select({ open: sql<number>`count(*)::int` })
      .from(tickets)
      .where(and(eq(tickets.customerId, actor.id), ne(tickets.status, 'CLOSED')));
    if (open >= MAX_OPEN_TICKETS) {
      return fail(userError(SupportErrorCode.TooManyOpenTickets, `You have ${open} tickets still open; close one or wait for an answer before opening another (at most ${MAX_OPEN_TICKETS}).`));
    }
    const [ticket] = await tx
      .insert(tickets)
      .values({ number: nextTicketNumber, orderId, orderNumber: order.number, customerId: actor.id, subject, orderStatus: order.status, orderStatusAt: new Date() })
      .returning();
    await tx.insert(ticketMessages).values({ ticketId: ticket!.id, authorId: actor.id, byStaff: false, body: message, createdAt: ticket!.createdAt });
    await recordEvents(tx, [
      ticketCreated.create({
        ticketId: ticket!.id, number: ticket!.number, orderId, orderNumber: order.number, customerId: actor.id, subject, message,
        orderTotal: { amountMinor: Number(parseDecimalToMinor(order.total.amount) ?? 0n), currency: order.total.currency }, createdAt: ticket!.createdAt.toISOString(),
      }),
    ]);
    return ok(ticket!);
  });
}

/**
 * Adds a message by the ticket's customer or an admin (staff). The ticket's row is locked meanwhile, so replies and
 * the status moves they cause (statusAfterReply) are applied one at a time. ticket.replied (and ticket.status_changed
 * when the status moved) commit with it.
 */
export async function replyToTicket(db: Db, actor: Actor, ticketId: string, message: unknown): Promise<Result<TicketRow>> {
  if (!zId.safeParse(ticketId).success) return fail(notFound(['ticketId']));
  const body = zMessage.safeParse(message);
  if (!body.success) return fail(...issuesToUserErrors(body.error, ['message']));
  return db.transaction(async (tx) => {
    const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).for('update');
    if (!ticket || !maySee(actor, ticket)) return fail(notFound(['ticketId']));
    if (ticket.status === 'CLOSED') return fail(userError(SupportErrorCode.TicketClosed, 'This ticket is closed; open a new one.', ['ticketId']));
    const byStaff = actor.admin && actor.id !== ticket.customerId;
    const [reply] = await tx.insert(ticketMessages).values({ ticketId, authorId: actor.id, byStaff, body: body.data }).returning();
    await recordEvents(tx, [
      ticketReplied.create({ ticketId, number: ticket.number, customerId: ticket.customerId, messageId: reply!.id, authorId: actor.id, byStaff, excerpt: body.data.slice(0, EXCERPT_LENGTH) }),
    ]);
    const next = statusAfterReply(ticket.status, byStaff);
    if (next) {
      const moved = await transitionTicket(tx, ticket, next, actor.id);
      if (!moved.ok) throw new Error(`reply could not move ${ticket.status} to ${next} under the row lock`);
      return moved;
    }
    const [touched] = await tx.update(tickets).set({ updatedAt: new Date() }).where(eq(tickets.id, ticketId)).returning();
    return ok(touched!);
  });
}

/** Admins move a ticket as the table allows; a customer may only close their own. Racing changes: one wins (transitionTicket). */
export async function setTicketStatus(db: Db, actor: Actor, ticketId: string, to: TicketStatus): Promise<Result<TicketRow>> {
  if (!zId.safeParse(ticketId).success) return fail(notFound(['ticketId']));
  return db.transaction(async (tx) => {
    const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, ticketId));
    if (!ticket || !maySee(actor, ticket)) return fail(notFound(['ticketId']));
    if (!actor.admin && to !== 'CLOSED') return fail(userError(SupportErrorCode.Forbidden, 'A customer can only close their ticket; staff change its other statuses.', ['status']));
    return transitionTicket(tx, ticket, to, actor.id);
  });
}

/** ticket.prioritized from the assignment worker: the ticket's priority and why. False when no ticket has the id. */
export async function applyPriority(tx: Tx, prioritized: TicketPrioritizedPayload): Promise<boolean> {
  const updated = await tx
    .update(tickets)
    .set({ priority: prioritized.priority, priorityReasons: prioritized.reasons, updatedAt: new Date() })
    .where(eq(tickets.id, prioritized.ticketId))
    .returning({ id: tickets.id });
  return updated.length > 0;
}

/**
 * order.status_changed: the order's status on its tickets, unless support already knows a newer one (events may
 * arrive late or out of order; the status read from orders when the ticket was opened counts as of that moment).
 */
export async function applyOrderStatus(tx: Tx, change: Pick<OrderStatusChangedPayload, 'orderId' | 'to'>, occurredAt: Date): Promise<number> {
  const updated = await tx
    .update(tickets)
    .set({ orderStatus: change.to, orderStatusAt: occurredAt })
    .where(and(eq(tickets.orderId, change.orderId), sql`(${tickets.orderStatusAt} is null or ${tickets.orderStatusAt} < ${occurredAt.toISOString()}::timestamptz)`))
    .returning({ id: tickets.id });
  return updated.length;
}

export const findTicketsByIds = (db: Db, ids: readonly string[]): Promise<TicketRow[]> => (ids.length ? db.select().from(tickets).where(inArray(tickets.id, [...ids])) : Promise.resolve([]));

export const findTicketsByOrders = (db: Db, orderIds: readonly string[]) =>
  orderIds.length ? db.select().from(tickets).where(inArray(tickets.orderId, [...orderIds])).orderBy(asc(tickets.createdAt), asc(tickets.id)) : Promise.resolve([]);

export const findMessages = (db: Db, ticketIds: readonly string[]) =>
  ticketIds.length ? db.select().from(ticketMessages).where(inArray(ticketMessages.ticketId, [...ticketIds])).orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id)) : Promise.resolve([]);

export const findHistory = (db: Db, ticketIds: readonly string[]) =>
  ticketIds.length ? db.select().from(ticketStatusHistory).where(inArray(ticketStatusHistory.ticketId, [...ticketIds])).orderBy(asc(ticketStatusHistory.at), asc(ticketStatusHistory.id)) : Promise.resolve([]);

import { and, eq } from 'drizzle-orm';
import { fail, ok, type Result, userError } from '@shop/common';
import type { Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { ticketStatusChanged } from '../contract.js';
import { tickets, ticketStatusHistory, type SupportSchema, type TicketRow, type TicketStatus } from '../db/schema.js';
import { SupportErrorCode } from '../errors.js';

/**
 * The ticket state machine: the only changes code may make, and the table the tests walk. CLOSED is final.
 * RESOLVED -> OPEN is the reopening a help desk does when the customer writes again after a resolution.
 */
export const ticketTransitions: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  IN_PROGRESS: ['RESOLVED', 'CLOSED'],
  RESOLVED: ['OPEN', 'CLOSED'],
  CLOSED: [],
};

export const canTransition = (from: TicketStatus, to: TicketStatus): boolean => ticketTransitions[from].includes(to);

export const invalidTransition = (from: TicketStatus, to: TicketStatus) =>
  userError(SupportErrorCode.InvalidTransition, `A ticket cannot go from ${from} to ${to}.`, ['status']);

/**
 * Moves a ticket from `from` (the status the caller read) to `to` if the table allows it. The UPDATE is conditional
 * on `from`, so when two replicas race only one applies the change; the loser gets INVALID_TRANSITION and nothing
 * changes. The history row and ticket.status_changed commit in the caller's transaction, with the change.
 */
export async function transitionTicket(tx: Transaction<SupportSchema>, ticket: Pick<TicketRow, 'id' | 'status'>, to: TicketStatus, actorId: string | null): Promise<Result<TicketRow>> {
  const from = ticket.status;
  if (!canTransition(from, to)) return fail(invalidTransition(from, to));
  const [changed] = await tx
    .update(tickets)
    .set({ status: to, updatedAt: new Date() })
    .where(and(eq(tickets.id, ticket.id), eq(tickets.status, from)))
    .returning();
  // Someone else changed the status between our read and our update: their change stands, ours is refused.
  if (!changed) return fail(invalidTransition(from, to));
  await tx.insert(ticketStatusHistory).values({ ticketId: ticket.id, fromStatus: from, toStatus: to, actorId });
  await recordEvents(tx, [ticketStatusChanged.create({ ticketId: changed.id, number: changed.number, customerId: changed.customerId, from, to, by: actorId })]);
  return ok(changed);
}

/**
 * What a reply does to the status: an admin's reply on an OPEN ticket means staff took it (IN_PROGRESS); the
 * customer's reply on a RESOLVED one reopens it (OPEN), as help desks do. Any other reply leaves the status. null: no change.
 */
export function statusAfterReply(status: TicketStatus, byStaff: boolean): TicketStatus | null {
  if (byStaff && status === 'OPEN') return 'IN_PROGRESS';
  if (!byStaff && status === 'RESOLVED') return 'OPEN';
  return null;
}

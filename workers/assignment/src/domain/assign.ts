import { and, count, eq, ne } from 'drizzle-orm';
import type { Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import type { PaymentStatusChangedPayload } from '@shop/payments/contract';
import type { TicketCreatedPayload, TicketStatusChangedPayload } from '@shop/support/contract';
import { ticketPrioritized } from '../contract.js';
import { assignments, failedPayments, knownTickets, type AssignmentSchema } from '../db/schema.js';
import { prioritize, type Prioritization, type TicketFacts } from './rules.js';

type Tx = Transaction<AssignmentSchema>;

/** A payment that failed counts against its order (once per payment, however often the event comes). */
export async function recordFailedPayment(tx: Tx, payment: Pick<PaymentStatusChangedPayload, 'paymentId' | 'orderId'>): Promise<void> {
  await tx.insert(failedPayments).values({ paymentId: payment.paymentId, orderId: payment.orderId }).onConflictDoNothing();
}

/**
 * A ticket's new status, for the customer's open-ticket count. A status change may arrive before the ticket's
 * ticket.created (the broker does not promise order across redeliveries): it is kept, and created leaves it alone.
 */
export async function recordTicketStatus(tx: Tx, change: Pick<TicketStatusChangedPayload, 'ticketId' | 'customerId' | 'to'>): Promise<void> {
  await tx
    .insert(knownTickets)
    .values({ ticketId: change.ticketId, customerId: change.customerId, status: change.to })
    .onConflictDoUpdate({ target: knownTickets.ticketId, set: { status: change.to, updatedAt: new Date() } });
}

/** The facts the rules read for a new ticket: its words and order total (the event's), the order's failed payments, the customer's other open tickets. */
export async function factsOf(tx: Tx, ticket: TicketCreatedPayload): Promise<TicketFacts> {
  const [[failed], [open]] = await Promise.all([
    tx.select({ n: count() }).from(failedPayments).where(eq(failedPayments.orderId, ticket.orderId)),
    tx
      .select({ n: count() })
      .from(knownTickets)
      .where(and(eq(knownTickets.customerId, ticket.customerId), ne(knownTickets.status, 'CLOSED'), ne(knownTickets.ticketId, ticket.ticketId))),
  ]);
  return { subject: ticket.subject, message: ticket.message, orderTotal: ticket.orderTotal, failedPayments: failed?.n ?? 0, otherOpenTickets: open?.n ?? 0 };
}

/**
 * Triage of a new ticket: counts it among the customer's open tickets, applies the rules and records
 * ticket.prioritized, once per ticket. The decision row is the guard: a ticket.created delivered again (even under
 * another event id) finds it and publishes nothing. Returns the decision when this call made it.
 */
export async function assignTicket(tx: Tx, ticket: TicketCreatedPayload): Promise<Prioritization | null> {
  await tx.insert(knownTickets).values({ ticketId: ticket.ticketId, customerId: ticket.customerId, status: 'OPEN' }).onConflictDoNothing();
  const decision = prioritize(await factsOf(tx, ticket));
  const [made] = await tx
    .insert(assignments)
    .values({ ticketId: ticket.ticketId, priority: decision.priority, score: decision.score, reasons: decision.reasons })
    .onConflictDoNothing()
    .returning({ ticketId: assignments.ticketId });
  if (!made) return null;
  await recordEvents(tx, [ticketPrioritized.create({ ticketId: ticket.ticketId, priority: decision.priority, reasons: decision.reasons })]);
  return decision;
}

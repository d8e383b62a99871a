import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TICKET_STATUSES } from '../src/contract.js';
import { tickets, ticketStatusHistory, type TicketStatus } from '../src/db/schema.js';
import { canTransition, statusAfterReply, ticketTransitions, transitionTicket } from '../src/domain/transitions.js';
import { SET_STATUS, startHarness, type Harness } from './support/harness.js';

let h: Harness;
let adminToken: string;
let replica: Awaited<ReturnType<Harness['startSupport']>>;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'support_transitions');
  adminToken = await h.tokenFor(randomUUID(), ['ADMIN']);
  replica = await h.startSupport();
});
afterAll(async () => h?.stop());

/** A ticket staged straight in the database, in the given status. */
async function ticketIn(status: TicketStatus): Promise<string> {
  const [row] = await h.db
    .insert(tickets)
    .values({ number: sql`'TKT-' || lpad(nextval('ticket_number_seq')::text, 6, '0')`, orderId: randomUUID(), orderNumber: 'ORD-000001', customerId: randomUUID(), subject: 'Staged', status })
    .returning({ id: tickets.id });
  return row!.id;
}
const statusOf = async (id: string) => (await h.db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, id)))[0]!.status;
const historyOf = (id: string) => h.db.select().from(ticketStatusHistory).where(eq(ticketStatusHistory.ticketId, id));

describe('the ticket transition table', () => {
  it('is exactly the documented one', () => {
    expect(ticketTransitions).toEqual({
      OPEN: ['IN_PROGRESS', 'RESOLVED', 'CLOSED'],
      IN_PROGRESS: ['RESOLVED', 'CLOSED'],
      RESOLVED: ['OPEN', 'CLOSED'],
      CLOSED: [],
    });
  });

  const pairs = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => ({ from, to, allowed: canTransition(from, to) })));
  it.each(pairs)('$from -> $to by an admin: allowed $allowed', async ({ from, to, allowed }) => {
    const id = await ticketIn(from);
    const { errors, ticket } = (await h.gql(SET_STATUS, { id, s: to }, adminToken)).data.setTicketStatus;
    if (allowed) {
      expect(errors).toEqual([]);
      expect(ticket).toEqual({ id, status: to, history: [{ from, to }] });
      expect(await statusOf(id)).toBe(to);
    } else {
      expect(ticket).toBeNull();
      expect(errors).toEqual([{ code: 'INVALID_TRANSITION', message: `A ticket cannot go from ${from} to ${to}.`, field: ['status'] }]);
      expect(await statusOf(id)).toBe(from);
      expect(await historyOf(id)).toEqual([]);
    }
  });

  it('a reply moves the status only where the table says (staff on OPEN -> IN_PROGRESS, customer on RESOLVED -> OPEN)', () => {
    const moves = TICKET_STATUSES.flatMap((status) => [true, false].map((byStaff) => [status, byStaff, statusAfterReply(status, byStaff)]));
    expect(moves).toEqual([
      ['OPEN', true, 'IN_PROGRESS'], ['OPEN', false, null],
      ['IN_PROGRESS', true, null], ['IN_PROGRESS', false, null],
      ['RESOLVED', true, null], ['RESOLVED', false, 'OPEN'],
      ['CLOSED', true, null], ['CLOSED', false, null],
    ]);
    for (const [from, , to] of moves) if (to) expect(canTransition(from as TicketStatus, to as TicketStatus)).toBe(true);
  });
});

describe('racing transitions', () => {
  it('two replicas moving the same ticket at once: exactly one wins, one history row, one ticket.status_changed', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, () => ticketIn('OPEN')));
    const results = await Promise.all(
      ids.flatMap((id) => [
        h.gql(SET_STATUS, { id, s: 'IN_PROGRESS' }, adminToken),
        h.gql(SET_STATUS, { id, s: 'IN_PROGRESS' }, adminToken, replica),
      ]),
    );
    for (const [i, id] of ids.entries()) {
      const pair = [results[2 * i]!, results[2 * i + 1]!].map((r) => r.data.setTicketStatus);
      const won = pair.filter((p) => p.errors.length === 0);
      const lost = pair.filter((p) => p.errors.length > 0);
      expect(won).toHaveLength(1);
      expect(lost.map((p) => p.errors[0].code)).toEqual(['INVALID_TRANSITION']);
      expect(await statusOf(id)).toBe(won[0]!.ticket.status);
      expect(await historyOf(id)).toHaveLength(1);
    }
    const changes = (await h.recorded('ticket.status_changed')).filter((e) => ids.includes(e.aggregateId));
    expect(changes).toHaveLength(ids.length);
  });

  it('a change decided on a stale read is refused by the conditional update, whatever the table says of the stale status', async () => {
    const id = await ticketIn('OPEN');
    expect((await h.gql(SET_STATUS, { id, s: 'CLOSED' }, adminToken)).data.setTicketStatus.errors).toEqual([]);
    // What a replica that read OPEN just before the close would try: OPEN -> RESOLVED is allowed, but the ticket is no longer OPEN.
    const stale = await h.db.transaction((tx) => transitionTicket(tx, { id, status: 'OPEN' }, 'RESOLVED', null));
    expect(stale).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'INVALID_TRANSITION' })] });
    expect(await statusOf(id)).toBe('CLOSED');
    expect(await historyOf(id)).toHaveLength(1);
  });
});

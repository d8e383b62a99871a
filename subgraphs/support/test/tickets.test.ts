import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tickets, ticketMessages } from '../src/db/schema.js';
import { MAX_OPEN_TICKETS } from '../src/domain/tickets.js';
import { OPEN_TICKET, REPLY, SET_STATUS, startHarness, TICKET, type Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'support_tickets');
});
afterAll(async () => h?.stop());

const customer = async () => {
  const id = randomUUID();
  return { id, token: await h.tokenFor(id) };
};
const admin = async () => {
  const id = randomUUID();
  return { id, token: await h.tokenFor(id, ['ADMIN']) };
};
const open = async (token: string, input: Record<string, unknown>) => (await h.gql(OPEN_TICKET, { input }, token)).data!.openTicket;
const openOn = async (who: { id: string; token: string }, message = 'Mi pedido no tiene guía de envío.') => {
  const order = h.orders.add(who.id);
  const payload = await open(who.token, { orderId: order.id, subject: 'Sobre mi pedido', message });
  expect(payload.errors).toEqual([]);
  return { order, ticket: payload.ticket };
};
const countTickets = async () => (await h.db.select({ id: tickets.id }).from(tickets)).length;

describe('openTicket', () => {
  it("opens a ticket on the viewer's own order, with its first message, a TKT number and ticket.created", async () => {
    const alice = await customer();
    const order = h.orders.add(alice.id, { totalMinor: 1_234_500, currency: 'COP', status: 'SHIPPED' });
    const { ticket, errors } = await open(alice.token, { orderId: order.id, subject: '  ¿Dónde está?  ', message: 'No ha llegado mi pedido.' });
    expect(errors).toEqual([]);
    expect(ticket).toMatchObject({
      number: expect.stringMatching(/^TKT-\d{6}$/), subject: '¿Dónde está?', status: 'OPEN', priority: null, priorityReasons: null, orderStatus: 'SHIPPED',
      order: { id: order.id }, customer: { id: alice.id }, history: [],
      messages: [{ body: 'No ha llegado mi pedido.', byStaff: false, author: { id: alice.id } }],
    });
    const created = (await h.recorded('ticket.created')).filter((e) => e.aggregateId === ticket.id);
    expect(created).toEqual([
      {
        aggregateId: ticket.id,
        payload: {
          ticketId: ticket.id, number: ticket.number, orderId: order.id, orderNumber: order.number, customerId: alice.id, subject: '¿Dónde está?',
          message: 'No ha llegado mi pedido.', orderTotal: { amountMinor: 1_234_500, currency: 'COP' }, createdAt: ticket.createdAt,
        },
      },
    ]);
  });

  it('numbers tickets from one sequence', async () => {
    const alice = await customer();
    const a = await openOn(alice);
    const b = await openOn(alice);
    expect(Number(b.ticket.number.slice(4))).toBeGreaterThan(Number(a.ticket.number.slice(4)));
  });

  it("answers someone else's order exactly like an order that does not exist: NOT_FOUND, nothing written", async () => {
    const alice = await customer();
    const bob = await customer();
    const bobs = h.orders.add(bob.id);
    const before = await countTickets();
    const others = await open(alice.token, { orderId: bobs.id, subject: 'Hola', message: 'Hola' });
    const unknown = await open(alice.token, { orderId: randomUUID(), subject: 'Hola', message: 'Hola' });
    expect(others).toEqual({ ticket: null, errors: [{ code: 'NOT_FOUND', message: 'No ticket or order with this id.', field: ['input', 'orderId'] }] });
    expect(unknown).toEqual(others);
    // An admin opens tickets on their own orders only, too.
    const staff = await admin();
    expect((await open(staff.token, { orderId: bobs.id, subject: 'Hola', message: 'Hola' })).errors[0].code).toBe('NOT_FOUND');
    expect(await countTickets()).toBe(before);
  });

  it.each([
    ['a subject under 3 characters', { subject: ' ab ' }, ['input', 'subject']],
    ['a subject over 120 characters', { subject: 'x'.repeat(121) }, ['input', 'subject']],
    ['an empty message', { message: '   ' }, ['input', 'message']],
    ['a message over 5000 characters', { message: 'x'.repeat(5001) }, ['input', 'message']],
    ['an order id that is no id', { orderId: 'ORD-1' }, ['input', 'orderId']],
  ])('refuses %s with INVALID_INPUT at the field, and writes nothing', async (_name, over, field) => {
    const alice = await customer();
    const order = h.orders.add(alice.id);
    const before = await countTickets();
    const payload = await open(alice.token, { orderId: order.id, subject: 'Una consulta', message: 'Hola', ...over });
    expect(payload.ticket).toBeNull();
    expect(payload.errors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field })]);
    expect(await countTickets()).toBe(before);
  });

  it('accepts the bounds: a 3- and a 120-character subject, a 5000-character message', async () => {
    const alice = await customer();
    const order = h.orders.add(alice.id);
    expect((await open(alice.token, { orderId: order.id, subject: 'abc', message: 'x'.repeat(5000) })).errors).toEqual([]);
    expect((await open(alice.token, { orderId: order.id, subject: 'y'.repeat(120), message: 'x' })).errors).toEqual([]);
  });

  it(`refuses a customer's ticket past ${MAX_OPEN_TICKETS} not CLOSED with TOO_MANY_OPEN_TICKETS, even when opened at once; closing one makes room`, async () => {
    const alice = await customer();
    const order = h.orders.add(alice.id);
    const attempts = await Promise.all(Array.from({ length: MAX_OPEN_TICKETS + 5 }, (_, i) => open(alice.token, { orderId: order.id, subject: `Consulta ${i}`, message: 'Hola' })));
    const opened = attempts.filter((p) => p.errors.length === 0);
    const refused = attempts.filter((p) => p.errors.length > 0);
    expect(opened).toHaveLength(MAX_OPEN_TICKETS);
    expect(refused.map((p) => p.errors[0].code)).toEqual(Array(5).fill('TOO_MANY_OPEN_TICKETS'));
    expect((await h.gql(SET_STATUS, { id: opened[0]!.ticket.id, s: 'CLOSED' }, alice.token)).data.setTicketStatus.errors).toEqual([]);
    expect((await open(alice.token, { orderId: order.id, subject: 'Otra más', message: 'Hola' })).errors).toEqual([]);
  });

  it('answers SERVICE_UNAVAILABLE when the orders subgraph does not answer, and writes nothing', async () => {
    const replica = await h.startSupport({ ORDERS_URL: 'http://127.0.0.1:9/graphql', ORDERS_TIMEOUT_MS: '500' });
    const alice = await customer();
    const before = await countTickets();
    const payload = (await h.gql(OPEN_TICKET, { input: { orderId: h.orders.add(alice.id).id, subject: 'Hola', message: 'Hola' } }, alice.token, replica)).data.openTicket;
    expect(payload).toEqual({ ticket: null, errors: [expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' })] });
    expect(await countTickets()).toBe(before);
  });

  it('needs a signed-in viewer', async () => {
    const res = await h.gql(OPEN_TICKET, { input: { orderId: randomUUID(), subject: 'Hola', message: 'Hola' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('replyToTicket', () => {
  it("adds the customer's reply to the thread and records ticket.replied; the status stays OPEN", async () => {
    const alice = await customer();
    const { ticket } = await openOn(alice);
    const long = `Sigo esperando. ${'a'.repeat(200)}`;
    const { ticket: after, errors } = (await h.gql(REPLY, { id: ticket.id, m: long }, alice.token)).data.replyToTicket;
    expect(errors).toEqual([]);
    expect(after.status).toBe('OPEN');
    expect(after.messages.map((m: any) => [m.body, m.byStaff])).toEqual([[ticket.messages[0].body, false], [long, false]]);
    const replied = (await h.recorded('ticket.replied')).filter((e) => e.aggregateId === ticket.id);
    expect(replied).toEqual([
      { aggregateId: ticket.id, payload: { ticketId: ticket.id, number: ticket.number, customerId: alice.id, messageId: after.messages[1].id, authorId: alice.id, byStaff: false, excerpt: long.slice(0, 140) } },
    ]);
  });

  it("an admin's reply is staff's, and moves an OPEN ticket to IN_PROGRESS (history, ticket.status_changed)", async () => {
    const alice = await customer();
    const staff = await admin();
    const { ticket } = await openOn(alice);
    const { ticket: after } = (await h.gql(REPLY, { id: ticket.id, m: 'Lo revisamos ya.' }, staff.token)).data.replyToTicket;
    expect(after.status).toBe('IN_PROGRESS');
    expect(after.messages[1]).toMatchObject({ byStaff: true, author: { id: staff.id } });
    expect(after.history).toEqual([{ from: 'OPEN', to: 'IN_PROGRESS', by: { id: staff.id } }]);
    const changes = (await h.recorded('ticket.status_changed')).filter((e) => e.aggregateId === ticket.id).map((e) => e.payload);
    expect(changes).toEqual([{ ticketId: ticket.id, number: ticket.number, customerId: alice.id, from: 'OPEN', to: 'IN_PROGRESS', by: staff.id }]);
    // A second staff reply leaves it IN_PROGRESS.
    expect((await h.gql(REPLY, { id: ticket.id, m: 'Sale mañana.' }, staff.token)).data.replyToTicket.ticket.status).toBe('IN_PROGRESS');
  });

  it("the customer's reply on a RESOLVED ticket reopens it (OPEN); on a CLOSED one it is TICKET_CLOSED for anyone", async () => {
    const alice = await customer();
    const staff = await admin();
    const { ticket } = await openOn(alice);
    await h.gql(SET_STATUS, { id: ticket.id, s: 'RESOLVED' }, staff.token);
    expect((await h.gql(REPLY, { id: ticket.id, m: 'No, sigue sin llegar.' }, alice.token)).data.replyToTicket.ticket.status).toBe('OPEN');
    await h.gql(SET_STATUS, { id: ticket.id, s: 'CLOSED' }, alice.token);
    const messages = (await h.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id))).length;
    for (const who of [alice, staff]) {
      expect((await h.gql(REPLY, { id: ticket.id, m: 'Hola' }, who.token)).data.replyToTicket).toEqual({ ticket: null, errors: [expect.objectContaining({ code: 'TICKET_CLOSED' })] });
    }
    expect((await h.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id))).length).toBe(messages);
  });

  it("answers another customer's ticket like a missing one (NOT_FOUND) and writes nothing", async () => {
    const alice = await customer();
    const bob = await customer();
    const { ticket } = await openOn(alice);
    const others = (await h.gql(REPLY, { id: ticket.id, m: 'Hola' }, bob.token)).data.replyToTicket;
    const missing = (await h.gql(REPLY, { id: randomUUID(), m: 'Hola' }, bob.token)).data.replyToTicket;
    expect(others).toEqual({ ticket: null, errors: [{ code: 'NOT_FOUND', message: 'No ticket or order with this id.', field: ['ticketId'] }] });
    expect(missing).toEqual(others);
    expect((await h.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id))).length).toBe(1);
  });

  it('refuses an empty or too long message with INVALID_INPUT', async () => {
    const alice = await customer();
    const { ticket } = await openOn(alice);
    for (const m of ['  ', 'x'.repeat(5001)]) {
      expect((await h.gql(REPLY, { id: ticket.id, m }, alice.token)).data.replyToTicket.errors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['message'] })]);
    }
  });
});

describe('setTicketStatus', () => {
  it('lets a customer close their own ticket, and nothing else (FORBIDDEN)', async () => {
    const alice = await customer();
    const { ticket } = await openOn(alice);
    for (const s of ['IN_PROGRESS', 'RESOLVED']) {
      expect((await h.gql(SET_STATUS, { id: ticket.id, s }, alice.token)).data.setTicketStatus.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    }
    const closed = (await h.gql(SET_STATUS, { id: ticket.id, s: 'CLOSED' }, alice.token)).data.setTicketStatus;
    expect(closed).toEqual({ ticket: { id: ticket.id, status: 'CLOSED', history: [{ from: 'OPEN', to: 'CLOSED' }] }, errors: [] });
  });

  it("answers another customer's ticket like a missing one (NOT_FOUND), even to close it", async () => {
    const alice = await customer();
    const bob = await customer();
    const { ticket } = await openOn(alice);
    expect((await h.gql(SET_STATUS, { id: ticket.id, s: 'CLOSED' }, bob.token)).data.setTicketStatus.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect((await h.db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticket.id)))[0]!.status).toBe('OPEN');
  });
});

describe('who sees a ticket', () => {
  const USER_TICKETS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { tickets(first: 10) { totalCount edges { node { id } } } } } }`;
  const ORDER_TICKETS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { tickets { id } } } }`;

  it('Query.ticket: its customer and admins; null for another customer, as for an id no ticket has', async () => {
    const alice = await customer();
    const bob = await customer();
    const staff = await admin();
    const { ticket } = await openOn(alice);
    expect((await h.gql(TICKET, { id: ticket.id }, alice.token)).data.ticket.id).toBe(ticket.id);
    expect((await h.gql(TICKET, { id: ticket.id }, staff.token)).data.ticket.id).toBe(ticket.id);
    expect(await h.gql(TICKET, { id: ticket.id }, bob.token)).toMatchObject({ data: { ticket: null } });
    expect(await h.gql(TICKET, { id: randomUUID() }, bob.token)).toMatchObject({ data: { ticket: null } });
    expect((await h.gql(TICKET, { id: ticket.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("User.tickets: the user's own, newest first, in pages; FORBIDDEN for another customer", async () => {
    const alice = await customer();
    const bob = await customer();
    const staff = await admin();
    const first = await openOn(alice);
    const second = await openOn(alice);
    const ref = { r: [{ __typename: 'User', id: alice.id }] };
    const own = await h.gql(USER_TICKETS, ref, alice.token);
    expect(own.data._entities[0].tickets).toEqual({ totalCount: 2, edges: [{ node: { id: second.ticket.id } }, { node: { id: first.ticket.id } }] });
    expect((await h.gql(USER_TICKETS, ref, staff.token)).data._entities[0].tickets.totalCount).toBe(2);
    expect((await h.gql(USER_TICKETS, ref, bob.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const PAGE = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on User { tickets(first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`;
    const page1 = (await h.gql(PAGE, ref, alice.token)).data._entities[0].tickets;
    expect(page1.edges).toEqual([{ node: { id: second.ticket.id } }]);
    const page2 = (await h.gql(PAGE, { ...ref, after: page1.pageInfo.endCursor }, alice.token)).data._entities[0].tickets;
    expect(page2).toEqual({ edges: [{ node: { id: first.ticket.id } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } });
  });

  it("Order.tickets: the order's customer and admins see them; another customer an empty list", async () => {
    const alice = await customer();
    const bob = await customer();
    const staff = await admin();
    const { order, ticket } = await openOn(alice);
    const ref = { r: [{ __typename: 'Order', id: order.id }] };
    expect((await h.gql(ORDER_TICKETS, ref, alice.token)).data._entities).toEqual([{ tickets: [{ id: ticket.id }] }]);
    expect((await h.gql(ORDER_TICKETS, ref, staff.token)).data._entities).toEqual([{ tickets: [{ id: ticket.id }] }]);
    expect((await h.gql(ORDER_TICKETS, ref, bob.token)).data._entities).toEqual([{ tickets: [] }]);
  });

  it('reached directly and anonymously, _entities gives no tickets of a user or an order', async () => {
    const alice = await customer();
    const { order, ticket } = await openOn(alice);
    const byUser = await h.gql(USER_TICKETS, { r: [{ __typename: 'User', id: alice.id }] });
    const byOrder = await h.gql(ORDER_TICKETS, { r: [{ __typename: 'Order', id: order.id }] });
    // User.tickets is @ownerOrAdmin (as orders' User.orders): nobody signed in owns it.
    expect(byUser.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byOrder.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify([byUser, byOrder])).not.toContain(ticket.id);
  });

  it('priorityReasons are for admins only (null for the customer)', async () => {
    const alice = await customer();
    const staff = await admin();
    const { ticket } = await openOn(alice);
    await h.db.update(tickets).set({ priority: 'HIGH', priorityReasons: ['the order has 1 failed payment'] }).where(eq(tickets.id, ticket.id));
    expect((await h.gql(TICKET, { id: ticket.id }, alice.token)).data.ticket).toMatchObject({ priority: 'HIGH', priorityReasons: null });
    expect((await h.gql(TICKET, { id: ticket.id }, staff.token)).data.ticket).toMatchObject({ priority: 'HIGH', priorityReasons: ['the order has 1 failed payment'] });
  });
});

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ticketPrioritized } from '@shop/assignment/contract';
import { orderStatusChanged } from '@shop/orders/contract';
import { scrapeMetrics } from '@shop/testing';
import { tickets } from '../src/db/schema.js';
import { collect, OPEN_TICKET, REPLY, SET_STATUS, startHarness, wsClient, type Harness } from './support/harness.js';

let h: Harness;
let replica: Awaited<ReturnType<Harness['startSupport']>>;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'support_live');
  replica = await h.startSupport();
});
afterAll(async () => h?.stop());

const person = async (roles: ('CUSTOMER' | 'ADMIN')[] = ['CUSTOMER']) => {
  const id = randomUUID();
  return { id, token: await h.tokenFor(id, roles) };
};
const openOn = async (who: { id: string; token: string }) => {
  const order = h.orders.add(who.id);
  const { data } = await h.gql(OPEN_TICKET, { input: { orderId: order.id, subject: 'Sobre mi pedido', message: 'Hola' } }, who.token);
  expect(data.openTicket.errors).toEqual([]);
  return { order, ticket: data.openTicket.ticket as { id: string; number: string } };
};
const rowOf = async (id: string) => (await h.db.select().from(tickets).where(eq(tickets.id, id)))[0]!;
const consumed = async (type: string, outcome: string) =>
  (await scrapeMetrics(h.support.url.replace(/\/graphql$/, '/metrics'))).value('events_consumed_total', { type, outcome }) +
  (await scrapeMetrics(replica.url.replace(/\/graphql$/, '/metrics'))).value('events_consumed_total', { type, outcome });

/** Waits until the first support server holds this many live subscriptions (so no event is published before one is listening). */
const subscriptions = (n: number) =>
  expect.poll(async () => (await scrapeMetrics(h.support.url.replace(/\/graphql$/, '/metrics'))).value('graphql_ws_subscriptions'), { timeout: 10_000 }).toBe(n);

describe('ticket.prioritized (from the assignment worker)', () => {
  it("sets the ticket's priority and reasons, once per event: a redelivered older decision does not come back", async () => {
    const { ticket } = await openOn(await person());
    const high = ticketPrioritized.create({ ticketId: ticket.id, priority: 'HIGH', reasons: ['the order has 1 failed payment'] });
    await h.bus.publish(high);
    await expect.poll(async () => (await rowOf(ticket.id)).priority, { timeout: 10_000 }).toBe('HIGH');
    expect((await rowOf(ticket.id)).priorityReasons).toEqual(['the order has 1 failed payment']);
    const low = ticketPrioritized.create({ ticketId: ticket.id, priority: 'LOW', reasons: ['low-value order (20000 COP)'] });
    await h.bus.publish(low);
    await expect.poll(async () => (await rowOf(ticket.id)).priority, { timeout: 10_000 }).toBe('LOW');
    const duplicatesBefore = await consumed('ticket.prioritized', 'duplicate');
    await h.bus.publish(high);
    await h.settle();
    expect(await consumed('ticket.prioritized', 'duplicate')).toBe(duplicatesBefore + 1);
    expect((await rowOf(ticket.id)).priority).toBe('LOW');
  });
});

describe('order.status_changed (from orders)', () => {
  it("keeps the order's status on its tickets; an event older than what support knows changes nothing", async () => {
    const alice = await person();
    const { order, ticket } = await openOn(alice);
    expect((await rowOf(ticket.id)).orderStatus).toBe('PAID');
    const shipped = orderStatusChanged.create({ orderId: order.id, customerId: alice.id, from: 'PAID', to: 'SHIPPED', reason: null, lines: [] });
    await h.bus.publish(shipped);
    await expect.poll(async () => (await rowOf(ticket.id)).orderStatus, { timeout: 10_000 }).toBe('SHIPPED');
    const stale = orderStatusChanged.create({ orderId: order.id, customerId: alice.id, from: 'AWAITING_PAYMENT', to: 'PAID', reason: null, lines: [] });
    await h.bus.publish({ ...stale, occurredAt: new Date(Date.parse(shipped.occurredAt) - 60_000).toISOString() });
    await h.settle();
    expect((await rowOf(ticket.id)).orderStatus).toBe('SHIPPED');
    const admin = await person(['ADMIN']);
    const queue = await h.gql(`{ supportQueue(first: 100) { edges { node { id orderStatus } } } }`, {}, admin.token);
    expect(queue.data.supportQueue.edges.find((e: any) => e.node.id === ticket.id).node.orderStatus).toBe('SHIPPED');
  });

  it('takes an order event with no tickets as applied, once', async () => {
    const before = await consumed('order.status_changed', 'applied');
    await h.bus.publish(orderStatusChanged.create({ orderId: randomUUID(), customerId: randomUUID(), from: null, to: 'AWAITING_PAYMENT', reason: null, lines: [] }));
    await h.settle();
    expect(await consumed('order.status_changed', 'applied')).toBe(before + 1);
  });
});

describe('Subscription.ticketUpdated', () => {
  const UPDATED = `subscription($id: ID!) { ticketUpdated(ticketId: $id) { id status priority messages { body byStaff } } }`;

  it('pushes the ticket to its customer on a reply, a status change and a priority, whichever replica made the change', async () => {
    const alice = await person();
    const admin = await person(['ADMIN']);
    const { ticket } = await openOn(alice);
    const { ticket: otherTicket } = await openOn(alice);
    const client = wsClient(h.support.url, alice.token);
    const live = collect(client, UPDATED, { id: ticket.id });
    try {
      await subscriptions(1);
      // Another ticket's change pushes nothing to this subscription.
      await h.gql(REPLY, { id: otherTicket.id, m: 'otro' }, alice.token);
      await h.gql(REPLY, { id: ticket.id, m: 'Ya lo revisamos.' }, admin.token, replica);
      // The admin's reply is one ticket.replied and one ticket.status_changed (OPEN -> IN_PROGRESS): two pushes.
      await expect.poll(() => live.results.length, { timeout: 10_000 }).toBe(2);
      const last = live.results.at(-1)!.data.ticketUpdated;
      expect(last).toMatchObject({ id: ticket.id, status: 'IN_PROGRESS', messages: [{ body: 'Hola', byStaff: false }, { body: 'Ya lo revisamos.', byStaff: true }] });
      await h.bus.publish(ticketPrioritized.create({ ticketId: ticket.id, priority: 'URGENT', reasons: ['x'] }));
      await expect.poll(() => live.results.length, { timeout: 10_000 }).toBe(3);
      expect(live.results[2]!.data.ticketUpdated).toMatchObject({ priority: 'URGENT' });
      await h.gql(SET_STATUS, { id: ticket.id, s: 'RESOLVED' }, admin.token);
      await expect.poll(() => live.results.length, { timeout: 10_000 }).toBe(4);
      expect(live.results[3]!.data.ticketUpdated).toMatchObject({ status: 'RESOLVED' });
      expect(live.results.every((r) => r.data.ticketUpdated.id === ticket.id)).toBe(true);
      expect(live.error).toBeUndefined();
    } finally {
      live.unsubscribe();
      await client.dispose();
    }
  });

  it("refuses another customer's ticket like a missing one (NOT_FOUND), and admins may follow any", async () => {
    const alice = await person();
    const bob = await person();
    const admin = await person(['ADMIN']);
    const { ticket } = await openOn(alice);
    const clients = [wsClient(h.support.url, bob.token), wsClient(h.support.url, bob.token), wsClient(h.support.url, admin.token)];
    const [others, missing, staff] = [collect(clients[0]!, UPDATED, { id: ticket.id }), collect(clients[1]!, UPDATED, { id: randomUUID() }), collect(clients[2]!, UPDATED, { id: ticket.id })];
    try {
      await expect.poll(() => [others, missing].every((c) => c.error !== undefined || c.results.length > 0), { timeout: 10_000 }).toBe(true);
      const codes = [others, missing].map((c) => (c.error as any)?.[0]?.extensions?.code ?? c.results[0]?.errors?.[0]?.extensions?.code);
      expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      await subscriptions(1);
      await h.gql(REPLY, { id: ticket.id, m: 'más detalles' }, alice.token);
      await expect.poll(() => staff.results.length, { timeout: 10_000 }).toBe(1);
      expect(staff.results[0]!.data.ticketUpdated.id).toBe(ticket.id);
      expect(others.results.filter((r) => r.data)).toEqual([]);
    } finally {
      for (const c of [others, missing, staff]) c.unsubscribe();
      for (const client of clients) await client.dispose();
    }
  });

  it('needs a signed-in viewer', async () => {
    const client = wsClient(h.support.url);
    const live = collect(client, UPDATED, { id: randomUUID() });
    try {
      await expect.poll(() => live.error !== undefined || live.results.length > 0, { timeout: 10_000 }).toBe(true);
      const code = (live.error as any)?.[0]?.extensions?.code ?? live.results[0]?.errors?.[0]?.extensions?.code;
      expect(code).toBe('UNAUTHENTICATED');
    } finally {
      live.unsubscribe();
      await client.dispose();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { emailDeliveries, notifications, type NotificationKind } from '../src/db/schema.js';
import { startHarness, queries, type Harness } from './support/harness.js';
import { capturedPayment, failedPayment, lowStock, orderChange, product, seller, soldOut, ticketEvents } from './support/events.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'notif');
});
afterAll(async () => h?.stop());

const kindsOf = async (userId: string) =>
  (await h.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.createdAt, notifications.kind)).map((r) => r.kind);
const rowsOf = (userId: string) => h.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.createdAt);
const feed = async (userId: string, token: string, variables: Record<string, unknown> = {}) => graphqlRequest(h.notifications.url, queries.feed, { id: userId, ...variables }, token);

describe('events become notifications', () => {
  it('maps every order status and a failed payment to the customer, with the order number, total and link', async () => {
    const customer = randomUUID();
    const orderId = randomUUID();
    const steps = [
      orderChange(customer, null, 'AWAITING_PAYMENT', { orderId }),
      orderChange(customer, 'AWAITING_PAYMENT', 'PAID', { orderId }),
      orderChange(customer, 'PAID', 'SHIPPED', { orderId }),
      orderChange(customer, 'SHIPPED', 'DELIVERED', { orderId }),
    ];
    for (const event of steps) await h.deliver(event);
    await h.deliver(orderChange(customer, 'AWAITING_PAYMENT', 'CANCELLED', { reason: 'EXPIRED' }));
    await h.deliver(failedPayment(customer, orderId));
    await h.deliver(capturedPayment(customer)); // says nothing: the order's own events do

    const rows = await rowsOf(customer);
    expect(rows.map((r) => r.kind)).toEqual(['ORDER_PLACED', 'ORDER_PAID', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'ORDER_CANCELLED', 'PAYMENT_FAILED']);
    expect(rows[0]).toMatchObject({ title: 'Tu pedido ORD-000042 quedó registrado', link: `/orders/${orderId}` });
    expect(rows[0]!.body).toContain('$ 249.900,50');
    expect(rows[4]!.body).toBe('Se canceló porque el pago no llegó a tiempo.');
    expect(rows[5]).toMatchObject({ title: 'Tu pago no se pudo completar', link: `/orders/${orderId}` });
    // The provider's failure text (which may name a card or a token) never reaches the customer.
    expect(JSON.stringify(rows)).not.toMatch(/4111|tok_secret|declined/);
  });

  it('a paid order that is cancelled says the payment is being refunded', async () => {
    const customer = randomUUID();
    await h.deliver(orderChange(customer, 'PAID', 'CANCELLED', { reason: 'ADMIN' }));
    expect(await rowsOf(customer)).toEqual([expect.objectContaining({ kind: 'ORDER_CANCELLED', body: 'La tienda lo canceló. Estamos reembolsando tu pago de $ 249.900,50.' })]);
  });

  it('an order event without the newer number and total still makes a notification', async () => {
    const customer = randomUUID();
    const event = orderChange(customer, 'PAID', 'SHIPPED');
    delete (event.payload as Record<string, unknown>).number;
    delete (event.payload as Record<string, unknown>).total;
    await h.deliver(event);
    expect(await rowsOf(customer)).toEqual([expect.objectContaining({ kind: 'ORDER_SHIPPED', title: 'Tu pedido fue enviado' })]);
  });

  it("tells a product's seller, by the product's name, of low stock and of selling out; nobody else", async () => {
    const before = await h.db.select({ n: count() }).from(notifications);
    await h.deliver(lowStock());
    await h.deliver(soldOut());
    const rows = (await rowsOf(seller.id)).slice(-2);
    expect(rows.map((r) => r.kind)).toEqual(['LOW_STOCK', 'SOLD_OUT']);
    expect(rows[0]).toMatchObject({ title: `Pocas existencias: ${product.name}`, link: `/seller/products/${product.id}` });
    expect(rows[0]!.body).toContain('Solo quedan 2 unidades');
    expect(rows[1]!.title).toBe(`Agotado: ${product.name}`);
    const after = await h.db.select({ n: count() }).from(notifications);
    expect(after[0]!.n - before[0]!.n).toBe(2);
  });

  it('tells the customer and every admin about a ticket, never the one who replied or changed it', async () => {
    const customer = randomUUID();
    const ticket = ticketEvents(customer);
    for (const event of [ticket.created, ticket.staffReply, ticket.customerReply, ticket.takenUp, ticket.closedByCustomer]) await h.deliver(event);
    expect(await kindsOf(customer)).toEqual<NotificationKind[]>(['TICKET_OPENED', 'TICKET_REPLIED', 'TICKET_STATUS_CHANGED']);
    const adminRows = (await rowsOf(demo.admin.id)).filter((r) => r.link?.endsWith(ticket.ticketId));
    expect(adminRows.map((r) => r.kind)).toEqual(['TICKET_OPENED', 'TICKET_REPLIED', 'TICKET_STATUS_CHANGED']);
    expect(adminRows[0]).toMatchObject({ title: 'Nuevo ticket TKT-000007: Where is my hammock?', link: `/admin/tickets/${ticket.ticketId}` });
    expect(adminRows[1]!.title).toBe('El cliente respondió en el ticket TKT-000007');
    expect(adminRows[2]!.title).toBe('El ticket TKT-000007 está cerrado');
    const customerRows = await rowsOf(customer);
    expect(customerRows[1]).toMatchObject({ title: 'Nueva respuesta en tu ticket TKT-000007', body: '“It left the workshop today.”', link: `/support/tickets/${ticket.ticketId}` });
    expect(customerRows[2]!.title).toBe('El ticket TKT-000007 está en curso');
  });

  it('a redelivered event makes one notification (and one e-mail)', async () => {
    const event = orderChange(demo.customer.id, 'PAID', 'SHIPPED', { number: 'ORD-000777' });
    await h.deliver(event);
    await h.deliver(structuredClone(event));
    await Promise.all([h.deliver(structuredClone(event)), h.deliver(structuredClone(event))]);
    const rows = await h.db.select().from(notifications).where(and(eq(notifications.userId, demo.customer.id), eq(notifications.title, 'Tu pedido ORD-000777 fue enviado')));
    expect(rows).toHaveLength(1);
    const deliveries = await h.db.select().from(emailDeliveries).where(eq(emailDeliveries.notificationId, rows[0]!.id));
    expect(deliveries).toHaveLength(1);
  });
});

describe('the feed', () => {
  it('pages newest first, counts unread, filters unread only, and marks read', async () => {
    const customer = randomUUID();
    const token = await h.tokenFor(customer);
    for (const to of ['PAID', 'SHIPPED', 'DELIVERED'] as const) await h.deliver(orderChange(customer, 'AWAITING_PAYMENT', to));
    const first = await feed(customer, token, { first: 2 });
    expect(first.errors).toBeUndefined();
    const user = first.data._entities[0];
    expect(user.unreadNotificationCount).toBe(3);
    expect(user.notifications.totalCount).toBe(3);
    expect(user.notifications.edges.map((e: any) => e.node.kind)).toEqual(['ORDER_DELIVERED', 'ORDER_SHIPPED']);
    expect(user.notifications.pageInfo.hasNextPage).toBe(true);
    const second = await feed(customer, token, { first: 2, after: user.notifications.pageInfo.endCursor });
    expect(second.data._entities[0].notifications.edges.map((e: any) => e.node.kind)).toEqual(['ORDER_PAID']);
    expect(second.data._entities[0].notifications.pageInfo.hasNextPage).toBe(false);

    const newest = user.notifications.edges[0].node;
    const marked = await graphqlRequest(h.notifications.url, queries.markRead, { ids: [newest.id] }, token);
    expect(marked.data.markNotificationsRead).toEqual({ unreadNotificationCount: 2, errors: [] });
    const unread = await feed(customer, token, { unreadOnly: true });
    expect(unread.data._entities[0].notifications.edges.map((e: any) => e.node.kind)).toEqual(['ORDER_SHIPPED', 'ORDER_PAID']);
    expect(unread.data._entities[0].notifications.totalCount).toBe(2);
    const all = await feed(customer, token);
    expect(all.data._entities[0].notifications.edges[0].node).toMatchObject({ id: newest.id, read: true });

    const everything = await graphqlRequest(h.notifications.url, queries.markRead, {}, token);
    expect(everything.data.markNotificationsRead).toEqual({ unreadNotificationCount: 0, errors: [] });
  });

  it("nobody reads another's feed or count, not even an admin; signed out is UNAUTHENTICATED", async () => {
    const customer = randomUUID();
    await h.deliver(orderChange(customer, 'AWAITING_PAYMENT', 'PAID'));
    const other = await h.tokenFor(randomUUID());
    const admin = await h.tokenFor(demo.admin.id, ['ADMIN']);
    for (const token of [other, admin]) {
      const res = await feed(customer, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res.data ?? null)).not.toContain('ORDER_PAID');
      const prefs = await graphqlRequest(h.notifications.url, queries.preferences, { id: customer }, token);
      expect(prefs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await feed(customer, undefined as unknown as string);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("marking another user's notifications read changes nothing", async () => {
    const customer = randomUUID();
    await h.deliver(orderChange(customer, 'AWAITING_PAYMENT', 'PAID'));
    const [theirs] = await rowsOf(customer);
    const intruder = await h.tokenFor(randomUUID());
    const res = await graphqlRequest(h.notifications.url, queries.markRead, { ids: [theirs!.id] }, intruder);
    expect(res.data.markNotificationsRead).toEqual({ unreadNotificationCount: 0, errors: [] });
    const all = await graphqlRequest(h.notifications.url, queries.markRead, {}, intruder);
    expect(all.data.markNotificationsRead.errors).toEqual([]);
    expect((await rowsOf(customer))[0]!.readAt).toBeNull();
  });

  it('refuses bad ids with INVALID_INPUT and marks nothing', async () => {
    const customer = randomUUID();
    const token = await h.tokenFor(customer);
    await h.deliver(orderChange(customer, 'AWAITING_PAYMENT', 'PAID'));
    const [mine] = await rowsOf(customer);
    const bad = await graphqlRequest(h.notifications.url, queries.markRead, { ids: [mine!.id, 'not-an-id'] }, token);
    expect(bad.data.markNotificationsRead).toEqual({ unreadNotificationCount: 1, errors: [expect.objectContaining({ code: 'INVALID_INPUT', field: ['ids', '1'] })] });
    const tooMany = await graphqlRequest(h.notifications.url, queries.markRead, { ids: Array.from({ length: 101 }, () => randomUUID()) }, token);
    expect(tooMany.data.markNotificationsRead.errors[0].code).toBe('INVALID_INPUT');
    expect((await rowsOf(customer))[0]!.readAt).toBeNull();
    const badCursor = await feed(customer, token, { after: 'garbage' });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('notificationAdded', () => {
  it("pushes the viewer's own notifications live and never another user's", async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    const received: { alice: any[]; bob: any[] } = { alice: [], bob: [] };
    const subscribe = async (name: 'alice' | 'bob', id: string) => {
      const client = h.wsClient(await h.tokenFor(id));
      const stop = client.subscribe({ query: queries.added }, { next: (r) => void received[name].push(r), error: (e) => void received[name].push({ error: e }), complete: () => undefined });
      return stop;
    };
    await subscribe('alice', alice);
    await subscribe('bob', bob);
    // Until both subscriptions are listening, a notification could be missed: wait for the server to count them.
    await vi.waitFor(() => expect(h.notifications.liveStats().subscriptions).toBeGreaterThanOrEqual(2), { timeout: 5000 });

    await h.deliver(orderChange(alice, 'AWAITING_PAYMENT', 'PAID', { number: 'ORD-000100' }));
    await vi.waitFor(() => expect(received.alice).toHaveLength(1), { timeout: 5000 });
    expect(received.alice[0].data.notificationAdded).toMatchObject({ kind: 'ORDER_PAID', title: 'Tu pedido ORD-000100 está pagado', read: false });
    const [stored] = await rowsOf(alice);
    expect(received.alice[0].data.notificationAdded.id).toBe(stored!.id);

    // Bob's first notification is his own: Alice's never arrived before it.
    await h.deliver(orderChange(bob, 'PAID', 'SHIPPED', { number: 'ORD-000200' }));
    await vi.waitFor(() => expect(received.bob).toHaveLength(1), { timeout: 5000 });
    expect(received.bob[0].data.notificationAdded.title).toBe('Tu pedido ORD-000200 fue enviado');
    expect(received.alice).toHaveLength(1);
  });

  it('reaches a subscriber on another replica than the one that consumed the event', async () => {
    const replica = await h.startReplica();
    const user = randomUUID();
    const received: any[] = [];
    h.wsClient(await h.tokenFor(user), replica.url).subscribe({ query: queries.added }, { next: (r) => void received.push(r), error: (e) => void received.push({ error: e }), complete: () => undefined });
    await vi.waitFor(() => expect(replica.liveStats().subscriptions).toBe(1), { timeout: 5000 });
    // The bus hands the queue's deliveries to the two replicas in turn: of two events, one is consumed elsewhere.
    await h.deliver(orderChange(user, 'AWAITING_PAYMENT', 'PAID', { number: 'ORD-000301' }));
    await h.deliver(orderChange(user, 'PAID', 'SHIPPED', { number: 'ORD-000301' }));
    await vi.waitFor(() => expect(received).toHaveLength(2), { timeout: 5000 });
    expect(received.map((r) => r.data.notificationAdded.kind).sort()).toEqual(['ORDER_PAID', 'ORDER_SHIPPED']);
  });

  it('refuses a signed-out subscriber', async () => {
    const { createClient } = await import('graphql-ws');
    const WebSocket = (await import('ws')).default;
    const client = createClient({ url: h.notifications.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    const outcome = await new Promise<unknown>((resolve) => client.subscribe({ query: queries.added }, { next: resolve, error: resolve, complete: () => resolve('complete') }));
    await client.dispose();
    expect(JSON.stringify(outcome)).toMatch(/UNAUTHENTICATED|Sign in|4401|4403|authoriz/i);
  });
});

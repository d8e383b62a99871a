import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { demo } from '@shop/demo-store';
import { createEventBus, type DomainEvent, type EventBus } from '@shop/events';
import { TOPOLOGY } from '@shop/platform';
import { graphqlRequest, parseMetrics, startRabbitMq, type RabbitMqServer } from '@shop/testing';
import { adjustStock, collect, login, payOrder, placeOrder, until, wsClient } from '../live/support.js';
import { metricsUrlOf, startDistributedPlatform, type DistributedPlatform } from '../support/distributed.js';

/**
 * Events fan out: every service and the gateway as its own process on a real RabbitMQ, each consumer on its own
 * durable queue with its own database. One order event reaches each queue bound to it once; a consumer that was down
 * catches up; a redelivery has one effect; a ticket crosses support, the assignment worker and notifications.
 */
let rabbit: RabbitMqServer;
let platform: DistributedPlatform;
let bus: EventBus;
const sql: Record<string, postgres.Sql> = {};
const clients: Client[] = [];
const tokens: Record<'customer' | 'admin', string> = { customer: '', admin: '' };
// The demo product with the most units, so every order here finds stock.
const product = demo.products.map((p) => ({ id: p.id, units: demo.stock.filter((s) => s.productId === p.id).reduce((n, s) => n + s.onHand, 0) })).sort((a, b) => b.units - a.units)[0]!;

beforeAll(async () => {
  rabbit = await startRabbitMq();
  platform = await startDistributedPlatform({ databaseUrl: inject('databaseUrl'), rabbitUrl: rabbit.url, prefix: 'fanout' });
  for (const name of ['orders', 'notifications', 'support', 'assignment'] as const) sql[name] = postgres(platform.databaseUrls[name], { max: 2, onnotice: () => {} });
  // The test's own connection to the broker: to deliver an event a second time, as a broker may after a lost ack.
  bus = await createEventBus({ EVENT_BUS: 'rabbitmq', RABBITMQ_URL: rabbit.url } as never, { topology: TOPOLOGY });
  tokens.customer = await login(platform.gatewayUrl, demo.customer);
  tokens.admin = await login(platform.gatewayUrl, demo.admin);
}, 300_000);

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await Promise.allSettled(Object.values(sql).map((s) => s.end()));
  await bus?.close();
  await platform?.stop();
  await rabbit?.stop();
}, 120_000);

/** Deliveries of one event type to a service by outcome, from its /metrics. */
async function deliveries(service: keyof DistributedPlatform['services'], type: string) {
  const scrape = parseMetrics(await (await fetch(metricsUrlOf(platform.services[service]))).text());
  const of = (outcome: string) => scrape.value('events_consumed_total', { type, outcome });
  return { applied: of('applied'), skipped: of('skipped'), duplicate: of('duplicate'), failed: of('failed') };
}

/** A user's notifications of one kind (about one order or ticket, when given: its id is in the link). */
const notificationsOf = async (userId: string, kind: string, about = '') =>
  (await sql.notifications!<{ n: number }[]>`select count(*)::int as n from notifications where user_id = ${userId} and kind = ${kind} and coalesce(link, '') like ${`%${about}%`}`)[0]!.n;

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('one event, many independent consumers (separate processes, real RabbitMQ)', () => {
  it('routes order.status_changed to the queue of every service bound to it, and each gets it once', () => {
    expect(Object.entries(TOPOLOGY).filter(([, types]) => types.includes('order.status_changed')).map(([queue]) => queue).sort()).toEqual(['analytics', 'inventory', 'notifications', 'payments', 'shipping', 'support']);
  });

  it('one placed order: inventory, payments, support, notifications and analytics each receive its event exactly once', async () => {
    const consumers = ['inventory', 'payments', 'support', 'notifications', 'analytics'] as const;
    const received = async () => Object.fromEntries(await Promise.all(consumers.map(async (c) => [c, await deliveries(c, 'order.status_changed')] as const)));
    const before = await received();
    const orderId = await placeOrder(platform.gatewayUrl, tokens.customer, product.id, 'fanout-one');
    await waitFor(async () => (await notificationsOf(demo.customer.id, 'ORDER_PLACED', orderId)) >= 1, 'the ORDER_PLACED notification');
    // A moment for any stray second delivery to show before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = await received();
    for (const consumer of consumers) {
      const delta = (k: 'applied' | 'skipped' | 'duplicate' | 'failed') => after[consumer]![k] - before[consumer]![k];
      expect({ consumer, handled: delta('applied') + delta('skipped'), duplicate: delta('duplicate'), failed: delta('failed') }).toEqual({ consumer, handled: 1, duplicate: 0, failed: 0 });
    }
    expect(await notificationsOf(demo.customer.id, 'ORDER_PLACED', orderId)).toBe(1);
    const [order] = await sql.orders!<{ status: string }[]>`select status from orders where id = ${orderId}`;
    expect(order!.status).toBe('AWAITING_PAYMENT');
  }, 60_000);

  it('a consumer that was down catches up when it returns: nothing is lost, nothing is doubled', async () => {
    const paidBefore = await notificationsOf(demo.customer.id, 'ORDER_PAID');
    await platform.services.notifications.kill();
    const orderIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const orderId = await placeOrder(platform.gatewayUrl, tokens.customer, product.id, `fanout-down-${i}`);
      await payOrder(platform.gatewayUrl, tokens.customer, orderId, `fanout-down-pay-${i}`);
      orderIds.push(orderId);
    }
    // Orders are paid while notifications is away: its queue keeps their events.
    await waitFor(async () => (await sql.orders!<{ n: number }[]>`select count(*)::int as n from orders where id = any(${orderIds}::uuid[]) and status = 'PAID'`)[0]!.n === 5, 'the five orders to be paid');
    expect(await notificationsOf(demo.customer.id, 'ORDER_PAID')).toBe(paidBefore);
    await platform.services.notifications.restart();
    await waitFor(async () => (await notificationsOf(demo.customer.id, 'ORDER_PAID')) === paidBefore + 5, 'five ORDER_PAID notifications after the restart');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await notificationsOf(demo.customer.id, 'ORDER_PAID')).toBe(paidBefore + 5);
  }, 120_000);

  it('a redelivered event makes one notification', async () => {
    const orderId = await placeOrder(platform.gatewayUrl, tokens.customer, product.id, 'fanout-redeliver');
    await waitFor(async () => (await sql.notifications!<{ n: number }[]>`select count(*)::int as n from notifications where link like ${`%${orderId}%`}`)[0]!.n === 1, 'the first notification');
    const [row] = await sql.orders!<{ id: string; type: string; version: number; aggregate_id: string; source: string; payload: Record<string, unknown>; occurred_at: string }[]>`
      select id, type, version, aggregate_id, source, payload, occurred_at from outbox where aggregate_id = ${orderId} and type = 'order.status_changed'`;
    const event: DomainEvent = { id: row!.id, type: row!.type, version: row!.version, aggregateId: row!.aggregate_id, source: row!.source, payload: row!.payload, occurredAt: new Date(row!.occurred_at).toISOString() };
    const before = await deliveries('notifications', 'order.status_changed');
    await bus.publish(event);
    await waitFor(async () => (await deliveries('notifications', 'order.status_changed')).duplicate === before.duplicate + 1, 'the redelivery to be seen');
    expect((await sql.notifications!<{ n: number }[]>`select count(*)::int as n from notifications where link like ${`%${orderId}%`}`)[0]!.n).toBe(1);
  }, 60_000);
});

describe("stock alerts reach the product's seller only (inventory -> RabbitMQ -> notifications)", () => {
  it("raising a threshold over the units available tells that product's seller, and no other seller", async () => {
    const [sellerA, sellerB] = demo.sellers;
    const ownProduct = demo.products.find((p) => p.sellerId === sellerA!.id && demo.stock.some((s) => s.productId === p.id && s.onHand > 0))!;
    const token = await login(platform.gatewayUrl, sellerA!);
    const set = await graphqlRequest(
      platform.gatewayUrl,
      `mutation($id: ID!) { setLowStockThreshold(productId: $id, threshold: 100000) { product { id lowStockThreshold } errors { code } } }`,
      { id: ownProduct.id },
      token,
    );
    expect(set.data?.setLowStockThreshold, JSON.stringify(set)).toEqual({ product: { id: ownProduct.id, lowStockThreshold: 100000 }, errors: [] });
    await waitFor(async () => (await notificationsOf(sellerA!.id, 'LOW_STOCK', ownProduct.id)) === 1, "the seller's LOW_STOCK notification");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const [others] = await sql.notifications!<{ n: number }[]>`select count(*)::int as n from notifications where kind = 'LOW_STOCK' and link like ${`%${ownProduct.id}%`} and user_id <> ${sellerA!.id}`;
    expect({ seller: await notificationsOf(sellerA!.id, 'LOW_STOCK', ownProduct.id), otherSeller: await notificationsOf(sellerB!.id, 'LOW_STOCK', ownProduct.id), anyoneElse: others!.n }).toEqual({ seller: 1, otherSeller: 0, anyoneElse: 0 });
  }, 60_000);
});

describe('a favourite back in stock (users and inventory -> RabbitMQ -> notifications -> the gateway)', () => {
  it("the customer favourites a product, its seller sells it out and restocks it: the customer's notificationAdded gets BACK_IN_STOCK", async () => {
    // Another seller's product than the stock-alert test's, and not the one the orders here take.
    const favourite = demo.products.find((p) => p.id !== product.id && p.sellerId === demo.sellers[1]!.id && demo.stock.some((s) => s.productId === p.id && s.onHand > 0))!;
    const sellerToken = await login(platform.gatewayUrl, demo.sellers[1]!);
    const customerWs = wsClient(platform.gatewayUrl.replace('http', 'ws'), tokens.customer);
    clients.push(customerWs);
    const live = collect(customerWs, `subscription { notificationAdded { kind title link } }`);

    const added = await graphqlRequest(platform.gatewayUrl, `mutation($p: ID!) { addFavorite(productId: $p) }`, { p: favourite.id }, tokens.customer);
    expect(added.data, JSON.stringify(added)).toEqual({ addFavorite: true });
    const mine = await graphqlRequest(platform.gatewayUrl, `{ me { favorites { id name } } }`, undefined, tokens.customer);
    expect(mine.data.me.favorites).toEqual([{ id: favourite.id, name: favourite.name }]);
    const STOCK = `query($id: ID!) { product(id: $id) { stock { warehouses { warehouse { id } available } } } }`;
    const { warehouses } = (await graphqlRequest(platform.gatewayUrl, STOCK, { id: favourite.id }, sellerToken)).data.product.stock as { warehouses: { warehouse: { id: string }; available: number }[] };
    for (const { warehouse, available } of warehouses) if (available > 0) await adjustStock(platform.gatewayUrl, sellerToken, favourite.id, warehouse.id, -available);
    // users' favorite.added travels on its own: restocking before notifications learned of it would tell nobody.
    await waitFor(async () => (await sql.notifications!<{ n: number }[]>`select count(*)::int as n from product_watchers where product_id = ${favourite.id} and user_id = ${demo.customer.id} and watching`)[0]!.n === 1, 'the watcher');
    expect((await adjustStock(platform.gatewayUrl, sellerToken, favourite.id, warehouses[0]!.warehouse.id, 2)).available).toBe(2);

    await until(() => live.results.some((r) => (r.data as any)?.notificationAdded.kind === 'BACK_IN_STOCK'), 'notificationAdded BACK_IN_STOCK', 30_000);
    expect(live.results.map((r) => (r.data as any).notificationAdded).filter((n) => n.kind === 'BACK_IN_STOCK')).toEqual([
      { kind: 'BACK_IN_STOCK', title: `De nuevo disponible: ${favourite.name}`, link: `/products/${favourite.id}` },
    ]);
  }, 60_000);
});

describe('a ticket across support, the assignment worker and notifications (separate processes, real RabbitMQ)', () => {
  it('open → triaged by the worker → priority visible → an admin replies → the customer sees notificationAdded and ticketUpdated live', async () => {
    const orderId = await placeOrder(platform.gatewayUrl, tokens.customer, product.id, 'fanout-ticket');
    const customerWs = wsClient(platform.gatewayUrl.replace('http', 'ws'), tokens.customer);
    clients.push(customerWs);
    const notifications = collect(customerWs, `subscription { notificationAdded { id kind title link read } }`);

    const opened = await graphqlRequest(
      platform.gatewayUrl,
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id number status priority order { id } } errors { code message } } }`,
      { input: { orderId, subject: 'Cobro doble', message: 'Me cobraron dos veces este pedido, es urgente.' } },
      tokens.customer,
    );
    expect(opened.data?.openTicket.errors, JSON.stringify(opened)).toEqual([]);
    const ticket = opened.data.openTicket.ticket as { id: string; number: string; status: string; priority: string | null; order: { id: string } };
    expect(ticket).toMatchObject({ status: 'OPEN', priority: null, order: { id: orderId } });

    const updates = collect(customerWs, `subscription($id: ID!) { ticketUpdated(ticketId: $id) { id status priority messages { body author { id } } } }`, { id: ticket.id });
    // The worker triages from its own tables and publishes ticket.prioritized; support applies it.
    const TICKET = `query($id: ID!) { ticket(id: $id) { priority status } }`;
    await waitFor(async () => (await graphqlRequest(platform.gatewayUrl, TICKET, { id: ticket.id }, tokens.customer)).data?.ticket?.priority != null, 'the priority from the worker');
    const triaged = (await graphqlRequest(platform.gatewayUrl, TICKET, { id: ticket.id }, tokens.customer)).data.ticket;
    expect(['HIGH', 'URGENT']).toContain(triaged.priority);
    const [assigned] = await sql.assignment!<{ n: number }[]>`select count(*)::int as n from assignments where ticket_id = ${ticket.id}`;
    expect(assigned!.n).toBe(1);

    const queue = await graphqlRequest(platform.gatewayUrl, `{ supportQueue(first: 20) { edges { node { id priority } } } }`, undefined, tokens.admin);
    expect(queue.data.supportQueue.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(ticket.id);

    const reply = await graphqlRequest(
      platform.gatewayUrl,
      `mutation($id: ID!, $m: String!) { replyToTicket(ticketId: $id, message: $m) { ticket { status } errors { code } } }`,
      { id: ticket.id, m: 'Revisamos el cobro y reembolsamos el segundo.' },
      tokens.admin,
    );
    expect(reply.data?.replyToTicket.errors, JSON.stringify(reply)).toEqual([]);
    expect(reply.data.replyToTicket.ticket.status).toBe('IN_PROGRESS');

    await until(() => updates.results.some((r) => (r.data as any)?.ticketUpdated.messages.some((m: { body: string }) => m.body.startsWith('Revisamos'))), 'ticketUpdated with the reply', 30_000);
    await until(() => notifications.results.some((r) => (r.data as any)?.notificationAdded.kind === 'TICKET_REPLIED'), 'notificationAdded TICKET_REPLIED', 30_000);
    const replied = notifications.results.map((r) => (r.data as any)?.notificationAdded).find((n) => n?.kind === 'TICKET_REPLIED');
    expect(replied).toMatchObject({ read: false, link: expect.stringContaining(ticket.id) });
    // Admins were told too (their own feed), yet only the customer's own notifications arrived on the customer's connection.
    const pushed = notifications.results.map((r) => (r.data as any).notificationAdded.id as string);
    const owners = await sql.notifications!<{ user_id: string }[]>`select distinct user_id from notifications where id = any(${pushed}::uuid[])`;
    expect(owners.map((o) => o.user_id)).toEqual([demo.customer.id]);
    const [admins] = await sql.notifications!<{ n: number }[]>`select count(*)::int as n from notifications where user_id = ${demo.admin.id} and kind = 'TICKET_OPENED' and link like ${`%${ticket.id}%`}`;
    expect(admins!.n).toBe(1);
  }, 120_000);
});

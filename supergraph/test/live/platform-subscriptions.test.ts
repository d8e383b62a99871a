import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { formatMinor } from '@shop/common';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { startTestPlatform } from '../support/platform.js';
import { adjustStock, collect, errorCodes, login, payOrder, placeOrder, until, wsClient, type Collected } from './support.js';

/**
 * The contract's three subscriptions end to end: the five real subgraphs and the gateway in this process on the
 * test PostgreSQL, one in-process bus, and real graphql-ws clients talking to the gateway only.
 */
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let wsUrl: string;
const tokens = {} as Record<'seller' | 'customer' | 'stranger' | 'admin', string>;
const seller = demo.sellers[0];
const stranger = demo.sellers[1];
const [bogota] = demo.warehouses;

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'), { paymentProviderLatencyMs: 50 });
  wsUrl = platform.gatewayUrl.replace(/^http/, 'ws');
  tokens.seller = await login(platform.gatewayUrl, seller);
  tokens.customer = await login(platform.gatewayUrl, demo.customer);
  tokens.stranger = await login(platform.gatewayUrl, stranger);
  tokens.admin = await login(platform.gatewayUrl, demo.admin);
}, 120_000);

// A failed test must not leave its sockets to the next one.
const open: Client[] = [];
const connect = (token?: string) => {
  const client = wsClient(wsUrl, token);
  open.push(client);
  return client;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.dispose()));
});

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

const live = (name: 'inventory' | 'orders' | 'payments') => platform.servers[name].liveStats();
const gatewayStats = () => platform.servers.gateway.subscriptions.stats();
const everythingReleased = () =>
  until(() => (['inventory', 'orders', 'payments'] as const).every((s) => live(s).connections === 0) && gatewayStats().upstreamConnections === 0, 'every subscription released');

const STOCK = /* GraphQL */ `
  subscription Stock($ids: [ID!]) {
    stockChanged(productIds: $ids) { id name price { amount } seller { name } stock { available onHand reserved lowStock } }
  }
`;
const ORDER_STATUS = `subscription($id: ID!) { orderStatusChanged(orderId: $id) { id status total { amount } } }`;
const PAYMENT_STATUS = `subscription($id: ID!) { paymentStatusChanged(orderId: $id) { id status amount { amount } order { id } } }`;

const stockEvent = (product: (typeof demo.products)[number], totals: { onHand: number; reserved: number; available: number }) => ({
  data: {
    stockChanged: {
      id: product.id,
      name: product.name,
      price: { amount: formatMinor(product.priceMinor) },
      seller: { name: seller.name },
      stock: { ...totals, lowStock: totals.available <= product.lowStockThreshold },
    },
  },
});

/**
 * Places the customer's order and waits until the relay has published its own order.status_changed (to
 * AWAITING_PAYMENT), which goes out after placeOrder answers: a subscription made after this sees later changes only.
 */
async function placeOrderPublished(productId: string, key: string): Promise<string> {
  const published = new Set<string>();
  const stopWatching = await platform.bus.broadcast(['order.status_changed'], async (event) => void published.add(event.aggregateId));
  try {
    const orderId = await placeOrder(platform.gatewayUrl, tokens.customer, productId, key);
    await until(() => published.has(orderId), "the placement's event to be published");
    return orderId;
  } finally {
    await stopWatching();
  }
}

describe('live updates through the gateway on the real platform', () => {
  it('stockChanged resolves name and price from products, seller from users and stock from inventory, with each change’s own totals', async () => {
    const product = demo.products[1]!;
    const client = connect();
    const sub = collect(client, STOCK, { ids: [product.id] });
    await until(() => live('inventory').subscriptions === 1, 'the upstream subscription on inventory');

    await adjustStock(platform.subgraphUrls.inventory, tokens.seller, demo.products[2]!.id, bogota!.id, 1); // not watched
    const first = await adjustStock(platform.gatewayUrl, tokens.seller, product.id, bogota!.id, 4);
    const second = await adjustStock(platform.gatewayUrl, tokens.seller, product.id, bogota!.id, -3);
    await sub.received(2);

    expect(second.onHand).toBe(first.onHand - 3);
    expect(sub.results).toEqual([stockEvent(product, first), stockEvent(product, second)]);
    await client.dispose();
    await everythingReleased();
  });

  it('the customer follows payOrder: PENDING, AUTHORIZED, CAPTURED over paymentStatusChanged and AWAITING_PAYMENT -> PAID over orderStatusChanged', async () => {
    const orderId = await placeOrderPublished(demo.products[4]!.id, 'live-pay-1');
    const client = connect(tokens.customer);
    const orderSub = collect(client, ORDER_STATUS, { id: orderId });
    const paymentSub = collect(client, PAYMENT_STATUS, { id: orderId });
    await until(() => live('orders').subscriptions === 1 && live('payments').subscriptions === 1, 'both upstream subscriptions');

    const paymentId = await payOrder(platform.gatewayUrl, tokens.customer, orderId, 'live-pay-1');
    await Promise.all([paymentSub.received(3), orderSub.received(1)]);

    const total = formatMinor(demo.products[4]!.priceMinor);
    expect(paymentSub.results.map((r) => r.data?.paymentStatusChanged)).toEqual(
      ['PENDING', 'AUTHORIZED', 'CAPTURED'].map((status) => ({ id: paymentId, status, amount: { amount: total }, order: { id: orderId } })),
    );
    expect(orderSub.results).toEqual([{ data: { orderStatusChanged: { id: orderId, status: 'PAID', total: { amount: total } } } }]);
    expect([paymentSub.error, orderSub.error]).toEqual([undefined, undefined]);
    await client.dispose();
    await everythingReleased();
  });

  it("a stranger's subscriptions to someone else's order get FORBIDDEN and no events; an admin's get every event", async () => {
    const orderId = await placeOrderPublished(demo.products[5]!.id, 'live-pay-2');
    const strangerClient = connect(tokens.stranger);
    const adminClient = connect(tokens.admin);
    const anonymousClient = connect();
    const snooped = [collect(strangerClient, ORDER_STATUS, { id: orderId }), collect(strangerClient, PAYMENT_STATUS, { id: orderId })];
    const anonymous = [collect(anonymousClient, ORDER_STATUS, { id: orderId }), collect(anonymousClient, PAYMENT_STATUS, { id: orderId })];
    const audited = [collect(adminClient, ORDER_STATUS, { id: orderId }), collect(adminClient, PAYMENT_STATUS, { id: orderId })];

    await Promise.all([...snooped, ...anonymous].map((s) => s.ended()));
    expect(snooped.map((s) => [errorCodes(s.results), s.results.length, s.completed])).toEqual([[['FORBIDDEN'], 1, true], [['FORBIDDEN'], 1, true]]);
    expect(anonymous.map((s) => errorCodes(s.results))).toEqual([['UNAUTHENTICATED'], ['UNAUTHENTICATED']]);
    await until(() => live('orders').subscriptions === 1 && live('payments').subscriptions === 1, "only the admin's upstream subscriptions");

    await payOrder(platform.gatewayUrl, tokens.customer, orderId, 'live-pay-2');
    await Promise.all([audited[0]!.received(1), audited[1]!.received(3)]);
    expect(audited[0]!.results.map((r) => r.data?.orderStatusChanged.status)).toEqual(['PAID']);
    expect(audited[1]!.results.map((r) => r.data?.paymentStatusChanged.status)).toEqual(['PENDING', 'AUTHORIZED', 'CAPTURED']);
    expect(snooped.map((s) => s.results.length)).toEqual([1, 1]);
    await Promise.all([strangerClient, adminClient, anonymousClient].map((c) => c.dispose()));
    await everythingReleased();
  });

  it('refuses a malformed order id with BAD_USER_INPUT, an unknown order with NOT_FOUND, and too many productIds with BAD_USER_INPUT', async () => {
    const client = connect(tokens.customer);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const subs = [
      collect(client, ORDER_STATUS, { id: 'not-a-uuid' }),
      collect(client, PAYMENT_STATUS, { id: 'not-a-uuid' }),
      collect(client, ORDER_STATUS, { id: unknown }),
      collect(client, PAYMENT_STATUS, { id: unknown }),
      collect(client, STOCK, { ids: ['nope'] }),
      collect(client, STOCK, { ids: Array.from({ length: 101 }, () => unknown) }),
    ];
    await Promise.all(subs.map((s) => s.ended()));
    expect(subs.map((s) => errorCodes(s.results))).toEqual([['BAD_USER_INPUT'], ['BAD_USER_INPUT'], ['NOT_FOUND'], ['NOT_FOUND'], ['BAD_USER_INPUT'], ['BAD_USER_INPUT']]);
    await client.dispose();
    await everythingReleased();
  });

  it('1,000 subscribers to one product all receive one stock change over one upstream subscription, and disconnecting them releases everything', async () => {
    const product = demo.products[3]!;
    const clients: Client[] = [];
    const subs: Collected[] = [];
    // Real clients arrive spread out; 1,000 simultaneous TCP connects would overflow the listen backlog.
    for (let batch = 0; batch < 10; batch++) {
      for (let i = 0; i < 100; i++) {
        const client = connect();
        clients.push(client);
        subs.push(collect(client, STOCK, { ids: [product.id] }));
      }
      await until(() => gatewayStats().clients === clients.length, `${clients.length} client subscriptions`, 20_000);
    }
    expect(live('inventory')).toEqual({ connections: 1, subscriptions: 1 });
    expect(gatewayStats()).toMatchObject({ clients: 1000, selectionGroups: 1, upstreamSubscriptions: 1, upstreamConnections: 1 });

    const totals = await adjustStock(platform.gatewayUrl, tokens.seller, product.id, bogota!.id, 7);
    await until(() => subs.every((s) => s.results.length === 1), 'every subscriber to get the change', 20_000);
    // Every subscriber got the same result (one execution per selection group), and it is the change's.
    expect(new Set(subs.map((s) => JSON.stringify(s.results[0]))).size).toBe(1);
    expect(subs[0]!.results[0]).toEqual(stockEvent(product, totals));

    await Promise.all(clients.map((c) => c.dispose()));
    await until(() => live('inventory').subscriptions === 0 && live('inventory').connections === 0, 'inventory back to zero', 20_000);
    await until(() => gatewayStats().upstreamConnections === 0, 'gateway upstream sockets closed');
    expect(gatewayStats()).toMatchObject({ clients: 0, selectionGroups: 0, upstreamSubscriptions: 0, upstreamConnections: 0 });
  }, 90_000);

  it('the API schema the Sandbox introspects offers the contract’s three subscriptions, the back office’s orderUpdates, and notificationAdded and ticketUpdated', async () => {
    const res = await graphqlRequest(platform.gatewayUrl, `{ __schema { subscriptionType { fields { name args { name } } } } }`);
    const fields = res.data.__schema.subscriptionType.fields as { name: string }[];
    expect(fields.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'notificationAdded', args: [] },
      { name: 'orderStatusChanged', args: [{ name: 'orderId' }] },
      { name: 'orderUpdates', args: [] },
      { name: 'paymentStatusChanged', args: [{ name: 'orderId' }] },
      { name: 'stockChanged', args: [{ name: 'productIds' }] },
      { name: 'ticketUpdated', args: [{ name: 'ticketId' }] },
    ]);
  });
});

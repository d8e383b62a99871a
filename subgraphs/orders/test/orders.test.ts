import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTokenIssuer, generateKeyPairPem, type Role, createServiceCredentials, processServiceSecret } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { openDatabase, type Database } from '@shop/db';
import { InProcessEventBus, newEvent } from '@shop/events';
import { startSubgraph } from '@shop/kernel';
import { createTestDatabase, freePort, graphqlRequest } from '@shop/testing';
import { cartLines, carts, orderLines, orders, orderStatusHistory, schema, type OrdersSchema } from '../src/db/schema.js';
import { allocateOrderNumber } from '../src/domain/orders.js';
import { seedDemoOrders } from '../src/domain/seed.js';
import { RemoteProductCatalog } from '../src/product-catalog.js';
import { orders as ordersSubgraph } from '../src/subgraph.js';
import { startFakeProducts, type FakeProducts } from './fake-products.js';
import type { RunningOrders } from './harness.js';

const migrationsFolder = fileURLToPath(ordersSubgraph.database.migrations);

let server: RunningOrders;
let products: FakeProducts;
let db: Database<OrdersSchema>;
let closeDb: () => Promise<void>;
let drop: () => Promise<void>;
let databaseUrl: string;
let keys: Awaited<ReturnType<typeof generateKeyPairPem>>;
let issue: (id: string, roles?: Role[]) => Promise<string>;
const queries: string[] = [];
const extraServers: { stop(): Promise<void> }[] = [];
const bus = new InProcessEventBus();
// The cart and order reads never reach inventory; placing orders is tested in place-order.test.ts.
const inventoryUrl = 'http://127.0.0.1:9/graphql';

beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'orders');
  ({ drop, url: databaseUrl } = database);
  keys = await generateKeyPairPem();
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  issue = (id, roles = ['CUSTOMER']) => issuer.issue({ id, roles });
  products = await startFakeProducts(keys.publicKeyPem);
  server = await startSubgraph(ordersSubgraph, {
    config: {
      PORT: 0,
      DATABASE_URL: database.url,
      JWT_PUBLIC_KEY: keys.publicKeyPem,
      INVENTORY_URL: inventoryUrl,
      // The query-count test below must see only the queries a request makes.
      EXPIRY_SWEEP_INTERVAL: 3_600_000,
      PRODUCTS_URL: products.url,
      SEED_DEMO: 'true',
    },
    bus,
    onQuery: (q) => queries.push(q),
  });
  ({ db, close: closeDb } = await openDatabase({ url: database.url, schema, migrationsFolder }));
});
afterAll(async () => {
  for (const extra of extraServers) await extra.stop();
  await server?.stop();
  await products?.stop();
  await closeDb?.();
  await bus.close();
  await drop?.();
});

const CART = `{ cart { id lines { product { id } quantity } } }`;
const ADD = `mutation($p: ID!, $q: Int!) { addToCart(productId: $p, quantity: $q) { cart { id lines { product { id } quantity } } errors { code field message } } }`;
const SET = `mutation($p: ID!, $q: Int!) { setCartLine(productId: $p, quantity: $q) { cart { id lines { product { id } quantity } } errors { code field message } } }`;
const [p0, p1, p2] = demo.products.map((p) => p.id);

async function rowsOf(customerId: string) {
  const cartRows = await db.select().from(carts).where(eq(carts.customerId, customerId));
  const lineRows = cartRows[0] ? await db.select().from(cartLines).where(eq(cartLines.cartId, cartRows[0].id)) : [];
  return { carts: cartRows.length, lines: lineRows.map((l) => [l.productId, l.quantity]) };
}

describe('cart', () => {
  it('is UNAUTHENTICATED when signed out, for the cart and both mutations', async () => {
    for (const [query, variables] of [[CART, {}], [ADD, { p: p0, q: 1 }], [SET, { p: p0, q: 1 }]] as const) {
      const res = await graphqlRequest(server.url, query, variables);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await db.select().from(carts)).toEqual([]);
  });

  it('is created empty on first use and is the same cart afterwards', async () => {
    const customer = randomUUID();
    const token = await issue(customer);
    expect(await rowsOf(customer)).toEqual({ carts: 0, lines: [] });
    const first = await graphqlRequest(server.url, CART, {}, token);
    expect(first.data.cart).toEqual({ id: expect.any(String), lines: [] });
    const second = await graphqlRequest(server.url, CART, {}, token);
    expect(second.data.cart.id).toBe(first.data.cart.id);
    expect(await rowsOf(customer)).toEqual({ carts: 1, lines: [] });
  });

  it('adds a line, merges a second add of the same product, sets and removes with quantity 0', async () => {
    const customer = randomUUID();
    const token = await issue(customer);
    const added = await graphqlRequest(server.url, ADD, { p: p0, q: 2 }, token);
    expect(added.data.addToCart).toEqual({ cart: { id: expect.any(String), lines: [{ product: { id: p0 }, quantity: 2 }] }, errors: [] });
    await graphqlRequest(server.url, ADD, { p: p1, q: 1 }, token);
    const merged = await graphqlRequest(server.url, ADD, { p: p0, q: 3 }, token);
    expect(merged.data.addToCart.cart.lines).toEqual([{ product: { id: p0 }, quantity: 5 }, { product: { id: p1 }, quantity: 1 }]);
    const set = await graphqlRequest(server.url, SET, { p: p1, q: 7 }, token);
    expect(set.data.setCartLine.cart.lines).toEqual([{ product: { id: p0 }, quantity: 5 }, { product: { id: p1 }, quantity: 7 }]);
    const setNew = await graphqlRequest(server.url, SET, { p: p2, q: 999 }, token);
    expect(setNew.data.setCartLine.cart.lines).toHaveLength(3);
    const removed = await graphqlRequest(server.url, SET, { p: p0, q: 0 }, token);
    expect(removed.data.setCartLine).toEqual({ cart: { id: added.data.addToCart.cart.id, lines: [{ product: { id: p1 }, quantity: 7 }, { product: { id: p2 }, quantity: 999 }] }, errors: [] });
    expect(await rowsOf(customer)).toEqual({ carts: 1, lines: expect.arrayContaining([[p1, 7], [p2, 999]]) });
    const again = await graphqlRequest(server.url, CART, {}, token);
    expect(again.data.cart).toEqual(removed.data.setCartLine.cart);
  });

  it('caps a merged line at 999: going above is INVALID_INPUT at quantity and the line stays as it was', async () => {
    const customer = randomUUID();
    const token = await issue(customer);
    await graphqlRequest(server.url, ADD, { p: p0, q: 990 }, token);
    const over = await graphqlRequest(server.url, ADD, { p: p0, q: 10 }, token);
    expect(over.data.addToCart).toEqual({ cart: null, errors: [{ code: 'INVALID_INPUT', field: ['quantity'], message: expect.any(String) }] });
    expect(await rowsOf(customer)).toEqual({ carts: 1, lines: [[p0, 990]] });
    const exactly = await graphqlRequest(server.url, ADD, { p: p0, q: 9 }, token);
    expect(exactly.data.addToCart.cart.lines).toEqual([{ product: { id: p0 }, quantity: 999 }]);
  });

  it.each([
    ['addToCart quantity 0', 'INVALID_INPUT', ['quantity'], ADD, () => ({ p: p0, q: 0 })],
    ['addToCart negative quantity', 'INVALID_INPUT', ['quantity'], ADD, () => ({ p: p0, q: -3 })],
    ['addToCart quantity 1000', 'INVALID_INPUT', ['quantity'], ADD, () => ({ p: p0, q: 1000 })],
    ['setCartLine negative quantity', 'INVALID_INPUT', ['quantity'], SET, () => ({ p: p0, q: -1 })],
    ['setCartLine quantity 1000', 'INVALID_INPUT', ['quantity'], SET, () => ({ p: p0, q: 1000 })],
    ['addToCart malformed id', 'INVALID_INPUT', ['productId'], ADD, () => ({ p: 'not-a-uuid', q: 1 })],
    ['setCartLine malformed id', 'INVALID_INPUT', ['productId'], SET, () => ({ p: "1'; drop table carts; --", q: 0 })],
    ['addToCart unknown product', 'NOT_FOUND', ['productId'], ADD, () => ({ p: randomUUID(), q: 1 })],
    ['setCartLine unknown product', 'NOT_FOUND', ['productId'], SET, () => ({ p: randomUUID(), q: 2 })],
    ['addToCart DRAFT product', 'NOT_FOUND', ['productId'], ADD, () => ({ p: demo.products[68]!.id, q: 1 })],
    ['addToCart ARCHIVED product', 'NOT_FOUND', ['productId'], ADD, () => ({ p: demo.products[69]!.id, q: 1 })],
  ])('refuses %s with %s at %j and writes nothing', async (_name, code, field, mutation, variables) => {
    products.products.get(demo.products[68]!.id)!.status = 'DRAFT';
    products.products.get(demo.products[69]!.id)!.status = 'ARCHIVED';
    const customer = randomUUID();
    const res = await graphqlRequest(server.url, mutation, variables(), await issue(customer));
    expect(res.status).toBe(200);
    const payload = res.data.addToCart ?? res.data.setCartLine;
    expect(payload.cart).toBeNull();
    expect(payload.errors).toEqual([{ code, field, message: expect.any(String) }]);
    expect(await rowsOf(customer)).toEqual({ carts: 0, lines: [] });
  });

  it('refuses a quantity that is not a 32-bit integer as a GraphQL BAD_USER_INPUT error, without a stack trace', async () => {
    const customer = randomUUID();
    const res = await graphqlRequest(server.url, ADD, { p: p0, q: 1.5 }, await issue(customer));
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const huge = await graphqlRequest(server.url, ADD, { p: p0, q: 2 ** 40 }, await issue(customer));
    expect(huge.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify([res, huge])).not.toMatch(/stack|\.ts:/);
    expect(await rowsOf(customer)).toEqual({ carts: 0, lines: [] });
  });

  it('holds at most 50 different products; the 51st is refused but existing lines still change', async () => {
    const customer = randomUUID();
    const token = await issue(customer);
    for (const product of demo.products.slice(0, 50)) await graphqlRequest(server.url, ADD, { p: product.id, q: 1 }, token);
    const full = await graphqlRequest(server.url, ADD, { p: demo.products[50]!.id, q: 1 }, token);
    expect(full.data.addToCart.errors).toEqual([{ code: 'INVALID_INPUT', field: ['productId'], message: expect.stringContaining('50') }]);
    const fullSet = await graphqlRequest(server.url, SET, { p: demo.products[51]!.id, q: 1 }, token);
    expect(fullSet.data.setCartLine.errors[0].code).toBe('INVALID_INPUT');
    const more = await graphqlRequest(server.url, ADD, { p: demo.products[0]!.id, q: 4 }, token);
    expect(more.data.addToCart.errors).toEqual([]);
    const rows = await rowsOf(customer);
    expect(rows.lines).toHaveLength(50);
    expect(rows.lines).toContainEqual([demo.products[0]!.id, 5]);
  });

  it('removes a line whose product is no longer for sale without asking the catalog', async () => {
    const customer = randomUUID();
    const token = await issue(customer);
    const product = demo.products[30]!;
    await graphqlRequest(server.url, ADD, { p: product.id, q: 2 }, token);
    products.products.get(product.id)!.status = 'ARCHIVED';
    const lookupsBefore = products.lookups.length;
    const removed = await graphqlRequest(server.url, SET, { p: product.id, q: 0 }, token);
    expect(removed.data.setCartLine).toEqual({ cart: { id: expect.any(String), lines: [] }, errors: [] });
    expect(products.lookups.length).toBe(lookupsBefore);
    products.products.get(product.id)!.status = 'ACTIVE';
  });

  it('answers SERVICE_UNAVAILABLE and writes nothing when products is down or too slow', async () => {
    const hanging: Server = createServer(() => {}); // accepts the request and never answers
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const hangingUrl = `http://127.0.0.1:${(hanging.address() as { port: number }).port}/graphql`;
    const config = { PORT: 0, DATABASE_URL: databaseUrl, JWT_PUBLIC_KEY: keys.publicKeyPem, INVENTORY_URL: inventoryUrl, SEED_DEMO: 'false' } as const;
    const down = await startSubgraph(ordersSubgraph, { config: { ...config, PRODUCTS_URL: `http://127.0.0.1:${await freePort()}/graphql` }, bus });
    const slow = await startSubgraph(ordersSubgraph, {
      config: { ...config, PRODUCTS_URL: hangingUrl },
      bus,
      services: { catalog: new RemoteProductCatalog({ url: hangingUrl, timeoutMs: 300, credentials: createServiceCredentials('orders', processServiceSecret()) }) },
    });
    extraServers.push(down, slow, { stop: () => new Promise<void>((resolve) => (hanging.closeAllConnections(), hanging.close(() => resolve()))) });
    const customer = randomUUID();
    const token = await issue(customer);
    for (const url of [down.url, slow.url]) {
      const res = await graphqlRequest(url, ADD, { p: p0, q: 1 }, token);
      expect(res.data.addToCart).toEqual({ cart: null, errors: [{ code: 'SERVICE_UNAVAILABLE', field: null, message: expect.any(String) }] });
    }
    expect(await rowsOf(customer)).toEqual({ carts: 0, lines: [] });
  });
});

/** Writes an order as placeOrder will, so reads can be tested before placing orders exists. */
async function insertOrder(customerId: string, createdAt: string, lines: { productId: string; quantity: number; unitPriceMinor: bigint }[] = [{ productId: p0!, quantity: 1, unitPriceMinor: 1000n }]) {
  const number = await allocateOrderNumber(db);
  const totalMinor = lines.reduce((sum, l) => sum + l.unitPriceMinor * BigInt(l.quantity), 0n);
  const [order] = await db
    .insert(orders)
    .values({ number, customerId, currency: 'COP', totalMinor, idempotencyKey: randomUUID(), createdAt: sql`${createdAt}::timestamptz`, updatedAt: sql`${createdAt}::timestamptz` })
    .returning();
  await db.insert(orderLines).values(lines.map((l, i) => ({ orderId: order!.id, lineNo: i + 1, currency: 'COP', ...l })));
  return order!;
}

const ORDER = `query($id: ID!) { order(id: $id) { id number status customer { id } total { amount currency } lines { product { id } quantity unitPrice { amount } total { amount } } cancellationReason reservedUntil createdAt updatedAt } }`;
const USER_ORDERS = `query($r: [_Any!]!, $first: Int, $after: String) { _entities(representations: $r) { ... on User { orders(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number } } } } } }`;

describe('demo seed', () => {
  it('seeds the demo past order, PAID with its lines and history, and numbers continue after it', async () => {
    const res = await graphqlRequest(server.url, ORDER, { id: demo.pastOrder.id }, await issue(demo.customer.id));
    expect(res.data.order).toMatchObject({
      number: 'ORD-000001',
      status: 'PAID',
      customer: { id: demo.customer.id },
      total: { amount: (Number(demo.pastOrderTotalMinor) / 100).toFixed(2), currency: 'COP' },
      lines: demo.pastOrder.lines.map((l) => ({ product: { id: l.productId }, quantity: l.quantity })),
      cancellationReason: null,
      reservedUntil: null,
      createdAt: demo.pastOrder.createdAt.toISOString(),
    });
    const history = await db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, demo.pastOrder.id));
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual(expect.arrayContaining([[null, 'AWAITING_PAYMENT'], ['AWAITING_PAYMENT', 'PAID']]));
    expect(await allocateOrderNumber(db)).toMatch(/^ORD-0000(0[2-9]|[1-9]\d)$/);
    expect(await seedDemoOrders(db)).toBe(false);
    expect(await db.select().from(orders).where(eq(orders.number, 'ORD-000001'))).toHaveLength(1);
  });
});

describe('order(id)', () => {
  it('shows a customer their own order, hides it from another customer, and shows it to an admin', async () => {
    const owner = randomUUID();
    const order = await insertOrder(owner, '2026-05-01T10:00:00Z', [{ productId: p0!, quantity: 3, unitPriceMinor: 24990050n }]);
    const own = await graphqlRequest(server.url, ORDER, { id: order.id }, await issue(owner));
    expect(own.data.order).toMatchObject({ id: order.id, number: order.number, status: 'AWAITING_PAYMENT', total: { amount: '749701.50', currency: 'COP' } });
    expect(own.data.order.lines).toEqual([{ product: { id: p0 }, quantity: 3, unitPrice: { amount: '249900.50' }, total: { amount: '749701.50' } }]);
    const other = await graphqlRequest(server.url, ORDER, { id: order.id }, await issue(randomUUID()));
    expect(other.data.order).toBeNull();
    expect(other.errors).toBeUndefined();
    const admin = await graphqlRequest(server.url, ORDER, { id: order.id }, await issue(demo.admin.id, ['ADMIN']));
    expect(admin.data.order.id).toBe(order.id);
    const missing = await graphqlRequest(server.url, ORDER, { id: randomUUID() }, await issue(owner));
    expect(missing.data.order).toBeNull();
  });

  it('is UNAUTHENTICATED signed out and BAD_USER_INPUT for a malformed id', async () => {
    const anonymous = await graphqlRequest(server.url, ORDER, { id: demo.pastOrder.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const malformed = await graphqlRequest(server.url, ORDER, { id: 'ORD-000001' }, await issue(demo.customer.id));
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('computes line and order totals exactly in bigint, beyond 2^53 minor units', async () => {
    const owner = randomUUID();
    const order = await insertOrder(owner, '2026-05-02T10:00:00Z', [{ productId: p1!, quantity: 3, unitPriceMinor: 9007199254740993n }]);
    const res = await graphqlRequest(server.url, ORDER, { id: order.id }, await issue(owner));
    expect(res.data.order.lines[0].unitPrice.amount).toBe('90071992547409.93');
    expect(res.data.order.lines[0].total.amount).toBe('270215977642229.79');
    expect(res.data.order.total.amount).toBe('270215977642229.79');
  });
});

describe('User.orders', () => {
  const customer = randomUUID();
  const expected: string[] = [];

  beforeAll(async () => {
    // Several orders share one timestamp, and microseconds differ, so the keyset must break ties and keep precision.
    const times = ['2026-01-01T00:00:00.000001Z', '2026-01-01T00:00:00.000002Z', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-03-01T12:00:00.5Z', '2026-04-01T00:00:00Z'];
    const made = [];
    for (const at of times) made.push({ at: Date.parse(at) * 1000 + Number(at.match(/\.\d{4}(\d{2})Z/)?.[1] ?? 0), order: await insertOrder(customer, at) });
    made.sort((a, b) => b.at - a.at || a.order.id.localeCompare(b.order.id));
    expected.push(...made.map((m) => m.order.id));
    await insertOrder(randomUUID(), '2026-02-01T00:00:00Z'); // someone else's, never listed
  });

  it('walks every page newest first with totalCount on each page and no repeats', async () => {
    const token = await issue(customer);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: { data?: any } = await graphqlRequest(server.url, USER_ORDERS, { r: [{ __typename: 'User', id: customer }], first: 2, after }, token);
      const connection: { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = res.data._entities[0].orders;
      expect(connection.totalCount).toBe(7);
      seen.push(...connection.edges.map((e) => e.node.id));
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor);
      after = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(expected);
  });

  it('defaults to 20 and accepts first 0', async () => {
    const token = await issue(customer);
    const all = await graphqlRequest(server.url, USER_ORDERS, { r: [{ __typename: 'User', id: customer }] }, token);
    expect(all.data._entities[0].orders.edges).toHaveLength(7);
    const none = await graphqlRequest(server.url, USER_ORDERS, { r: [{ __typename: 'User', id: customer }], first: 0 }, token);
    expect(none.data._entities[0].orders).toMatchObject({ edges: [], totalCount: 7, pageInfo: { hasNextPage: true } });
  });

  it('lets an admin list anyone\'s orders', async () => {
    const res = await graphqlRequest(server.url, USER_ORDERS, { r: [{ __typename: 'User', id: customer }], first: 20 }, await issue(randomUUID(), ['ADMIN']));
    expect(res.data._entities[0].orders.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expected);
  });

  it('is FORBIDDEN for another user and for anonymous callers', async () => {
    for (const token of [await issue(randomUUID(), ['CUSTOMER', 'SELLER']), undefined]) {
      const res = await graphqlRequest(server.url, USER_ORDERS, { r: [{ __typename: 'User', id: customer }] }, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.data?._entities?.[0] ?? null).toBeNull();
    }
  });

  it.each([
    ['first above 100', { first: 101 }],
    ['negative first', { first: -1 }],
    ['first of 2^31-1', { first: 2 ** 31 - 1 }],
    ['first beyond 32 bits', { first: 2 ** 31 }],
    ['a garbage cursor', { after: 'bm90LWEtY3Vyc29y' }],
    ['a cursor with the wrong shape', { after: Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url') }],
  ])('rejects %s with BAD_USER_INPUT', async (_name, variables) => {
    const res = await graphqlRequest(server.url, USER_ORDERS, { r: [{ __typename: 'User', id: customer }], ...variables }, await issue(customer));
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('Order references', () => {
  it('resolves N Order references for a verified service with one orders query and one order_lines query', async () => {
    const made = [];
    for (let i = 0; i < 12; i++) made.push(await insertOrder(randomUUID(), `2026-06-0${(i % 9) + 1}T00:00:00Z`, [{ productId: p0!, quantity: 1, unitPriceMinor: 100n }, { productId: p1!, quantity: 2, unitPriceMinor: 250n }]));
    const r = [...made.map((o) => ({ __typename: 'Order', id: o.id })), { __typename: 'Order', id: randomUUID() }, { __typename: 'Order', id: 'not-a-uuid' }];
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id number total { amount } lines { quantity total { amount } product { id } } customer { id } } } }`;
    // As payments reads them: anonymous references to orders resolve to null (authorization-matrix and direct-subgraph tests).
    const asPayments = await createServiceCredentials('payments', processServiceSecret()).headers();
    queries.length = 0;
    const res = await graphqlRequest(server.url, query, { r }, undefined, asPayments);
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toHaveLength(14);
    expect(res.data._entities.slice(0, 12).map((o: { id: string }) => o.id)).toEqual(made.map((o) => o.id));
    expect(res.data._entities[0]).toMatchObject({ total: { amount: '6.00' }, lines: [{ quantity: 1, total: { amount: '1.00' } }, { quantity: 2, total: { amount: '5.00' } }] });
    expect(res.data._entities.slice(12)).toEqual([null, null]);
    expect(queries.filter((q) => /from "orders"/.test(q))).toHaveLength(1);
    expect(queries.filter((q) => /from "order_lines"/.test(q))).toHaveLength(1);
    // The outbox relay polls on its own schedule; its queries are not the request's.
    expect(queries.filter((q) => !/"outbox"/.test(q))).toHaveLength(2);
  });
});

describe('embedded database', () => {
  it('migrates, seeds, answers, places, pays, expires and publishes on PGlite', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dataDir = mkdtempSync(join(tmpdir(), 'orders-pglite-'));
    const embeddedBus = new InProcessEventBus(20);
    const published: string[] = [];
    await embeddedBus.broadcast(['order.status_changed'], async (e) => void published.push(`${e.aggregateId}:${(e.payload as { to: string }).to}`));
    const embedded = await startSubgraph(ordersSubgraph, {
      config: {
        PORT: 0,
        DATA_DIR: dataDir,
        JWT_PUBLIC_KEY: keys.publicKeyPem,
        INVENTORY_URL: inventoryUrl,
        RESERVATION_TTL: 1500,
        EXPIRY_SWEEP_INTERVAL: 100,
        PRODUCTS_URL: products.url,
        SEED_DEMO: 'true',
      },
      bus: embeddedBus,
      // Inventory's side is not under test here: every reservation succeeds.
      services: { reservations: { reserve: async () => ({ status: 'RESERVED' }), release: async () => {} } },
    });
    try {
      const token = await issue(demo.customer.id);
      const list = await graphqlRequest(embedded.url, USER_ORDERS, { r: [{ __typename: 'User', id: demo.customer.id }], first: 1 }, token);
      expect(list.data._entities[0].orders).toMatchObject({ totalCount: 1, edges: [{ node: { id: demo.pastOrder.id, number: 'ORD-000001' } }] });
      const added = await graphqlRequest(embedded.url, ADD, { p: p2, q: 2 }, token);
      expect(added.data.addToCart.cart.lines).toEqual([{ product: { id: p2 }, quantity: 2 }]);
      const page2 = await graphqlRequest(embedded.url, USER_ORDERS, { r: [{ __typename: 'User', id: demo.customer.id }], first: 1, after: list.data._entities[0].orders.pageInfo.endCursor }, token);
      expect(page2.data._entities[0].orders.edges).toEqual([]);

      // Placing (from the cart), paying through the consumer, expiring through the sweeper, and the relay, on PGlite.
      const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status } errors { code } } }`;
      const fromCart = await graphqlRequest(embedded.url, PLACE, { input: { idempotencyKey: 'pglite-1' } }, token);
      expect(fromCart.data.placeOrder).toMatchObject({ order: { number: 'ORD-000002', status: 'AWAITING_PAYMENT' }, errors: [] });
      const unpaid = await graphqlRequest(embedded.url, PLACE, { input: { lines: [{ productId: p0, quantity: 1 }], idempotencyKey: 'pglite-2' } }, token);
      const paidId = fromCart.data.placeOrder.order.id;
      const unpaidId = unpaid.data.placeOrder.order.id;
      await embeddedBus.publish(newEvent('payments', 'payment.status_changed', randomUUID(), { paymentId: randomUUID(), orderId: paidId, customerId: demo.customer.id, status: 'CAPTURED', failureReason: null, amountMinor: '1', currency: 'COP' }));
      const STATUS = `query($id: ID!) { order(id: $id) { status cancellationReason } }`;
      const deadline = Date.now() + 10_000;
      let statuses: unknown[] = [];
      while (Date.now() < deadline) {
        statuses = await Promise.all([paidId, unpaidId].map(async (id) => (await graphqlRequest(embedded.url, STATUS, { id }, token)).data.order));
        if (JSON.stringify(statuses) === JSON.stringify([{ status: 'PAID', cancellationReason: null }, { status: 'CANCELLED', cancellationReason: 'EXPIRED' }])) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(statuses).toEqual([{ status: 'PAID', cancellationReason: null }, { status: 'CANCELLED', cancellationReason: 'EXPIRED' }]);
      while (published.length < 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(published.sort()).toEqual([`${paidId}:AWAITING_PAYMENT`, `${paidId}:PAID`, `${unpaidId}:AWAITING_PAYMENT`, `${unpaidId}:CANCELLED`].sort());
    } finally {
      await embedded.stop();
      await embeddedBus.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000); // PGlite's first start is slow on a busy machine
});

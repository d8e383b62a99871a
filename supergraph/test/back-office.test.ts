import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import type { ServiceName } from '@shop/platform';
import type { SubgraphName } from '../src/services.js';
import { startTestPlatform } from './support/platform.js';
import { statementsByTrace } from './support/statements.js';
import { adjustStock, collect, errorCodes, login, payOrder, placeOrder, until, wsClient } from './live/support.js';

/**
 * The back office's API through the gateway of the whole platform on PostgreSQL, with real tokens: Query.orders,
 * orderByNumber, Order.history, users, stockOverview and Subscription.orderUpdates, for admins and for everyone else.
 */
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
const tokens = {} as Record<'customer' | 'customerB' | 'seller' | 'admin', string>;
let customerB: { id: string; email: string };
const product = demo.products[3]!;
const [bogota] = demo.warehouses;
// Only a request's own statements count: consumers, e-mail deliveries, sweepers and relays run meanwhile.
const statements = statementsByTrace();
const requests: SubgraphName[] = [];

const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => graphqlRequest(platform.gatewayUrl, query, variables, token);
const codesOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);
const unique = () => randomBytes(4).toString('hex');

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'), {
    paymentProviderLatencyMs: 20,
    onQuery: statements.onQuery,
    onSubgraphRequest: (subgraph) => void requests.push(subgraph),
  });
  tokens.customer = await login(platform.gatewayUrl, demo.customer);
  tokens.seller = await login(platform.gatewayUrl, demo.sellers[0]);
  tokens.admin = await login(platform.gatewayUrl, demo.admin);
  const email = `cliente-b-${unique()}@example.test`;
  const registered = await gql('mutation($i: RegisterInput!) { register(input: $i) { token user { id } errors { code } } }', { i: { email, password: 'long-enough-pass', name: 'Beatriz Back Office' } });
  tokens.customerB = registered.data.register.token;
  customerB = { id: registered.data.register.user.id, email };
  // Enough units for every order the tests place.
  await adjustStock(platform.gatewayUrl, tokens.admin, product.id, bogota!.id, 200);
}, 120_000);

const open: Client[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.dispose()));
});

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
  await statements.stop();
});

const ORDERS = /* GraphQL */ `
  query($first: Int, $after: String, $filter: OrderFilter) {
    orders(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id number status createdAt customer { id } } }
    }
  }
`;
type OrderNode = { id: string; number: string; status: string; createdAt: string; customer: { id: string } };
type OrdersPage = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: OrderNode }[] };

async function orders(variables: Record<string, unknown>, token = tokens.admin): Promise<OrdersPage> {
  const res = await gql(ORDERS, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.orders as OrdersPage;
}

/** Every page of a list, following endCursor; checks that every page reports the same total. */
async function allPages<T>(fetch: (after: string | null) => Promise<{ totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: T }[] }>) {
  const nodes: T[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await fetch(after);
    totals.add(page.totalCount);
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return { nodes, totals: [...totals] };
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

const orderOf = async (id: string) => (await gql('query($id: ID!) { order(id: $id) { id number status createdAt } }', { id }, tokens.admin)).data.order as OrderNode;
const ADVANCE = 'mutation($id: ID!, $s: OrderStatus!) { advanceOrder(id: $id, status: $s) { order { status } errors { code message } } }';
const CANCEL = 'mutation($id: ID!) { cancelOrder(id: $id) { order { status } errors { code message } } }';

async function advance(id: string, status: 'SHIPPED' | 'DELIVERED') {
  const res = await gql(ADVANCE, { id, s: status }, tokens.admin);
  expect(res.data?.advanceOrder.errors, JSON.stringify(res)).toEqual([]);
}

/** Pays the order with the card that is always captured, and waits until the capture has made it PAID. */
async function pay(id: string, token = tokens.customer) {
  await payOrder(platform.gatewayUrl, token, id, `pay-${unique()}`);
  for (let i = 0; i < 100 && (await orderOf(id)).status !== 'PAID'; i += 1) await new Promise((r) => setTimeout(r, 50));
  expect((await orderOf(id)).status).toBe('PAID');
}

describe('who may use the back office', () => {
  const cases = [
    ['orders', '{ orders { totalCount edges { node { id } } } }'],
    ['users', '{ users { totalCount edges { node { id email } } } }'],
    ['stockOverview', '{ stockOverview { totalCount edges { node { id } } } }'],
  ] as const;

  it.each(cases)('%s: a customer and a seller get FORBIDDEN and no data, anonymous UNAUTHENTICATED, an admin the list', async (field, query) => {
    for (const token of [tokens.customer, tokens.customerB, tokens.seller]) {
      const res = await gql(query, {}, token);
      expect(codesOf(res)).toEqual(['FORBIDDEN']);
      expect(res.data?.[field] ?? null).toBeNull();
    }
    const anonymous = await gql(query);
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data?.[field] ?? null).toBeNull();
    const admin = await gql(query, {}, tokens.admin);
    expect(admin.errors).toBeUndefined();
    expect(admin.data[field].totalCount).toBeGreaterThan(0);
  });
});

describe('orderByNumber', () => {
  const BY_NUMBER = 'query($n: String!) { orderByNumber(number: $n) { id number customer { id } } }';

  it('gives a customer their own order in every quoted form, and null for another customer’s', async () => {
    const own = { id: demo.pastOrder.id, number: demo.pastOrder.number, customer: { id: demo.customer.id } };
    for (const form of ['ORD-000001', 'ord-000001', 'ORD-1', '000001', '1', ' ORD-000001 ']) {
      const res = await gql(BY_NUMBER, { n: form }, tokens.customer);
      expect(res, form).toEqual({ status: 200, data: { orderByNumber: own } });
    }
    const other = await gql(BY_NUMBER, { n: 'ORD-000001' }, tokens.customerB);
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual({ orderByNumber: null });
    const seller = await gql(BY_NUMBER, { n: 'ORD-000001' }, tokens.seller);
    expect(seller.data).toEqual({ orderByNumber: null });
    expect((await gql(BY_NUMBER, { n: 'ORD-000001' }, tokens.admin)).data).toEqual({ orderByNumber: own });
    expect(codesOf(await gql(BY_NUMBER, { n: 'ORD-000001' }))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers null, not an error, for a number no order has and for text that is no order number', async () => {
    for (const form of ['ORD-999999', 'ORD-', 'ORD-00000A', 'hello', '', '1.5', '-1', 'ORD-1 OR 1=1', '%', 'x'.repeat(5_000)]) {
      const res = await gql(BY_NUMBER, { n: form }, tokens.admin);
      expect(res, form.slice(0, 20)).toEqual({ status: 200, data: { orderByNumber: null } });
    }
  });
});

describe('Query.orders', () => {
  let placedFrom: string;
  let placedTo: string;
  const mine: string[] = [];
  let bOrder: string;
  let paid: string;
  let cancelled: string;

  beforeAll(async () => {
    placedFrom = new Date().toISOString();
    for (let i = 0; i < 4; i += 1) mine.push(await placeOrder(platform.gatewayUrl, tokens.customer, product.id, `list-${unique()}`));
    bOrder = await placeOrder(platform.gatewayUrl, tokens.customerB, product.id, `list-${unique()}`);
    paid = mine[1]!;
    await pay(paid);
    cancelled = mine[2]!;
    expect((await gql(CANCEL, { id: cancelled }, tokens.customer)).data.cancelOrder.errors).toEqual([]);
    placedTo = new Date(Date.now() + 1).toISOString();
  }, 60_000);

  it('lists every order newest first, in cursor pages that add up to the whole list with the same total on each', async () => {
    const whole = await orders({ first: 100 });
    const created = whole.edges.map((e) => e.node.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(whole.totalCount).toBe(whole.edges.length);
    expect(whole.pageInfo.hasNextPage).toBe(false);
    expect(whole.edges.slice(0, 5).map((e) => e.node.id)).toEqual([bOrder, ...[...mine].reverse()]);
    const paged = await allPages((after) => orders({ first: 2, after }));
    expect(paged.nodes.map((n) => n.id)).toEqual(whole.edges.map((e) => e.node.id));
    expect(paged.totals).toEqual([whole.totalCount]);
    expect((await orders({})).edges).toHaveLength(Math.min(20, whole.totalCount));
  });

  it('filters by status, number (any quoted form), customer and placed range, and counts only what the filter admits', async () => {
    const byStatus = await orders({ first: 100, filter: { status: 'PAID' } });
    expect(byStatus.edges.every((e) => e.node.status === 'PAID')).toBe(true);
    expect(byStatus.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([paid, demo.pastOrder.id]));
    expect(byStatus.totalCount).toBe(byStatus.edges.length);
    const cancelledOnes = await orders({ first: 100, filter: { status: 'CANCELLED' } });
    expect(cancelledOnes.edges.map((e) => e.node.id)).toContain(cancelled);
    expect(cancelledOnes.edges.map((e) => e.node.id)).not.toContain(paid);

    const target = await orderOf(mine[3]!);
    const digits = target.number.replace(/^ORD-0*/, '');
    for (const form of [target.number, target.number.toLowerCase(), digits, `ORD-${digits}`]) {
      const byNumber = await orders({ filter: { number: form } });
      expect(byNumber.edges.map((e) => e.node.id), form).toEqual([target.id]);
      expect(byNumber.totalCount).toBe(1);
    }
    expect(await orders({ filter: { number: 'not a number' } })).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });

    const byCustomer = await orders({ first: 100, filter: { customerId: customerB.id } });
    expect(byCustomer.edges.map((e) => e.node.id)).toEqual([bOrder]);
    expect(byCustomer.totalCount).toBe(1);

    const inRange = await orders({ first: 100, filter: { placedAfter: placedFrom, placedBefore: placedTo } });
    expect(inRange.edges.map((e) => e.node.id)).toEqual([bOrder, ...[...mine].reverse()]);
    expect(inRange.totalCount).toBe(5);
    // placedAfter is inclusive and placedBefore exclusive: an order's own createdAt admits it to one side only.
    const at = target.createdAt;
    expect((await orders({ first: 100, filter: { placedAfter: at, placedBefore: placedTo } })).edges.map((e) => e.node.id)).toContain(target.id);
    expect((await orders({ first: 100, filter: { placedAfter: placedFrom, placedBefore: at } })).edges.map((e) => e.node.id)).not.toContain(target.id);

    const combined = await orders({ first: 100, filter: { status: 'AWAITING_PAYMENT', customerId: demo.customer.id, placedAfter: placedFrom } });
    expect(combined.edges.map((e) => e.node.id).sort()).toEqual([mine[0]!, mine[3]!].sort());
    expect(combined.totalCount).toBe(2);
    const pagedFilter = await allPages((after) => orders({ first: 1, after, filter: { customerId: demo.customer.id, placedAfter: placedFrom } }));
    expect(pagedFilter.nodes.map((n) => n.id)).toEqual([...mine].reverse());
    expect(pagedFilter.totals).toEqual([4]);
  });

  it('refuses bad arguments with BAD_USER_INPUT, as the other connections do', async () => {
    for (const [variables, code] of [
      [{ first: 101 }, 'BAD_USER_INPUT'],
      [{ first: -1 }, 'BAD_USER_INPUT'],
      [{ after: 'not-a-cursor' }, 'BAD_USER_INPUT'],
      [{ filter: { customerId: 'someone' } }, 'BAD_USER_INPUT'],
      [{ filter: { placedAfter: 'yesterday' } }, 'BAD_USER_INPUT'],
      [{ filter: { status: 'LOST' } }, 'BAD_USER_INPUT'],
    ] as const) {
      const res = await gql(ORDERS, variables, tokens.admin);
      expect(codesOf(res), JSON.stringify(variables)).toEqual([code]);
      expect(res.status).not.toBe(500);
    }
  });
});

describe('Order.history', () => {
  const HISTORY = 'query($id: ID!) { order(id: $id) { status history { from to at reason by { id name } } } }';

  it('shows every change of an order with who made it, when and why: placed, paid, shipped, delivered', async () => {
    const id = await placeOrder(platform.gatewayUrl, tokens.customer, product.id, `history-${unique()}`);
    await pay(id);
    await advance(id, 'SHIPPED');
    await advance(id, 'DELIVERED');
    const customer = { id: demo.customer.id, name: demo.customer.name };
    const admin = { id: demo.admin.id, name: demo.admin.name };
    // The customer sees the same history, except which admin acted: User is theirs, a seller's or an admin's to see.
    for (const [token, adminSeen] of [[tokens.admin, admin], [tokens.customer, null]] as const) {
      const res = await gql(HISTORY, { id }, token);
      expect(res.errors).toBeUndefined();
      const { history } = res.data.order;
      expect(history.map(({ at: _at, ...rest }: { at: string }) => rest)).toEqual([
        { from: null, to: 'AWAITING_PAYMENT', reason: 'PLACED', by: customer },
        { from: 'AWAITING_PAYMENT', to: 'PAID', reason: 'PAYMENT_CAPTURED', by: null },
        { from: 'PAID', to: 'SHIPPED', reason: 'SHIPPED', by: adminSeen },
        { from: 'SHIPPED', to: 'DELIVERED', reason: 'DELIVERED', by: adminSeen },
      ]);
      const times = history.map((h: { at: string }) => h.at);
      expect(times.every((t: string) => new Date(t).toISOString() === t)).toBe(true);
      expect(times).toEqual([...times].sort());
    }
    expect((await gql(HISTORY, { id }, tokens.customerB)).data.order).toBeNull();
  });

  it('records who cancelled and why', async () => {
    const byCustomer = await placeOrder(platform.gatewayUrl, tokens.customer, product.id, `history-${unique()}`);
    await gql(CANCEL, { id: byCustomer }, tokens.customer);
    const byAdmin = await placeOrder(platform.gatewayUrl, tokens.customer, product.id, `history-${unique()}`);
    await gql(CANCEL, { id: byAdmin }, tokens.admin);
    const last = async (id: string) => (await gql(HISTORY, { id }, tokens.admin)).data.order.history.at(-1);
    expect(await last(byCustomer)).toMatchObject({ from: 'AWAITING_PAYMENT', to: 'CANCELLED', reason: 'CUSTOMER', by: { id: demo.customer.id } });
    expect(await last(byAdmin)).toMatchObject({ from: 'AWAITING_PAYMENT', to: 'CANCELLED', reason: 'ADMIN', by: { id: demo.admin.id } });
  });

  it('resolves a whole page of orders with customers, lines, histories and payments in one SQL query per table', async () => {
    for (let i = 0; i < 3; i += 1) await placeOrder(platform.gatewayUrl, tokens.customerB, product.id, `page-${unique()}`);
    const { traceId, headers } = statements.newTrace();
    const counted = () => statements.of(traceId).filter((q) => /from "(orders|order_lines|order_status_history|users|payments)"/i.test(q.sql));
    const count = (subgraph: ServiceName, table: string) => counted().filter((q) => q.subgraph === subgraph && new RegExp(`from "${table}"`, 'i').test(q.sql)).length;
    requests.length = 0;
    const page = await graphqlRequest(platform.gatewayUrl, '{ orders(first: 30) { edges { node { id customer { name } lines { quantity } history { to by { name } } payments { status } } } } }', {}, tokens.admin, headers);
    expect(page.errors).toBeUndefined();
    expect(page.data.orders.edges.length).toBeGreaterThanOrEqual(4);
    for (const { node } of page.data.orders.edges) expect(node.history[0]).toMatchObject({ to: 'AWAITING_PAYMENT', by: { name: expect.any(String) } });
    expect({
      orders: count('orders', 'orders'),
      lines: count('orders', 'order_lines'),
      history: count('orders', 'order_status_history'),
      users: count('users', 'users'),
      payments: count('payments', 'payments'),
    }, counted().map((q) => `${q.subgraph}: ${q.sql.slice(0, 160)}`).join('\n')).toEqual({ orders: 2, lines: 1, history: 1, users: 1, payments: 1 });
    // The gateway fetches users once for both paths (Order.customer, OrderStatusChange.by: one step of the plan, one
    // request, execution/entity-batches.ts), whatever the page's size.
    expect(requests.sort()).toEqual(['orders', 'payments', 'users']);
  });
});

describe('Query.users', () => {
  const USERS = 'query($first: Int, $after: String, $search: String, $role: Role) { users(first: $first, after: $after, search: $search, role: $role) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name email roles } } } }';
  type UserNode = { id: string; name: string; email: string; roles: string[] };
  const users = async (variables: Record<string, unknown>) => {
    const res = await gql(USERS, variables, tokens.admin);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data.users as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: UserNode }[] };
  };
  const tag = unique();

  beforeAll(async () => {
    for (const name of [`Percent 100% ${tag}`, `Under_score ${tag}`, `Plain ${tag}`]) {
      const res = await gql('mutation($i: RegisterInput!) { register(input: $i) { errors { code } } }', { i: { email: `${name.replace(/\W/g, '').toLowerCase()}@example.test`, password: 'long-enough-pass', name } });
      expect(res.data.register.errors).toEqual([]);
    }
  });

  it('searches name and e-mail ignoring case, with %, _ and \\ taken literally', async () => {
    const byEmail = await users({ search: 'CLIENTE@ARTESANIAS' });
    expect(byEmail.edges.map((e) => e.node.email)).toEqual(['cliente@artesanias.test']);
    const byName = await users({ search: demo.customer.name.toUpperCase().slice(0, 6) });
    expect(byName.edges.map((e) => e.node.id)).toContain(demo.customer.id);
    expect((await users({ search: tag })).totalCount).toBe(3);
    expect((await users({ search: '100%' })).edges.map((e) => e.node.name)).toEqual([`Percent 100% ${tag}`]);
    expect((await users({ search: `%${tag}` })).totalCount).toBe(0);
    expect((await users({ search: '_' })).edges.map((e) => e.node.name)).toEqual([`Under_score ${tag}`]);
    expect((await users({ search: '\\' })).totalCount).toBe(0);
    // Blank searches nothing: everyone.
    expect((await users({ search: '   ' })).totalCount).toBe((await users({})).totalCount);
  });

  it('filters by role, newest first, in pages that add up to the whole list', async () => {
    const sellers = await users({ first: 100, role: 'SELLER' });
    expect(sellers.edges.every((e) => e.node.roles.includes('SELLER'))).toBe(true);
    expect(sellers.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(demo.sellers.map((s) => s.id)));
    expect(sellers.totalCount).toBe(sellers.edges.length);
    const admins = await users({ role: 'ADMIN' });
    expect(admins.edges.map((e) => e.node.id)).toEqual([demo.admin.id]);

    const whole = await users({ first: 100 });
    expect(whole.edges[0]!.node.name).toBe(`Plain ${tag}`);
    const paged = await allPages((after) => users({ first: 3, after }));
    expect(paged.nodes.map((n) => n.id)).toEqual(whole.edges.map((e) => e.node.id));
    expect(paged.totals).toEqual([whole.totalCount]);
    expect(whole.edges.map((e) => e.node.id)).toContain(customerB.id);
  });

  it('refuses bad arguments with BAD_USER_INPUT', async () => {
    for (const variables of [{ first: 101 }, { after: 'nope' }, { search: 'x'.repeat(201) }, { role: 'OWNER' }]) {
      expect(codesOf(await gql(USERS, variables, tokens.admin)), JSON.stringify(variables).slice(0, 40)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('Query.stockOverview', () => {
  const OVERVIEW = 'query($first: Int, $after: String, $low: Boolean) { stockOverview(first: $first, after: $after, lowStockOnly: $low) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name sku stock { available onHand reserved lowStock warehouses { warehouse { name } available } } } } } }';
  type StockNode = { id: string; name: string; sku: string; stock: { available: number; onHand: number; reserved: number; lowStock: boolean; warehouses: { warehouse: { name: string }; available: number }[] } };
  const overview = async (variables: Record<string, unknown>) => {
    const res = await gql(OVERVIEW, variables, tokens.admin);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data.stockOverview as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: StockNode }[] };
  };

  it('lists every stocked product low stock first, fewest available first, with each warehouse, in pages', async () => {
    // One product made low: all its units but 1 removed from every warehouse.
    const low = demo.products[5]!;
    const before = await overview({ first: 100 });
    const entry = before.edges.find((e) => e.node.id === low.id)!.node;
    for (const level of entry.stock.warehouses) {
      const warehouse = demo.warehouses.find((w) => w.name === level.warehouse.name)!;
      if (level.available > 0) await adjustStock(platform.gatewayUrl, tokens.admin, low.id, warehouse.id, -level.available);
    }
    await adjustStock(platform.gatewayUrl, tokens.admin, low.id, demo.warehouses[0]!.id, 1);

    const whole = await overview({ first: 100 });
    const nodes = whole.edges.map((e) => e.node);
    expect(whole.totalCount).toBe(nodes.length);
    expect(nodes.map((n) => n.id).sort()).toEqual([...new Set(demo.stock.map((s) => s.productId))].sort());
    const rank = (n: StockNode) => [n.stock.lowStock ? 0 : 1, n.stock.available];
    expect(nodes.map(rank)).toEqual([...nodes.map(rank)].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    const lowAt = nodes.findIndex((n) => n.id === low.id);
    expect(nodes[lowAt]).toMatchObject({ name: low.name, sku: low.sku, stock: { available: 1, lowStock: true } });
    expect(nodes.slice(0, lowAt).every((n) => n.stock.lowStock && n.stock.available <= 1)).toBe(true);
    for (const n of nodes) expect(n.stock.available).toBe(n.stock.warehouses.reduce((sum, w) => sum + w.available, 0));

    const paged = await allPages((after) => overview({ first: 4, after }));
    expect(paged.nodes.map((n) => n.id)).toEqual(nodes.map((n) => n.id));
    expect(paged.totals).toEqual([whole.totalCount]);

    const lowOnly = await overview({ first: 100, low: true });
    expect(lowOnly.edges.map((e) => e.node.id)).toEqual(nodes.filter((n) => n.stock.lowStock).map((n) => n.id));
    expect(lowOnly.totalCount).toBe(lowOnly.edges.length);
  });

  it('refuses bad arguments with BAD_USER_INPUT', async () => {
    for (const variables of [{ first: 101 }, { after: 'nope' }, { after: Buffer.from('[0,1,"x"]').toString('base64url') }]) {
      expect(codesOf(await gql(OVERVIEW, variables, tokens.admin)), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('Subscription.orderUpdates', () => {
  const UPDATES = 'subscription { orderUpdates { id number status customer { id } history { to } } }';
  const connect = (token?: string) => {
    const client = wsClient(platform.gatewayUrl.replace(/^http/, 'ws'), token);
    open.push(client);
    return client;
  };

  it('delivers a newly placed order and each status change to an admin', async () => {
    const sub = collect(connect(tokens.admin), UPDATES);
    await until(() => platform.servers.orders.liveStats().subscriptions >= 1, 'the upstream subscription on orders');
    const id = await placeOrder(platform.gatewayUrl, tokens.customerB, product.id, `live-${unique()}`);
    await sub.received(1);
    const { number } = await orderOf(id);
    expect(sub.results[0]).toEqual({ data: { orderUpdates: { id, number, status: 'AWAITING_PAYMENT', customer: { id: customerB.id }, history: [{ to: 'AWAITING_PAYMENT' }] } } });
    await payOrder(platform.gatewayUrl, tokens.customerB, id, `live-pay-${unique()}`);
    await sub.received(2);
    await advance(id, 'SHIPPED');
    await sub.received(3);
    const mineOnly = sub.results.map((r) => r.data?.orderUpdates).filter((o) => o?.id === id);
    expect(mineOnly.map((o) => o.status)).toEqual(['AWAITING_PAYMENT', 'PAID', 'SHIPPED']);
    // Each event's history is read afresh, though the subscription's context (and its loaders) outlive the events.
    expect(mineOnly.at(-1).history.map((h: { to: string }) => h.to)).toEqual(['AWAITING_PAYMENT', 'PAID', 'SHIPPED']);
    expect(sub.error).toBeUndefined();
  });

  it('refuses a customer (FORBIDDEN) and anonymous (UNAUTHENTICATED), with no data', async () => {
    for (const [token, code] of [[tokens.customer, 'FORBIDDEN'], [tokens.seller, 'FORBIDDEN'], [undefined, 'UNAUTHENTICATED']] as const) {
      const sub = collect(connect(token), UPDATES);
      await sub.ended();
      expect(errorCodes(sub.results)).toEqual([code]);
      expect(sub.results.every((r) => !r.data?.orderUpdates)).toBe(true);
    }
  });
});

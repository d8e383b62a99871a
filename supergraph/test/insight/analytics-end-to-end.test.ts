import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { startTestPlatform } from '../support/platform.js';
import { adjustStock, login, payOrder, placeOrder, sleep } from '../live/support.js';

/**
 * Analytics as the shop feeds it: orders placed, paid, cancelled before payment and cancelled after payment (refunded)
 * through the gateway, on the whole platform on PostgreSQL. The seller's figures for a new product must equal what
 * the orders database says was sold and kept, survive a rebuild from the event log, and stay the seller's own.
 */
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
const tokens = {} as Record<'customer' | 'customerB' | 'sellerA' | 'sellerB' | 'admin', string>;
const warehouse = demo.warehouses[0]!.id;
const category = demo.products.find((p) => p.sellerId === demo.sellers[0].id)!.categoryId;
let productId: string;

const gql = (query: string, variables: Record<string, unknown>, token: string) => graphqlRequest(platform.gatewayUrl, query, variables, token);
const range = { from: new Date(Date.now() - 2 * 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
const REPORT = `query($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to) {
  totals { units orders revenue { amount currency } }
  topProducts(first: 100) { product { id } units revenue { amount } profit { amount } }
  topCategories(first: 100) { category { id } units revenue { amount } }
} }`;
const HEALTH = '{ inventoryHealth(first: 500) { product { id } available deadStock } }';

type Report = { totals: { units: number }; topProducts: { product: { id: string }; units: number; revenue: { amount: string }; profit: { amount: string } | null }[] };
const report = async (token: string) => {
  const res = await gql(REPORT, range, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.salesReport as Report;
};
const figuresOf = (r: Report) => r.topProducts.find((p) => p.product.id === productId) ?? null;

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'), { paymentProviderLatencyMs: 20 });
  const url = platform.gatewayUrl;
  [tokens.customer, tokens.sellerA, tokens.sellerB, tokens.admin] = await Promise.all([login(url, demo.customer), login(url, demo.sellers[0]), login(url, demo.sellers[1]), login(url, demo.admin)]);
  const registered = await graphqlRequest(url, 'mutation($i: RegisterInput!) { register(input: $i) { token } }', { i: { email: `insight-${randomBytes(3).toString('hex')}@example.test`, password: 'long-enough-pass', name: 'Insight B' } });
  tokens.customerB = registered.data.register.token;
  const created = await gql(
    'mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } errors { code message } } }',
    { i: { sku: `insight-${randomBytes(3).toString('hex')}`, name: 'Mochila de prueba', description: 'Para medir', price: '100000.00', costPrice: '40000.00', currency: 'COP', categoryId: category, status: 'ACTIVE' } },
    tokens.sellerA,
  );
  expect(created.data?.createProduct.errors, JSON.stringify(created)).toEqual([]);
  productId = created.data.createProduct.product.id;
  await adjustStock(url, tokens.sellerA, productId, warehouse, 20);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(200)) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
  }
}

describe('analytics fed by the real checkout', () => {
  it('counts paid units, takes a refunded order back, ignores unpaid ones, and equals the orders database', async () => {
    const url = platform.gatewayUrl;
    const paid1 = await placeOrder(url, tokens.customer, productId, `ins-1-${randomBytes(3).toString('hex')}`);
    await payOrder(url, tokens.customer, paid1, `ins-pay-1-${randomBytes(3).toString('hex')}`);
    const refunded = await placeOrder(url, tokens.customerB, productId, `ins-2-${randomBytes(3).toString('hex')}`);
    await payOrder(url, tokens.customerB, refunded, `ins-pay-2-${randomBytes(3).toString('hex')}`);
    const unpaid = await placeOrder(url, tokens.customer, productId, `ins-3-${randomBytes(3).toString('hex')}`);
    const paid2 = await placeOrder(url, tokens.customer, productId, `ins-4-${randomBytes(3).toString('hex')}`);
    await payOrder(url, tokens.customer, paid2, `ins-pay-4-${randomBytes(3).toString('hex')}`);
    const status = async (id: string) => (await gql('query($id: ID!) { order(id: $id) { status } }', { id }, tokens.admin)).data?.order?.status;
    for (const id of [paid1, refunded, paid2]) await until(() => status(id), (s) => s === 'PAID', `order ${id} to be paid`);
    const CANCEL = 'mutation($id: ID!) { cancelOrder(id: $id) { order { status } errors { code } } }';
    expect((await gql(CANCEL, { id: unpaid }, tokens.customer)).data.cancelOrder.errors).toEqual([]);
    expect((await gql(CANCEL, { id: refunded }, tokens.admin)).data.cancelOrder.errors).toEqual([]);
    const payments = async () => (await gql('query($id: ID!) { order(id: $id) { payments { status } } }', { id: refunded }, tokens.admin)).data?.order?.payments ?? [];
    await until(payments, (list: { status: string }[]) => list.some((p) => p.status === 'REFUNDED'), 'the refund');

    // Two units kept: 200,000.00 COP, a profit of (100,000 - 40,000) x 2.
    const figures = await until(async () => figuresOf(await report(tokens.sellerA)), (f) => f?.units === 2 && f.revenue.amount === '200000.00', 'analytics to book two sales and one refund');
    expect(figures).toEqual({ product: { id: productId }, units: 2, revenue: { amount: '200000.00' }, profit: { amount: '120000.00' } });

    // The orders database, the source of truth, says the same: units and revenue of the product's lines in orders paid and kept.
    const orders = postgres(platform.databaseUrlOf('orders'), { max: 1, onnotice: () => {} });
    try {
      const [kept] = await orders<{ units: number; revenue: string }[]>`
        select coalesce(sum(l.quantity), 0)::int as units, coalesce(sum(l.quantity * l.unit_price_minor), 0)::text as revenue
        from order_lines l join orders o on o.id = l.order_id
        where l.product_id = ${productId} and o.status in ('PAID', 'SHIPPED', 'DELIVERED')`;
      expect({ units: figures!.units, revenueMinor: String(Math.round(Number(figures!.revenue.amount) * 100)) }).toEqual({ units: kept!.units, revenueMinor: kept!.revenue });
    } finally {
      await orders.end();
    }

    // Stock cover: 20 in, two sold, the refunded unit returned.
    const health = await until(async () => (await gql(HEALTH, {}, tokens.sellerA)).data?.inventoryHealth ?? [], (rows: { product: { id: string }; available: number }[]) => rows.some((r) => r.product.id === productId && r.available === 18), 'stock of 18');
    expect(health.find((r) => r.product.id === productId)).toMatchObject({ available: 18, deadStock: false });
  }, 120_000);

  it('another seller never sees the product, a customer sees no figures, and a rebuild from the event log gives the same report', async () => {
    expect(figuresOf(await report(tokens.sellerB))).toBeNull();
    expect(((await gql(HEALTH, {}, tokens.sellerB)).data.inventoryHealth as { product: { id: string } }[]).map((r) => r.product.id)).not.toContain(productId);
    const asCustomer = await gql(REPORT, range, tokens.customer);
    expect(asCustomer.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(asCustomer.data).toBeNull();

    const before = { seller: await report(tokens.sellerA), admin: await report(tokens.admin) };
    const rebuilt = await gql('mutation { rebuildAnalytics }', {}, tokens.admin);
    expect(rebuilt.errors, JSON.stringify(rebuilt.errors)).toBeUndefined();
    expect(rebuilt.data.rebuildAnalytics).toBe(true);
    expect({ seller: await report(tokens.sellerA), admin: await report(tokens.admin) }).toEqual(before);
    expect(figuresOf(before.seller)?.units).toBe(2);
  }, 60_000);
});

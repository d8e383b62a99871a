import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem, type TokenIssuer } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { startSubgraph } from '@shop/kernel';
import { products as productsService } from '@shop/products';
import type { RunningServer } from '@shop/server';
import { createTestDatabase, freePort, graphqlRequest, startRabbitMq, startServiceProcess, type ServiceProcess } from '@shop/testing';

/**
 * The distributed setup in miniature: inventory, orders and payments as separate processes talking through a real
 * RabbitMQ. The broker and a consumer are taken down in the middle of a stream of payments; every order must still
 * end PAID, with each effect applied exactly once.
 */
let rabbit: Awaited<ReturnType<typeof startRabbitMq>>;
let products: RunningServer;
let issuer: TokenIssuer;
let inventory: ServiceProcess;
let orders: ServiceProcess;
let payments: ServiceProcess;
const dbs: { url: string; drop(): Promise<void> }[] = [];
let ordersSql: postgres.Sql;
let inventorySql: postgres.Sql;

beforeAll(async () => {
  rabbit = await startRabbitMq();
  const keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const [productsDb, inventoryDb, ordersDb, paymentsDb] = await Promise.all(['nl_products', 'nl_inventory', 'nl_orders', 'nl_payments'].map((p) => createTestDatabase(inject('databaseUrl'), p)));
  dbs.push(productsDb!, inventoryDb!, ordersDb!, paymentsDb!);
  products = await startSubgraph(productsService, { config: { PORT: 0, DATABASE_URL: productsDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem } });
  const common = { JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', EVENT_BUS: 'rabbitmq', RABBITMQ_URL: rabbit.url, PRODUCTS_URL: products.url, PAYMENT_PROVIDER_LATENCY_MS: '150' };
  inventory = await startServiceProcess('inventory', 'platform/src/serve.ts inventory', await freePort(), { ...common, DATABASE_URL: inventoryDb!.url });
  orders = await startServiceProcess('orders', 'platform/src/serve.ts orders', await freePort(), { ...common, DATABASE_URL: ordersDb!.url, INVENTORY_URL: inventory.url });
  payments = await startServiceProcess('payments', 'platform/src/serve.ts payments', await freePort(), { ...common, DATABASE_URL: paymentsDb!.url, ORDERS_URL: orders.url });
  ordersSql = postgres(ordersDb!.url, { max: 2, onnotice: () => {} });
  inventorySql = postgres(inventoryDb!.url, { max: 2, onnotice: () => {} });
}, 240_000);

afterAll(async () => {
  await Promise.allSettled([inventory, orders, payments].filter(Boolean).map((p) => p.stop()));
  await products?.stop();
  await ordersSql?.end();
  await inventorySql?.end();
  for (const db of dbs) await db.drop();
  await rabbit?.stop();
}, 60_000);

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } errors { code } } }`;
const PAY = `mutation($input: PayOrderInput!) { payOrder(input: $input) { payment { id status } errors { code } } }`;
const card = { number: '4242 4242 4242 4242', expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123' };

/** Places and pays n one-unit orders of one product as n customers; returns the order ids. */
async function placeAndPay(n: number, productId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const token = await issuer.issue({ id: randomUUID(), roles: ['CUSTOMER'] });
    const placed = await graphqlRequest(orders.url, PLACE, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey: `place-${i}` } }, token);
    expect(placed.data?.placeOrder.errors, JSON.stringify(placed)).toEqual([]);
    const orderId = placed.data.placeOrder.order.id as string;
    const paid = await graphqlRequest(payments.url, PAY, { input: { orderId, method: 'CARD', card, idempotencyKey: `pay-${i}` } }, token);
    expect(paid.data?.payOrder.errors, JSON.stringify(paid)).toEqual([]);
    ids.push(orderId);
  }
  return ids;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function expectAllPaidExactlyOnce(orderIds: string[], productId: string) {
  await waitUntil(async () => {
    const [row] = await ordersSql<{ n: number }[]>`select count(*)::int as n from orders where id = any(${orderIds}::uuid[]) and status = 'PAID'`;
    return row!.n === orderIds.length;
  }, 90_000, 'every order to become PAID');
  const history = await ordersSql<{ n: number }[]>`select count(*)::int as n from order_status_history where order_id = any(${orderIds}::uuid[]) and to_status = 'PAID'`;
  expect(history[0]!.n).toBe(orderIds.length);
  // Inventory commits each reservation once: one SALE unit per order.
  await waitUntil(async () => {
    const [row] = await inventorySql<{ n: number }[]>`select coalesce(-sum(delta), 0)::int as n from stock_movements where product_id = ${productId} and reason = 'SALE'`;
    return row!.n >= orderIds.length;
  }, 60_000, 'inventory to commit every reservation');
  const [sales] = await inventorySql<{ n: number }[]>`select coalesce(-sum(delta), 0)::int as n from stock_movements where product_id = ${productId} and reason = 'SALE'`;
  expect(sales!.n).toBe(orderIds.length);
}

async function setStock(productId: string, units: number) {
  await inventorySql`update stock_levels set on_hand = case when warehouse_id = ${demo.warehouses[0]!.id} then ${units} else 0 end, reserved = 0 where product_id = ${productId}`;
}

describe('nothing lost', () => {
  it('every order still becomes PAID when RabbitMQ is killed while payments are being captured', async () => {
    const product = demo.products[30]!;
    await setStock(product.id, 100);
    const first = await placeAndPay(10, product.id);
    await rabbit.kill();
    // Payments keep being captured by the provider while the broker is down: their events wait in the outboxes.
    const during = await placeAndPay(5, product.id).catch(() => [] as string[]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await rabbit.restart();
    const after = await placeAndPay(5, product.id);
    await expectAllPaidExactlyOnce([...first, ...during, ...after], product.id);
  }, 180_000);

  it('a consumer killed mid-stream and restarted ends in exactly the state it would have reached', async () => {
    const product = demo.products[31]!;
    await setStock(product.id, 100);
    const first = await placeAndPay(10, product.id);
    await orders.kill();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await orders.restart();
    const after = await placeAndPay(5, product.id);
    await expectAllPaidExactlyOnce([...first, ...after], product.id);
  }, 180_000);
});

import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem, type TokenIssuer } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { startSubgraph } from '@shop/kernel';
import { products as productsService } from '@shop/products';
import type { RunningServer } from '@shop/server';
import { createTestDatabase, freePort, graphqlRequest, startServiceProcess, type ServiceProcess } from '@shop/testing';

/**
 * Two replicas each of orders and inventory as separate OS processes over one database each: the no-oversell
 * guarantee must hold across processes, not only inside one.
 */
let products: RunningServer;
let issuer: TokenIssuer;
const processes: ServiceProcess[] = [];
const dbs: { url: string; drop(): Promise<void> }[] = [];
let inventorySql: postgres.Sql;
let ordersReplicas: ServiceProcess[] = [];

beforeAll(async () => {
  const keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const [productsDb, inventoryDb, ordersDb] = await Promise.all(['co_products', 'co_inventory', 'co_orders'].map((p) => createTestDatabase(inject('databaseUrl'), p)));
  dbs.push(productsDb!, inventoryDb!, ordersDb!);
  products = await startSubgraph(productsService, { config: { PORT: 0, DATABASE_URL: productsDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem } });
  const common = { JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', EVENT_BUS: 'memory', PRODUCTS_URL: products.url };
  // The first replica migrates and seeds; the second starts on the ready database.
  const inventory: ServiceProcess[] = [];
  for (const i of [0, 1]) inventory.push(await startServiceProcess(`inventory-${i}`, 'platform/src/serve.ts inventory', await freePort(), { ...common, DATABASE_URL: inventoryDb!.url }));
  for (const i of [0, 1]) {
    ordersReplicas.push(await startServiceProcess(`orders-${i}`, 'platform/src/serve.ts orders', await freePort(), { ...common, DATABASE_URL: ordersDb!.url, INVENTORY_URL: inventory[i]!.url }));
  }
  processes.push(...inventory, ...ordersReplicas);
  inventorySql = postgres(inventoryDb!.url, { max: 2, onnotice: () => {} });
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(processes.map((p) => p.stop()));
  await products?.stop();
  await inventorySql?.end();
  for (const db of dbs) await db.drop();
});

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status lines { quantity } } errors { code field } } }`;

/** Puts exactly these units on hand (nothing reserved) across the demo warehouses. */
async function setStock(productId: string, units: number) {
  const [bogota, medellin] = demo.warehouses;
  await inventorySql`update stock_levels set on_hand = 0, reserved = 0 where product_id = ${productId}`;
  await inventorySql`insert into stock_levels (product_id, warehouse_id, on_hand, reserved) values (${productId}, ${bogota!.id}, ${Math.ceil(units * 0.6)}, 0), (${productId}, ${medellin!.id}, ${units - Math.ceil(units * 0.6)}, 0)
    on conflict (product_id, warehouse_id) do update set on_hand = excluded.on_hand, reserved = 0`;
}

async function stockOf(productId: string) {
  const [row] = await inventorySql<{ onHand: number; reserved: number; minAvailable: number }[]>`
    select sum(on_hand)::int as "onHand", sum(reserved)::int as reserved, min(on_hand - reserved)::int as "minAvailable" from stock_levels where product_id = ${productId}`;
  return row!;
}

async function placeConcurrently(orders: { lines: { productId: string; quantity: number }[] }[]) {
  const tokens = await Promise.all(orders.map(() => issuer.issue({ id: randomUUID(), roles: ['CUSTOMER'] })));
  return Promise.all(
    orders.map((o, i) => graphqlRequest(ordersReplicas[i % ordersReplicas.length]!.url, PLACE, { input: { lines: o.lines, idempotencyKey: `k-${i}` } }, tokens[i])),
  );
}

describe('no oversell across replicas', () => {
  it('never reserves more than on hand under 200 concurrent orders for 50 units on two orders and two inventory processes', async () => {
    const product = demo.products[10]!;
    await setStock(product.id, 50);
    const results = await placeConcurrently(Array.from({ length: 200 }, () => ({ lines: [{ productId: product.id, quantity: 1 }] })));
    expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect(results.filter((r) => r.errors)).toEqual([]);
    const placed = results.filter((r) => r.data.placeOrder.order);
    const short = results.filter((r) => r.data.placeOrder.errors.some((e: { code: string }) => e.code === 'OUT_OF_STOCK'));
    const codes = results.flatMap((r) => r.data.placeOrder.errors.map((e: { code: string }) => e.code));
    expect(placed).toHaveLength(50);
    expect(codes.filter((c) => c !== 'OUT_OF_STOCK')).toEqual([]);
    expect(short).toHaveLength(150);
    expect(placed.every((r) => r.data.placeOrder.order.status === 'AWAITING_PAYMENT')).toBe(true);
    expect(short[0]!.data.placeOrder.errors[0].field).toEqual(['input', 'lines', '0', 'quantity']);
    const stock = await stockOf(product.id);
    expect(stock).toEqual({ onHand: 50, reserved: 50, minAvailable: 0 });
  }, 120_000);

  it('holds all lines or none when two-line orders contend in opposite orders, without deadlocks', async () => {
    const [a, b] = [demo.products[11]!, demo.products[12]!];
    await setStock(a.id, 30);
    await setStock(b.id, 30);
    const orders = Array.from({ length: 100 }, (_, i) => ({
      lines: i % 2 ? [{ productId: a.id, quantity: 1 }, { productId: b.id, quantity: 1 }] : [{ productId: b.id, quantity: 1 }, { productId: a.id, quantity: 1 }],
    }));
    const results = await placeConcurrently(orders);
    expect(results.filter((r) => r.status !== 200 || r.errors)).toEqual([]);
    const placed = results.filter((r) => r.data.placeOrder.order).length;
    const codes = new Set(results.flatMap((r) => r.data.placeOrder.errors.map((e: { code: string }) => e.code)));
    expect([...codes].filter((c) => c !== 'OUT_OF_STOCK')).toEqual([]);
    expect(placed).toBe(30);
    expect((await stockOf(a.id)).reserved).toBe(placed);
    expect((await stockOf(b.id)).reserved).toBe(placed);
  }, 120_000);
});

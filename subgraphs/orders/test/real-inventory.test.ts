import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { InProcessEventBus } from '@shop/events';
import { inventory as inventorySubgraph } from '@shop/inventory';
import { startSubgraph } from '@shop/kernel';
import { products as productsSubgraph } from '@shop/products';
import type { RunningServer } from '@shop/server';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import { orderIdFor } from '../src/domain/order-id.js';
import { orders as ordersSubgraph } from '../src/subgraph.js';
import { eventually } from './harness.js';

/** placeOrder and cancelOrder against the real products and inventory subgraphs (seeded with the demo store), over one event bus. */
let products: RunningServer;
let inventory: RunningServer;
let orders: RunningServer;
let issue: (id: string, roles?: ('CUSTOMER' | 'ADMIN')[]) => Promise<string>;
const bus = new InProcessEventBus(20);
const drops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const keys = await generateKeyPairPem();
  const JWT_PUBLIC_KEY = keys.publicKeyPem;
  const [productsDb, inventoryDb, ordersDb] = await Promise.all(['oi_products', 'oi_inventory', 'oi_orders'].map((p) => createTestDatabase(inject('databaseUrl'), p)));
  drops.push(productsDb!.drop, inventoryDb!.drop, ordersDb!.drop);
  products = await startSubgraph(productsSubgraph, { config: { PORT: 0, DATABASE_URL: productsDb!.url, JWT_PUBLIC_KEY, SEED_DEMO: 'true' } });
  inventory = await startSubgraph(inventorySubgraph, { config: { PORT: 0, DATABASE_URL: inventoryDb!.url, JWT_PUBLIC_KEY, SEED_DEMO: 'true', PRODUCTS_URL: products.url }, bus });
  orders = await startSubgraph(ordersSubgraph, {
    config: { PORT: 0, DATABASE_URL: ordersDb!.url, JWT_PUBLIC_KEY, SEED_DEMO: 'false', PRODUCTS_URL: products.url, INVENTORY_URL: inventory.url, EXPIRY_SWEEP_INTERVAL: 3_600_000 },
    bus,
  });
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  issue = (id, roles = ['CUSTOMER']) => issuer.issue({ id, roles });
});
afterAll(async () => {
  await orders?.stop();
  await inventory?.stop();
  await products?.stop();
  await bus.close();
  for (const drop of drops) await drop();
});

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status total { amount } } errors { code field } } }`;
const CANCEL = `mutation($id: ID!) { cancelOrder(id: $id) { order { status cancellationReason } errors { code } } }`;
async function stockOf(productId: string): Promise<{ onHand: number; reserved: number; available: number }> {
  const res = await graphqlRequest(inventory.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { stock { onHand reserved available } } } }`, { r: [{ __typename: 'Product', id: productId }] });
  return res.data._entities[0].stock;
}

describe('with the real inventory subgraph', () => {
  it('reserves on placeOrder, once for 10 concurrent replays, and releases when the customer cancels', async () => {
    const product = demo.products[5]!;
    const before = await stockOf(product.id);
    expect(before.available).toBeGreaterThanOrEqual(2);
    const customer = randomUUID();
    const token = await issue(customer);
    const input = { lines: [{ productId: product.id, quantity: 2 }], idempotencyKey: 'real-1' };
    const results = await Promise.all(Array.from({ length: 10 }, () => graphqlRequest(orders.url, PLACE, { input }, token)));
    expect(new Set(results.map((r) => r.data.placeOrder.order?.id))).toEqual(new Set([orderIdFor(customer, 'real-1')]));
    expect(await stockOf(product.id)).toEqual({ onHand: before.onHand, reserved: before.reserved + 2, available: before.available - 2 });

    const cancelled = await graphqlRequest(orders.url, CANCEL, { id: orderIdFor(customer, 'real-1') }, token);
    expect(cancelled.data.cancelOrder).toEqual({ order: { status: 'CANCELLED', cancellationReason: 'CUSTOMER' }, errors: [] });
    // Inventory releases from the order.status_changed event the outbox relay publishes.
    await eventually(async () => expect(await stockOf(product.id)).toEqual(before));
  });

  it('answers OUT_OF_STOCK at the short line from inventory and holds nothing', async () => {
    const [ok, short] = [demo.products[6]!, demo.products[7]!];
    const [okBefore, shortBefore] = [await stockOf(ok.id), await stockOf(short.id)];
    expect(shortBefore.available).toBeLessThan(999);
    const res = await graphqlRequest(orders.url, PLACE, { input: { lines: [{ productId: ok.id, quantity: 1 }, { productId: short.id, quantity: 999 }], idempotencyKey: 'real-2' } }, await issue(randomUUID()));
    expect(res.data.placeOrder).toEqual({ order: null, errors: [{ code: 'OUT_OF_STOCK', field: ['input', 'lines', '1', 'quantity'] }] });
    expect([await stockOf(ok.id), await stockOf(short.id)]).toEqual([okBefore, shortBefore]);
  });
});

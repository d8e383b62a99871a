import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem, createServiceCredentials, processServiceSecret } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { products as productsSubgraph } from '@shop/products';
import { startSubgraph } from '@shop/kernel';
import type { RunningServer } from '@shop/server';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import { RemoteProductCatalog } from '../src/product-catalog.js';
import { orders as ordersSubgraph } from '../src/subgraph.js';

/** The cart against the real products subgraph (seeded with the demo store), to prove both speak the same `_entities`. */
let products: RunningServer;
let orders: RunningServer;
let token: string;
const drops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const keys = await generateKeyPairPem();
  const JWT_PUBLIC_KEY = keys.publicKeyPem;
  const [productsDb, ordersDb] = await Promise.all([createTestDatabase(inject('databaseUrl'), 'orders_products'), createTestDatabase(inject('databaseUrl'), 'orders_real')]);
  drops.push(productsDb.drop, ordersDb.drop);
  products = await startSubgraph(productsSubgraph, { config: { PORT: 0, DATABASE_URL: productsDb.url, JWT_PUBLIC_KEY, SEED_DEMO: 'true' } });
  // No bus given: the kernel opens an in-process one (config's default) and closes it on stop.
  orders = await startSubgraph(ordersSubgraph, { config: { PORT: 0, DATABASE_URL: ordersDb.url, JWT_PUBLIC_KEY, SEED_DEMO: 'false', INVENTORY_URL: 'http://127.0.0.1:9/graphql', PRODUCTS_URL: products.url } });
  token = await (await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem)).issue({ id: randomUUID(), roles: ['CUSTOMER'] });
});
afterAll(async () => {
  await orders?.stop();
  await products?.stop();
  for (const drop of drops) await drop();
});

const ADD = `mutation($p: ID!, $q: Int!) { addToCart(productId: $p, quantity: $q) { cart { lines { product { id } quantity } } errors { code field } } }`;

describe('with the real products subgraph', () => {
  it('reads a demo product as ACTIVE with its price', async () => {
    const product = demo.products[3]!;
    const [found, missing] = await new RemoteProductCatalog({ url: products.url, credentials: createServiceCredentials('orders', processServiceSecret()) }).findProducts([product.id, randomUUID()]);
    expect(found).toEqual({ id: product.id, status: 'ACTIVE', price: { amount: (Number(product.priceMinor) / 100).toFixed(2), currency: 'COP' } });
    expect(missing).toBeNull();
  });

  it('adds a demo product to the cart and refuses an unknown one with NOT_FOUND', async () => {
    const added = await graphqlRequest(orders.url, ADD, { p: demo.products[3]!.id, q: 2 }, token);
    expect(added.data.addToCart).toEqual({ cart: { lines: [{ product: { id: demo.products[3]!.id }, quantity: 2 }] }, errors: [] });
    const unknown = await graphqlRequest(orders.url, ADD, { p: randomUUID(), q: 1 }, token);
    expect(unknown.data.addToCart).toEqual({ cart: null, errors: [{ code: 'NOT_FOUND', field: ['productId'] }] });
  });
});

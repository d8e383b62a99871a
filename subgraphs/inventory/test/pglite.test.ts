import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { startSubgraph } from '@shop/kernel';
import { graphqlRequest } from '@shop/testing';
import type { RunningServer } from '@shop/server';
import { demoStores } from '../src/domain/seed.js';
import { inventory as definition } from '../src/subgraph.js';
import { inMinutes, releaseOver, reserveOver } from './support/reservations.js';
import { startFakeProducts, type FakeProductsServer } from './support/fake-products.js';

// The embedded default (`npm start`) runs PostgreSQL 18 in WASM: the same migrations and SQL must work there.
let dataDir: string;
let products: FakeProductsServer;
let inventory: RunningServer;
let sellerToken: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'inventory-pglite-'));
  const keys = await generateKeyPairPem();
  sellerToken = await (await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem)).issue({ id: demo.sellers[0].id, roles: ['SELLER'] });
  products = await startFakeProducts(keys.publicKeyPem);
  inventory = await startSubgraph(definition, { config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', PRODUCTS_URL: products.url } });
});
afterAll(async () => {
  await inventory?.stop();
  await products?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('on embedded PGlite', () => {
  it('migrates, seeds, sums stock, adjusts it and pages the ledger', async () => {
    const warehouses = await graphqlRequest(inventory.url, `{ warehouses { name } }`);
    expect(warehouses.data.warehouses).toHaveLength(demo.warehouses.length + demoStores.length);
    const product = demo.products.find((p) => p.sellerId === demo.sellers[0].id)!;
    const expected = demo.stock.filter((s) => s.productId === product.id).reduce((sum, s) => sum + s.onHand, 0);
    const adjusted = await graphqlRequest(
      inventory.url,
      `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { product { stock { onHand available lowStock } } errors { code } } }`,
      { input: { productId: product.id, warehouseId: demo.warehouses[0]!.id, delta: -1, reason: 'ADJUSTMENT' } },
      sellerToken,
    );
    expect(adjusted.data.adjustStock).toEqual({ product: { stock: { onHand: expected - 1, available: expected - 1, lowStock: expected - 1 <= 5 } }, errors: [] });
    const ledger = await graphqlRequest(
      inventory.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { stockMovements(first: 1) { totalCount edges { node { delta } } } } } }`,
      { r: [{ __typename: 'Product', id: product.id }] },
      sellerToken,
    );
    expect(ledger.data._entities[0].stockMovements.edges).toEqual([{ node: { delta: -1 } }]);
  });

  it('reserves and releases through the internal endpoints, with row locks and the outbox', async () => {
    const product = demo.products[3]!;
    const reservationId = randomUUID();
    const body = { reservationId, lines: [{ productId: product.id, quantity: 1 }], expiresAt: inMinutes(15) };
    expect(await reserveOver(inventory, body)).toEqual({ status: 200, body: { status: 'RESERVED' } });
    expect(await reserveOver(inventory, body)).toEqual({ status: 200, body: { status: 'RESERVED' } });
    const stock = await graphqlRequest(inventory.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { stock { reserved } } } }`, { r: [{ __typename: 'Product', id: product.id }] });
    expect(stock.data._entities[0].stock.reserved).toBe(1);
    expect(await releaseOver(inventory, reservationId)).toEqual({ status: 200, body: { status: 'RELEASED' } });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem, type TokenIssuer } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { startSubgraph } from '@shop/kernel';
import { products as catalog } from '@shop/products';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import type { RunningServer } from '@shop/server';
import { inventory as definition } from '../src/subgraph.js';

// adjustStock against the real products subgraph (seeded with the demo store), asked directly over its _entities protocol.
const [wayuu, raquira] = demo.sellers;
const warehouseId = demo.warehouses[0]!.id;
let products: RunningServer;
let inventory: RunningServer;
let issuer: TokenIssuer;
const drops: (() => Promise<void>)[] = [];
beforeAll(async () => {
  const [productsDb, inventoryDb] = await Promise.all([
    createTestDatabase(inject('databaseUrl'), 'inventory_real_products'),
    createTestDatabase(inject('databaseUrl'), 'inventory_real_inventory'),
  ]);
  drops.push(productsDb.drop, inventoryDb.drop);
  const keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const base = { PORT: 0, HOST: '127.0.0.1', JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true' } as const;
  products = await startSubgraph(catalog, { config: { ...base, DATABASE_URL: productsDb.url } });
  inventory = await startSubgraph(definition, { config: { ...base, DATABASE_URL: inventoryDb.url, PRODUCTS_URL: products.url } });
});
afterAll(async () => {
  await inventory?.stop();
  await products?.stop();
  for (const drop of drops) await drop();
});

const ADJUST = `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { product { id stock { onHand } } errors { code field } } }`;
const adjust = async (productId: string, delta: number, viewer: { id: string; roles: ('SELLER' | 'ADMIN' | 'CUSTOMER')[] }) =>
  (await graphqlRequest(inventory.url, ADJUST, { input: { productId, warehouseId, delta, reason: delta > 0 ? 'RESTOCK' : 'ADJUSTMENT' } }, await issuer.issue(viewer))).data.adjustStock;

describe('adjustStock with the real products subgraph', () => {
  const product = demo.products.find((p) => p.sellerId === wayuu.id)!;
  const onHand = demo.stock.filter((s) => s.productId === product.id).reduce((sum, s) => sum + s.onHand, 0);

  it("lets the seller restock their own product and an admin adjust it, and forbids another seller", async () => {
    expect(await adjust(product.id, 3, { id: wayuu.id, roles: ['SELLER'] })).toEqual({ product: { id: product.id, stock: { onHand: expect.any(Number) } }, errors: [] });
    expect(await adjust(product.id, 2, { id: raquira.id, roles: ['SELLER'] })).toMatchObject({ product: null, errors: [{ code: 'FORBIDDEN' }] });
    const byAdmin = await adjust(product.id, -1, { id: demo.admin.id, roles: ['ADMIN'] });
    expect(byAdmin.product.stock.onHand).toBe(onHand + 3 - 1);
  });

  it('answers NOT_FOUND for a product the products subgraph does not know', async () => {
    expect(await adjust(randomUUID(), 1, { id: demo.admin.id, roles: ['ADMIN'] })).toMatchObject({ errors: [{ code: 'NOT_FOUND', field: ['input', 'productId'] }] });
  });

  it('lets a seller stock a DRAFT product they just created', async () => {
    const token = await issuer.issue({ id: wayuu.id, roles: ['SELLER'] });
    const created = await graphqlRequest(
      products.url,
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } errors { code message } } }`,
      { input: { sku: `INV-${randomUUID().slice(0, 8)}`, name: 'Mochila de prueba', description: 'Para probar inventario.', price: '1000.00', status: 'DRAFT' } },
      token,
    );
    expect(created.data.createProduct.errors).toEqual([]);
    const id = created.data.createProduct.product.id;
    expect(await adjust(id, 7, { id: wayuu.id, roles: ['SELLER'] })).toEqual({ product: { id, stock: { onHand: 7 } }, errors: [] });
  });
});

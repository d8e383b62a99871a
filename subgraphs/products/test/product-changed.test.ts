import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { openDatabase, type Database } from '@shop/db';
import type { DomainEvent } from '@shop/events';
import { createTestDatabase } from '@shop/testing';
import { productChanged } from '../src/contract.js';
import { outbox, products, schema, type ProductsSchema } from '../src/db/schema.js';
import { createProduct, updateProduct } from '../src/domain/products.js';
import { seedDemoCatalog } from '../src/domain/seed.js';
import { products as productsSubgraph } from '../src/subgraph.js';
import { rowsOf, startHarness, type Harness } from './harness.js';

let h: Harness;
/**
 * A migrated database that no server (so no outbox relay) touches: the relay marks rows published, which rewrites
 * them, so only here does an outbox row's xmin still name the transaction that recorded it.
 */
let bare: { db: Database<ProductsSchema>; close(): Promise<void> };
const [wayuu, raquira] = demo.sellers;
const ceramica = demo.categories.find((c) => c.slug === 'ceramica')!;
const mochilas = demo.categories.find((c) => c.slug === 'mochilas')!;

beforeAll(async () => {
  h = await startHarness('products_changed');
  const database = await createTestDatabase(inject('databaseUrl'), 'products_changed_bare');
  const opened = await openDatabase({ url: database.url, schema, migrationsFolder: fileURLToPath(productsSubgraph.database.migrations), maxConnections: 2 });
  bare = { db: opened.db, close: async () => (await opened.close(), await database.drop()) };
});
afterAll(async () => {
  await h?.stop();
  await bare?.close();
});

const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } errors { code field } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { product { id } errors { code field } } }`;

/** product.changed rows in the outbox, oldest first (all of them, or one product's). */
async function changedEvents(productId?: string) {
  const rows = await h.db
    .select()
    .from(outbox)
    .where(productId ? sql`${outbox.type} = 'product.changed' and ${outbox.aggregateId} = ${productId}` : eq(outbox.type, 'product.changed'))
    .orderBy(asc(outbox.seq));
  return rows.map((r) => ({ aggregateId: r.aggregateId, source: r.source, payload: r.payload as Record<string, unknown> }));
}

/**
 * The id of the transaction that last wrote the product's row and of the one that wrote its newest product.changed:
 * equal exactly when the event was recorded in the change's own transaction.
 */
async function writers(db: Database<ProductsSchema>, productId: string): Promise<{ product: string; event: string }> {
  const [row] = rowsOf<{ product: string; event: string }>(
    await db.execute(sql`select (select xmin::text from products where id = ${productId}) as product,
      (select xmin::text from outbox where type = 'product.changed' and aggregate_id = ${productId} order by seq desc limit 1) as event`),
  );
  return row!;
}

const payloadOf = async (productId: string) => {
  const [row] = await h.db.select().from(products).where(eq(products.id, productId));
  return {
    productId: row!.id,
    sellerId: row!.sellerId,
    categoryId: row!.categoryId,
    name: row!.name,
    priceMinor: Number(row!.priceMinor),
    currency: row!.currency,
    costPriceMinor: row!.costPriceMinor === null ? null : Number(row!.costPriceMinor),
    weightGrams: row!.weightGrams,
  };
};

describe('product.changed', () => {
  it('is recorded for each seeded demo product, in the seed transaction, in the demo order, with its cost price and weight', async () => {
    const seeded = (await changedEvents()).filter((e) => demo.products.some((p) => p.id === e.aggregateId));
    expect(seeded.map((e) => e.payload)).toEqual(
      demo.products.map((p) => ({
        productId: p.id,
        sellerId: p.sellerId,
        categoryId: p.categoryId,
        name: p.name,
        priceMinor: Number(p.priceMinor),
        currency: 'COP',
        costPriceMinor: Number(p.costPriceMinor),
        weightGrams: p.weightGrams,
      })),
    );
    expect(seeded.every((e) => e.source === 'products' && productChanged.parse({ payload: e.payload } as DomainEvent).ok)).toBe(true);
  });

  it('is recorded by the seed in its own transaction: a seed that fails leaves neither products nor events, one that commits both', async () => {
    await expect(
      bare.db.transaction(async (tx) => {
        await seedDemoCatalog(tx as unknown as Database<ProductsSchema>);
        throw new Error('the start failed');
      }),
    ).rejects.toThrow('the start failed');
    expect(await bare.db.select().from(products)).toEqual([]);
    expect(await bare.db.select().from(outbox)).toEqual([]);
    expect(await seedDemoCatalog(bare.db)).toBe(true);
    const xids = rowsOf<{ xid: string }>(await bare.db.execute(sql`select xmin::text as xid from products union select xmin::text from outbox`));
    expect(xids).toHaveLength(1);
    expect((await bare.db.select().from(outbox)).map((r) => [r.type, r.aggregateId])).toEqual(demo.products.map((p) => ['product.changed', p.id]));
  });

  it("is written by createProduct and updateProduct in the write's own transaction", async () => {
    const created = await createProduct(bare.db, { id: raquira.id, roles: ['SELLER'] }, { sku: 'TX-1', name: 'Plato', description: '', price: '5000', costPrice: '2000' });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.value.id : '';
    const afterCreate = await writers(bare.db, id);
    expect(afterCreate.event).toBe(afterCreate.product);
    expect((await updateProduct(bare.db, { id: demo.admin.id, roles: ['ADMIN'] }, id, { costPrice: null, price: '6000' })).ok).toBe(true);
    const afterUpdate = await writers(bare.db, id);
    expect(afterUpdate.event).toBe(afterUpdate.product);
    expect(afterUpdate.product).not.toBe(afterCreate.product);
  });

  it('gives every demo product a cost price of 40 to 60% of its price', () => {
    for (const p of demo.products) {
      expect(Number(p.costPriceMinor)).toBeGreaterThanOrEqual(Number(p.priceMinor) * 0.4);
      expect(Number(p.costPriceMinor)).toBeLessThanOrEqual(Number(p.priceMinor) * 0.6);
    }
  });

  it('is recorded with the new product by createProduct', async () => {
    const res = await h.gql(CREATE, { input: { sku: 'EV-NEW-1', name: 'Jarrón Ráquira', description: '', price: '120000.50', costPrice: '61000', categoryId: ceramica.id } }, await h.token(raquira.id, 'SELLER'));
    expect(res.data.createProduct.errors).toEqual([]);
    const id = res.data.createProduct.product.id as string;
    expect(await changedEvents(id)).toEqual([
      {
        aggregateId: id,
        source: 'products',
        payload: { productId: id, sellerId: raquira.id, categoryId: ceramica.id, name: 'Jarrón Ráquira', priceMinor: 12_000_050, currency: 'COP', costPriceMinor: 6_100_000, weightGrams: null },
      },
    ]);
  });

  it('records a product without a category or cost price with nulls', async () => {
    const res = await h.gql(CREATE, { input: { sku: 'EV-NEW-2', name: 'Caja', description: '', price: '10', currency: 'usd' } }, await h.token(demo.admin.id, 'ADMIN'));
    const id = res.data.createProduct.product.id as string;
    expect((await changedEvents(id)).map((e) => e.payload)).toEqual([
      { productId: id, sellerId: demo.admin.id, categoryId: null, name: 'Caja', priceMinor: 1000, currency: 'USD', costPriceMinor: null, weightGrams: null },
    ]);
  });

  it('is recorded on each update with the product as that update left it', async () => {
    const target = demo.products.find((p) => p.sellerId === wayuu.id)!;
    const seller = await h.token(wayuu.id, 'SELLER');
    const before = (await changedEvents(target.id)).length;
    expect((await h.gql(UPDATE, { id: target.id, input: { name: 'Mochila Renovada', price: '250000', costPrice: '99000.10', categoryId: mochilas.id } }, seller)).data.updateProduct.errors).toEqual([]);
    // Clearing the cost price and the category, by an admin.
    expect((await h.gql(UPDATE, { id: target.id, input: { costPrice: null, categoryId: null } }, await h.token(demo.admin.id, 'ADMIN'))).data.updateProduct.errors).toEqual([]);
    // A change outside the payload (the description) still records the product as it stands.
    expect((await h.gql(UPDATE, { id: target.id, input: { description: 'Otra' } }, seller)).data.updateProduct.errors).toEqual([]);
    const events = (await changedEvents(target.id)).slice(before).map((e) => e.payload);
    const base = { productId: target.id, sellerId: wayuu.id, name: 'Mochila Renovada', priceMinor: 25_000_000, currency: 'COP', weightGrams: target.weightGrams };
    expect(events).toEqual([
      { ...base, categoryId: mochilas.id, costPriceMinor: 9_900_010 },
      { ...base, categoryId: null, costPriceMinor: null },
      { ...base, categoryId: null, costPriceMinor: null },
    ]);
    expect(events.at(-1)).toEqual(await payloadOf(target.id));
  });

  it('is not recorded when a create or an update is refused, or when the transaction it ran in fails', async () => {
    const target = demo.products.find((p) => p.sellerId === raquira.id)!;
    const count = async () => (await changedEvents()).length;
    const before = await count();
    const seller = await h.token(raquira.id, 'SELLER');
    const refused = [
      await h.gql(UPDATE, { id: target.id, input: { costPrice: '-1' } }, seller),
      await h.gql(UPDATE, { id: target.id, input: { price: '0' } }, seller),
      await h.gql(UPDATE, { id: target.id, input: { name: 'Ajena' } }, await h.token(wayuu.id, 'SELLER')),
      await h.gql(UPDATE, { id: target.id, input: { categoryId: '00000000-0000-4000-8000-000000000000' } }, seller),
    ];
    expect(refused.map((r) => r.data.updateProduct.errors[0]?.code)).toEqual(['INVALID_INPUT', 'INVALID_INPUT', 'FORBIDDEN', 'NOT_FOUND']);
    const duplicate = await h.gql(CREATE, { input: { sku: target.sku, name: 'Copia', description: '', price: '1' } }, seller);
    expect(duplicate.data.createProduct.errors).toEqual([{ code: 'SKU_TAKEN', field: ['input', 'sku'] }]);
    // An update that succeeded inside a transaction that then failed: neither the change nor its event remain.
    const row = await payloadOf(target.id);
    await expect(
      h.db.transaction(async (tx) => {
        const result = await updateProduct(tx, { id: raquira.id, roles: ['SELLER'] }, target.id, { name: 'Deshecha', costPrice: '5' });
        expect(result.ok).toBe(true);
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect(await payloadOf(target.id)).toEqual(row);
    expect(await count()).toBe(before);
  });

  it('is published on the bus by the outbox relay', async () => {
    const published: DomainEvent[] = [];
    const unsubscribe = await h.bus.broadcast(['product.changed'], async (event) => void published.push(event));
    try {
      const target = demo.products.find((p) => p.sellerId === raquira.id && p.id !== demo.products.find((q) => q.sellerId === raquira.id)!.id)!;
      expect((await h.gql(UPDATE, { id: target.id, input: { costPrice: '1234.56' } }, await h.token(raquira.id, 'SELLER'))).data.updateProduct.errors).toEqual([]);
      await expect.poll(() => published.filter((e) => e.aggregateId === target.id).map((e) => [e.source, e.payload.costPriceMinor]), { timeout: 5000 }).toEqual([['products', 123_456]]);
      const [event] = published.filter((e) => e.aggregateId === target.id);
      expect(productChanged.parse(event!)).toEqual({ ok: true, payload: await payloadOf(target.id) });
    } finally {
      await unsubscribe();
    }
  });
});

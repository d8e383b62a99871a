import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { stockLevels, stockMovements, stockSettings } from '../src/db/schema.js';
import { demoStores } from '../src/domain/seed.js';
import { bogota, medellin, startHarness, type Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'inventory_stock');
});
afterAll(async () => h?.stop());

const STOCK = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id stock { available reserved onHand lowStock warehouses { warehouse { id name region } onHand reserved available } } } } }`;
const stockOf = async (ids: string[]) => {
  const res = await graphqlRequest(h.inventory.url, STOCK, { r: ids.map((id) => ({ __typename: 'Product', id })) });
  expect(res.errors).toBeUndefined();
  return res.data._entities as { id: string; stock: any }[];
};
const demoOnHand = (productId: string, warehouseId: string) => demo.stock.find((s) => s.productId === productId && s.warehouseId === warehouseId)!.onHand;
const setLevel = (productId: string, warehouseId: string, onHand: number, reserved: number) =>
  h.db.update(stockLevels).set({ onHand, reserved }).where(and(eq(stockLevels.productId, productId), eq(stockLevels.warehouseId, warehouseId)));

describe('Product.stock', () => {
  it('sums the demo stock over both warehouses, with each warehouse listed', async () => {
    const product = demo.products[1]!;
    const [entity] = await stockOf([product.id]);
    const a = demoOnHand(product.id, bogota.id);
    const b = demoOnHand(product.id, medellin.id);
    expect(entity!.stock).toMatchObject({ onHand: a + b, reserved: 0, available: a + b });
    expect(entity!.stock.warehouses).toEqual([
      { warehouse: bogota, onHand: a, reserved: 0, available: a },
      { warehouse: medellin, onHand: b, reserved: 0, available: b },
    ]);
  });

  it('computes available as onHand minus reserved, summed over warehouses', async () => {
    const product = demo.products[2]!;
    await setLevel(product.id, bogota.id, 12, 5);
    await setLevel(product.id, medellin.id, 4, 4);
    const [entity] = await stockOf([product.id]);
    expect(entity!.stock).toMatchObject({ onHand: 16, reserved: 9, available: 7 });
    expect(entity!.stock.warehouses.map((w: any) => w.available)).toEqual([7, 0]);
  });

  it('is lowStock when available is at or below the threshold, and not above it', async () => {
    const product = demo.products[3]!;
    await h.db.update(stockSettings).set({ lowStockThreshold: 6 }).where(eq(stockSettings.productId, product.id));
    await setLevel(product.id, bogota.id, 4, 0);
    await setLevel(product.id, medellin.id, 4, 2);
    expect((await stockOf([product.id]))[0]!.stock).toMatchObject({ available: 6, lowStock: true });
    await setLevel(product.id, medellin.id, 4, 1);
    expect((await stockOf([product.id]))[0]!.stock).toMatchObject({ available: 7, lowStock: false });
  });

  it('uses the default threshold of 5 for a product without settings', async () => {
    const productId = randomUUID();
    await h.db.insert(stockLevels).values({ productId, warehouseId: bogota.id, onHand: 5, reserved: 0 });
    expect((await stockOf([productId]))[0]!.stock).toMatchObject({ available: 5, lowStock: true });
    await h.db.update(stockLevels).set({ onHand: 6 }).where(eq(stockLevels.productId, productId));
    expect((await stockOf([productId]))[0]!.stock).toMatchObject({ available: 6, lowStock: false });
  });

  it('gives a product with no stock rows zeros, no warehouses and lowStock true', async () => {
    const [entity] = await stockOf([randomUUID()]);
    expect(entity!.stock).toEqual({ available: 0, reserved: 0, onHand: 0, lowStock: true, warehouses: [] });
  });

  it('shows the sold-out demo product as zero and lowStock', async () => {
    const [entity] = await stockOf([demo.products[7]!.id]);
    expect(entity!.stock).toMatchObject({ available: 0, onHand: 0, lowStock: true });
  });

  it('answers a malformed Product reference with null instead of an error', async () => {
    const res = await graphqlRequest(h.inventory.url, STOCK, { r: [{ __typename: 'Product', id: 'not-a-uuid' }] });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([null]);
  });

  it('costs one SQL query for the stock of 50 Product references', async () => {
    const ids = demo.products.slice(10, 60).map((p) => p.id);
    h.queries.length = 0;
    const res = await graphqlRequest(h.inventory.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id stock { available warehouses { warehouse { name } } } } } }`, {
      r: ids.map((id) => ({ __typename: 'Product', id })),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toHaveLength(50);
    expect(res.data._entities[0].stock.warehouses.map((w: any) => w.warehouse.name)).toEqual([bogota.name, medellin.name]);
    // The outbox relay and the orphan sweeper poll in the background; only the request's own queries count.
    const own = h.queries.filter((q) => !/"outbox"|"reservations"/.test(q));
    expect(own.filter((q) => /stock_levels/.test(q))).toHaveLength(1);
    expect(own).toHaveLength(1);
  });
});

describe('warehouses', () => {
  it("lists the demo warehouses and sellers' shops by name, only one kind when asked", async () => {
    const stores = demoStores.map((s) => ({ id: s.warehouse.id, name: s.warehouse.name, region: s.warehouse.region, kind: 'STORE', seller: { id: s.warehouse.sellerId } }));
    stores.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    const plain = [bogota, medellin].map((w) => ({ ...w, kind: 'WAREHOUSE', seller: null }));
    const all = await graphqlRequest(h.inventory.url, `{ warehouses { id name region kind seller { id } } }`);
    expect(all.data.warehouses).toEqual([...plain, ...stores]);
    const onlyStores = await graphqlRequest(h.inventory.url, `{ warehouses(kind: STORE) { id name region kind seller { id } } }`);
    expect(onlyStores.data.warehouses).toEqual(stores);
    const onlyWarehouses = await graphqlRequest(h.inventory.url, `{ warehouses(kind: WAREHOUSE) { id name region kind seller { id } } }`);
    expect(onlyWarehouses.data.warehouses).toEqual(plain);
  });

  it('resolves Warehouse references by id, and a malformed one to null', async () => {
    const res = await graphqlRequest(h.inventory.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Warehouse { id name } } }`, {
      r: [{ __typename: 'Warehouse', id: medellin.id }, { __typename: 'Warehouse', id: 'x' }, { __typename: 'Warehouse', id: randomUUID() }],
    });
    expect(res.data._entities).toEqual([{ id: medellin.id, name: medellin.name }, null, null]);
  });
});

describe('demo seed', () => {
  it('writes opening stock as system RESTOCK movements whose sums equal onHand', async () => {
    const ledger = await h.db
      .select({ productId: stockMovements.productId, warehouseId: stockMovements.warehouseId, sum: sql<number>`sum(${stockMovements.delta})::int`, actors: sql<number>`count(${stockMovements.actorId})::int` })
      .from(stockMovements)
      .where(eq(stockMovements.reason, 'RESTOCK'))
      .groupBy(stockMovements.productId, stockMovements.warehouseId);
    const storeStock = demoStores.flatMap((s) => s.stock.map((line) => ({ ...line, warehouseId: s.warehouse.id })));
    const expected = [...demo.stock, ...storeStock].filter((s) => s.onHand > 0);
    expect(ledger).toHaveLength(expected.length);
    for (const s of expected) {
      expect(ledger).toContainEqual({ productId: s.productId, warehouseId: s.warehouseId, sum: s.onHand, actors: 0 });
    }
  });

  it('seeds only an empty database: a restart adds nothing', async () => {
    const [before] = await h.db.select({ n: sql<number>`count(*)::int` }).from(stockMovements);
    await h.startInventory({ SEED_DEMO: 'true' });
    const [after] = await h.db.select({ n: sql<number>`count(*)::int` }).from(stockMovements);
    expect(after!.n).toBe(before!.n);
  });
});

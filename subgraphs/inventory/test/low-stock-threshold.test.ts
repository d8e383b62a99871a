import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { MAX_LOW_STOCK_THRESHOLD } from '../src/contract.js';
import { outbox, stockLevels, stockSettings } from '../src/db/schema.js';
import { bogota, newProduct, startHarness, type Harness } from './support/harness.js';

const [wayuu, raquira] = demo.sellers;
const stocked = newProduct(wayuu.id);
const unstocked = newProduct(wayuu.id);
const forOthers = newProduct(wayuu.id);

let h: Harness;
const tokens = {} as Record<'seller' | 'otherSeller' | 'admin' | 'customer', string>;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'inventory_threshold', [stocked, unstocked, forOthers]);
  tokens.seller = await h.tokenFor(wayuu.id, ['SELLER', 'CUSTOMER']);
  tokens.otherSeller = await h.tokenFor(raquira.id, ['SELLER', 'CUSTOMER']);
  tokens.admin = await h.tokenFor(demo.admin.id, ['ADMIN']);
  tokens.customer = await h.tokenFor(demo.customer.id, ['CUSTOMER']);
  // 8 units available (10 on hand, 2 held), the default threshold 5, seller not yet learned.
  await h.db.insert(stockLevels).values([{ productId: stocked.id, warehouseId: bogota.id, onHand: 10, reserved: 2 }, { productId: forOthers.id, warehouseId: bogota.id, onHand: 8, reserved: 0 }]);
});
afterAll(async () => h?.stop());

const SET = 'mutation($p: ID!, $t: Int!) { setLowStockThreshold(productId: $p, threshold: $t) { product { id lowStockThreshold stock { available lowStock } } errors { code field } } }';
// null: signed out.
const set = async (productId: string, threshold: unknown, token: string | null = tokens.seller) => graphqlRequest(h.inventory.url, SET, { p: productId, t: threshold }, token ?? undefined);
const READ = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id lowStockThreshold } } }';
const read = (productId: string, token?: string) => graphqlRequest(h.inventory.url, READ, { r: [{ __typename: 'Product', id: productId }] }, token);

const lowEventsOf = async (productId: string) =>
  (await h.db.select().from(outbox).where(and(inArray(outbox.type, ['stock.low', 'stock.sold_out']), eq(outbox.aggregateId, productId))).orderBy(outbox.seq)).map((r) => ({ type: r.type, payload: r.payload }));
const settingsOf = async (productId: string) => (await h.db.select().from(stockSettings).where(eq(stockSettings.productId, productId)))[0] ?? null;

describe('setLowStockThreshold', () => {
  it("sets the seller's own product's threshold; raising it over the units available publishes stock.low once, lowering it nothing", async () => {
    const lowered = await set(stocked.id, 3);
    expect(lowered.data.setLowStockThreshold).toEqual({ product: { id: stocked.id, lowStockThreshold: 3, stock: { available: 8, lowStock: false } }, errors: [] });
    expect(await lowEventsOf(stocked.id)).toEqual([]);
    const raised = await set(stocked.id, 8);
    expect(raised.data.setLowStockThreshold).toEqual({ product: { id: stocked.id, lowStockThreshold: 8, stock: { available: 8, lowStock: true } }, errors: [] });
    const expected = { type: 'stock.low', payload: { productId: stocked.id, sellerId: wayuu.id, available: 8, threshold: 8, restockWarehouseId: expect.any(String) } };
    expect(await lowEventsOf(stocked.id)).toEqual([expected]);
    // Already low: raising it further is no new crossing.
    await set(stocked.id, 20);
    expect(await lowEventsOf(stocked.id)).toEqual([expected]);
    // And the seller is on record for the alerts stock changes will raise.
    expect(await settingsOf(stocked.id)).toEqual({ productId: stocked.id, lowStockThreshold: 20, sellerId: wayuu.id });
  });

  it('lets an admin set any product\'s threshold; a product with no stock gets one and publishes nothing', async () => {
    const res = await set(unstocked.id, 0, tokens.admin);
    expect(res.data.setLowStockThreshold).toEqual({ product: { id: unstocked.id, lowStockThreshold: 0, stock: { available: 0, lowStock: true } }, errors: [] });
    expect(await lowEventsOf(unstocked.id)).toEqual([]);
  });

  it('refuses another seller (FORBIDDEN), a customer (FORBIDDEN) and a signed-out caller (UNAUTHENTICATED), changing nothing', async () => {
    const before = await settingsOf(forOthers.id);
    expect((await set(forOthers.id, 9, tokens.otherSeller)).data.setLowStockThreshold).toEqual({ product: null, errors: [{ code: 'FORBIDDEN', field: null }] });
    expect((await set(forOthers.id, 9, tokens.customer)).data.setLowStockThreshold).toEqual({ product: null, errors: [{ code: 'FORBIDDEN', field: null }] });
    const anonymous = await set(forOthers.id, 9, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.setLowStockThreshold ?? null).toBeNull();
    expect(await settingsOf(forOthers.id)).toEqual(before);
    expect(await lowEventsOf(forOthers.id)).toEqual([]);
  });

  it('answers INVALID_INPUT for a negative or too large threshold or a malformed id, NOT_FOUND for an unknown product, changing nothing', async () => {
    await set(forOthers.id, 4);
    const before = await settingsOf(forOthers.id);
    expect((await set(forOthers.id, -1)).data.setLowStockThreshold).toEqual({ product: null, errors: [{ code: 'INVALID_INPUT', field: ['threshold'] }] });
    expect((await set(forOthers.id, MAX_LOW_STOCK_THRESHOLD + 1)).data.setLowStockThreshold).toEqual({ product: null, errors: [{ code: 'INVALID_INPUT', field: ['threshold'] }] });
    expect((await set('not-an-id', 3)).data.setLowStockThreshold).toEqual({ product: null, errors: [{ code: 'INVALID_INPUT', field: ['productId'] }] });
    expect((await set(newProduct(wayuu.id).id, 3)).data.setLowStockThreshold).toEqual({ product: null, errors: [{ code: 'NOT_FOUND', field: ['productId'] }] });
    expect(await settingsOf(forOthers.id)).toEqual(before);
    expect(await lowEventsOf(forOthers.id)).toEqual([]);
  });
});

describe('Product.lowStockThreshold', () => {
  it("is the product's seller's and admins': 5 unless set; FORBIDDEN for another seller and a customer, UNAUTHENTICATED signed out", async () => {
    const fresh = newProduct(wayuu.id);
    expect((await read(stocked.id, tokens.seller)).data._entities).toEqual([{ id: stocked.id, lowStockThreshold: 20 }]);
    expect((await read(stocked.id, tokens.admin)).data._entities).toEqual([{ id: stocked.id, lowStockThreshold: 20 }]);
    expect((await read(fresh.id, tokens.admin)).data._entities).toEqual([{ id: fresh.id, lowStockThreshold: 5 }]);
    for (const [token, code] of [
      [tokens.otherSeller, 'FORBIDDEN'],
      [tokens.customer, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await read(stocked.id, token);
      expect(res.errors?.map((e: { extensions?: { code?: string } }) => e.extensions?.code)).toEqual([code]);
      expect(JSON.stringify(res.data ?? null)).not.toContain('20');
    }
  });
});

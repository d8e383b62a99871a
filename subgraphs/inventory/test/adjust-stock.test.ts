import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { stockLevels, stockMovements } from '../src/db/schema.js';
import { bogota, medellin, newProduct, snapshot, startHarness, type Harness } from './support/harness.js';

const [wayuu, raquira] = demo.sellers;
// Products only this file's fake products subgraph knows, so every test starts from a known state.
const fresh = Array.from({ length: 6 }, () => newProduct(wayuu.id));
const [concurrent, held, plain, forAdmin, draft, archived] = fresh as [typeof fresh[0], typeof fresh[0], typeof fresh[0], typeof fresh[0], typeof fresh[0], typeof fresh[0]];
draft.status = 'DRAFT';
archived.status = 'ARCHIVED';

let h: Harness;
let sellerToken: string;
let otherSellerToken: string;
let adminToken: string;
let customerToken: string;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'inventory_adjust', fresh);
  sellerToken = await h.tokenFor(wayuu.id, ['SELLER', 'CUSTOMER']);
  otherSellerToken = await h.tokenFor(raquira.id, ['SELLER', 'CUSTOMER']);
  adminToken = await h.tokenFor(demo.admin.id, ['ADMIN']);
  customerToken = await h.tokenFor(demo.customer.id, ['CUSTOMER']);
});
afterAll(async () => h?.stop());

const ADJUST = `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { product { id stock { onHand reserved available } } errors { code field message } } }`;
const adjust = (input: Record<string, unknown>, token: string = sellerToken, url = h.inventory.url) => graphqlRequest(url, ADJUST, { input }, token);
const input = (productId: string, delta: number, reason = 'ADJUSTMENT', warehouseId = bogota.id) => ({ productId, warehouseId, delta, reason });
const ledgerOf = (productId: string) => h.db.select().from(stockMovements).where(eq(stockMovements.productId, productId));

describe('adjustStock', () => {
  it('restocks a product with no stock yet, writing one ledger row with who, why and delta', async () => {
    const res = await adjust(input(plain.id, 12, 'RESTOCK'));
    expect(res.data.adjustStock).toEqual({ product: { id: plain.id, stock: { onHand: 12, reserved: 0, available: 12 } }, errors: [] });
    const ledger = await ledgerOf(plain.id);
    expect(ledger).toEqual([
      expect.objectContaining({ productId: plain.id, warehouseId: bogota.id, delta: 12, reason: 'RESTOCK', actorId: wayuu.id, createdAt: expect.any(Date) }),
    ]);
  });

  it('removes units with ADJUSTMENT and adds one more ledger row per change', async () => {
    await adjust(input(plain.id, 3, 'RETURN', medellin.id));
    const res = await adjust(input(plain.id, -5));
    expect(res.data.adjustStock.errors).toEqual([]);
    expect(res.data.adjustStock.product.stock).toEqual({ onHand: 10, reserved: 0, available: 10 });
    const ledger = await ledgerOf(plain.id);
    expect(ledger.map((m) => [m.warehouseId, m.delta, m.reason])).toEqual(
      expect.arrayContaining([
        [bogota.id, 12, 'RESTOCK'],
        [medellin.id, 3, 'RETURN'],
        [bogota.id, -5, 'ADJUSTMENT'],
      ]),
    );
    expect(ledger).toHaveLength(3);
  });

  it('never lets onHand go below reserved units, and writes nothing when refused', async () => {
    await adjust(input(held.id, 10, 'RESTOCK'));
    // A checkout hold, staged directly in the table the reservations will use.
    await h.db.update(stockLevels).set({ reserved: 8 }).where(and(eq(stockLevels.productId, held.id), eq(stockLevels.warehouseId, bogota.id)));
    const before = await snapshot(h.db, held.id, bogota.id);
    const refused = await adjust(input(held.id, -3));
    expect(refused.data.adjustStock).toMatchObject({ product: null, errors: [{ code: 'INSUFFICIENT_STOCK', field: ['input', 'delta'] }] });
    expect(await snapshot(h.db, held.id, bogota.id)).toEqual(before);
    const allowed = await adjust(input(held.id, -2));
    expect(allowed.data.adjustStock.product.stock).toEqual({ onHand: 8, reserved: 8, available: 0 });
    const toZero = await adjust(input(held.id, -8));
    expect(toZero.data.adjustStock.errors[0].code).toBe('INSUFFICIENT_STOCK');
  });

  it('refuses to remove units from a warehouse that has none of the product', async () => {
    const before = await snapshot(h.db, plain.id, bogota.id);
    const res = await adjust(input(forAdmin.id, -1));
    expect(res.data.adjustStock.errors).toMatchObject([{ code: 'INSUFFICIENT_STOCK' }]);
    expect(await snapshot(h.db, forAdmin.id, bogota.id)).toEqual({ level: null, ledgerRows: 0 });
    expect(await snapshot(h.db, plain.id, bogota.id)).toEqual(before);
  });

  it.each([
    ['a zero delta', input(demo.products[0]!.id, 0), 'INVALID_INPUT', ['input', 'delta']],
    ['a delta above a million', input(demo.products[0]!.id, 1_000_001, 'RESTOCK'), 'INVALID_INPUT', ['input', 'delta']],
    ['a delta below minus a million', input(demo.products[0]!.id, -1_000_001), 'INVALID_INPUT', ['input', 'delta']],
    ['a SALE, which only the checkout records', input(demo.products[0]!.id, -1, 'SALE'), 'INVALID_INPUT', ['input', 'reason']],
    ['a RESTOCK that removes units', input(demo.products[0]!.id, -1, 'RESTOCK'), 'INVALID_INPUT', ['input', 'delta']],
    ['a malformed product id', { ...input(demo.products[0]!.id, 1), productId: 'abc' }, 'INVALID_INPUT', ['input', 'productId']],
    ['a malformed warehouse id', { ...input(demo.products[0]!.id, 1), warehouseId: "1' or '1'='1" }, 'INVALID_INPUT', ['input', 'warehouseId']],
    ['an unknown warehouse', { ...input(demo.products[0]!.id, 1), warehouseId: randomUUID() }, 'NOT_FOUND', ['input', 'warehouseId']],
    ['an unknown product', input(randomUUID(), 1, 'RESTOCK'), 'NOT_FOUND', ['input', 'productId']],
  ])('rejects %s with its code at the field, and writes nothing', async (_name, bad, code, field) => {
    const productId = demo.products[0]!.id;
    const before = await snapshot(h.db, productId, bogota.id);
    const ledgerBefore = await h.db.$count(stockMovements);
    const res = await adjust(bad, adminToken);
    expect(res.status).toBe(200);
    expect(res.data.adjustStock.product).toBeNull();
    expect(res.data.adjustStock.errors).toContainEqual(expect.objectContaining({ code, field }));
    expect(await snapshot(h.db, productId, bogota.id)).toEqual(before);
    expect(await h.db.$count(stockMovements)).toBe(ledgerBefore);
  });

  it.each([
    ['a non-integer delta', 1.5],
    ['a delta beyond 32 bits', 2 ** 31],
    ['a string delta', '5'],
  ])('rejects %s as a GraphQL BAD_USER_INPUT error and writes nothing', async (_name, delta) => {
    const ledgerBefore = await h.db.$count(stockMovements);
    const res = await adjust({ ...input(demo.products[0]!.id, 1), delta }, adminToken);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res)).not.toMatch(/stack|at .*\.ts/);
    expect(await h.db.$count(stockMovements)).toBe(ledgerBefore);
  });

  it('requires a signed-in viewer', async () => {
    const res = await adjust(input(demo.products[0]!.id, 1, 'RESTOCK'), '');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("does not let a seller touch another seller's product, nor a customer any", async () => {
    const product = demo.products.find((p) => p.sellerId === raquira.id)!;
    const before = await snapshot(h.db, product.id, bogota.id);
    for (const token of [sellerToken, customerToken]) {
      const res = await adjust(input(product.id, 1, 'RESTOCK'), token);
      expect(res.data.adjustStock).toMatchObject({ product: null, errors: [{ code: 'FORBIDDEN' }] });
    }
    expect(await snapshot(h.db, product.id, bogota.id)).toEqual(before);
    const own = await adjust(input(product.id, 1, 'RESTOCK'), otherSellerToken);
    expect(own.data.adjustStock.errors).toEqual([]);
  });

  it("lets an admin adjust any seller's product, recorded as the admin", async () => {
    const res = await adjust(input(forAdmin.id, 4, 'RESTOCK', medellin.id), adminToken);
    expect(res.data.adjustStock.product.stock.onHand).toBe(4);
    expect(await ledgerOf(forAdmin.id)).toEqual([expect.objectContaining({ delta: 4, actorId: demo.admin.id, reason: 'RESTOCK' })]);
  });

  it('lets the seller stock a draft or archived product', async () => {
    for (const product of [draft, archived]) {
      const res = await adjust(input(product.id, 2, 'RESTOCK'));
      expect(res.data.adjustStock.errors).toEqual([]);
    }
  });

  it('sells no unit twice: 20 concurrent removals of 1 from 10 units, exactly 10 succeed', async () => {
    await adjust(input(concurrent.id, 10, 'RESTOCK'));
    const results = await Promise.all(Array.from({ length: 20 }, () => adjust(input(concurrent.id, -1))));
    const codes = results.map((r) => r.data.adjustStock.errors[0]?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
    expect(codes.filter((c) => c === 'INSUFFICIENT_STOCK')).toHaveLength(10);
    expect(await snapshot(h.db, concurrent.id, bogota.id)).toEqual({ level: { onHand: 0, reserved: 0 }, ledgerRows: 11 });
    const removals = (await ledgerOf(concurrent.id)).filter((m) => m.delta === -1);
    expect(removals).toHaveLength(10);
  });
});

describe('adjustStock when products does not answer', () => {
  let silent: Server;
  let silentUrl: string;
  beforeAll(async () => {
    // Accepts connections and never answers, so only the timeout can end the call.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => (silent.closeAllConnections(), silent.close(() => resolve()))));

  it.each([
    ['refuses connections', () => 'http://127.0.0.1:1/graphql'],
    ['hangs past the timeout', () => silentUrl],
  ])('gives SERVICE_UNAVAILABLE and writes nothing when products %s', async (_name, url) => {
    const inventory = await h.startInventory({ PRODUCTS_URL: url(), PRODUCTS_TIMEOUT_MS: 300 });
    const productId = demo.products[0]!.id;
    const before = await snapshot(h.db, productId, bogota.id);
    const res = await adjust(input(productId, 1, 'RESTOCK'), sellerToken, inventory.url);
    expect(res.data.adjustStock).toMatchObject({ product: null, errors: [{ code: 'SERVICE_UNAVAILABLE' }] });
    expect(await snapshot(h.db, productId, bogota.id)).toEqual(before);
  });
});

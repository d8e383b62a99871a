import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServiceCredentials } from '@shop/auth';
import { stockLow, stockSoldOut } from '@shop/inventory/contract';
import { SubgraphUnavailableError } from '@shop/server';
import { reorderRequests, reorderStatusHistory } from '../src/db/schema.js';
import { RemoteDemandForecasts } from '../src/domain/directories.js';
import { COVER_DAYS, suggestedQuantity } from '../src/domain/suggestions.js';
import { ADVANCE, SET_PRODUCT_SUPPLIER, sellerWithProduct, startHarness, supplierOf, type Harness } from './support/harness.js';

let h: Harness;
let seller: Awaited<ReturnType<typeof sellerWithProduct>>;
let supplierId: string;
const LEAD_TIME = 9;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'purchasing_suggestions');
  seller = await sellerWithProduct(h);
  supplierId = await supplierOf(h, seller.token, LEAD_TIME);
});
afterAll(async () => h?.stop());

/** A new product of the seller, restocked from the supplier. */
async function suppliedProduct(): Promise<string> {
  const productId = randomUUID();
  h.neighbours.products.set(productId, seller.sellerId);
  const res = await h.gql(SET_PRODUCT_SUPPLIER, { p: productId, s: supplierId }, seller.token);
  expect(res.data.setProductSupplier.errors).toEqual([]);
  return productId;
}
const low = (productId: string, available: number, threshold: number, restockWarehouseId: string | null = seller.warehouseId) =>
  stockLow.create({ productId, sellerId: seller.sellerId, available, threshold, restockWarehouseId });
const suggestionsOf = (productId: string) => h.db.select().from(reorderRequests).where(and(eq(reorderRequests.productId, productId), eq(reorderRequests.suggested, true)));
const suggestedEvents = async (productId: string) => (await h.recorded('reorder.suggested')).filter((e) => e.payload.productId === productId);

describe('the suggested quantity', () => {
  it('is the forecast over lead time and cover less what is available, at least the threshold; without a forecast max(2 x threshold, 10)', () => {
    expect(suggestedQuantity({ available: 3, threshold: 5 }, 40.2)).toBe(38);
    expect(suggestedQuantity({ available: 3, threshold: 5 }, 6)).toBe(5);
    expect(suggestedQuantity({ available: 0, threshold: 0 }, 0)).toBe(1);
    expect(suggestedQuantity({ available: 3, threshold: 5 }, null)).toBe(10);
    expect(suggestedQuantity({ available: 3, threshold: 8 }, null)).toBe(16);
    expect(suggestedQuantity({ available: 0, threshold: 0 }, null)).toBe(10);
  });
});

describe('on stock.low', () => {
  it('with a forecast: a DRAFT suggested request for restockWarehouseId, quantity from the demand over lead time + 14 days, and reorder.suggested', async () => {
    const productId = await suppliedProduct();
    h.neighbours.forecasts.set(productId, 57.5);
    await h.deliver(low(productId, 4, 5));
    expect(h.neighbours.demandAsked).toContainEqual([productId, LEAD_TIME + COVER_DAYS]);
    const [written, ...more] = await suggestionsOf(productId);
    expect(more).toEqual([]);
    expect(written).toMatchObject({ status: 'DRAFT', suggested: true, quantity: 54, supplierId, sellerId: seller.sellerId, warehouseId: seller.warehouseId });
    expect(await h.db.select({ from: reorderStatusHistory.fromStatus, to: reorderStatusHistory.toStatus, by: reorderStatusHistory.actorId }).from(reorderStatusHistory).where(eq(reorderStatusHistory.reorderId, written!.id))).toEqual([{ from: null, to: 'DRAFT', by: null }]);
    expect(await suggestedEvents(productId)).toEqual([{ aggregateId: written!.id, payload: { reorderId: written!.id, productId, sellerId: seller.sellerId, supplierId, quantity: 54 } }]);
  });

  it('without a forecast (analytics answers 404): max(2 x threshold, 10)', async () => {
    const productId = await suppliedProduct();
    await h.deliver(low(productId, 2, 7));
    expect((await suggestionsOf(productId)).map((r) => r.quantity)).toEqual([14]);
  });

  it('analytics slower than its timeout: the fallback quantity, not a stuck consumer', async () => {
    const productId = await suppliedProduct();
    h.neighbours.forecasts.set(productId, 500);
    h.neighbours.demandDelayMs = 1_000;
    try {
      await h.deliver(low(productId, 1, 3));
    } finally {
      h.neighbours.demandDelayMs = 0;
    }
    expect((await suggestionsOf(productId)).map((r) => r.quantity)).toEqual([10]);
  });

  it('analytics down: the client reports it unavailable (which the consumer answers with the fallback, as for a timeout)', async () => {
    const client = new RemoteDemandForecasts({ url: 'http://127.0.0.1:9/', timeoutMs: 200, credentials: createServiceCredentials('purchasing', 'a-test-secret-of-at-least-32-characters') });
    await expect(client.demand(randomUUID(), 10)).rejects.toThrow(SubgraphUnavailableError);
  });

  it('nothing for a product without a supplier, without a warehouse to restock, or with a DRAFT or SENT request already', async () => {
    const unsupplied = randomUUID();
    await h.deliver(low(unsupplied, 2, 5));
    expect(await suggestionsOf(unsupplied)).toEqual([]);
    const nowhere = await suppliedProduct();
    await h.deliver(low(nowhere, 2, 5, null));
    expect(await suggestionsOf(nowhere)).toEqual([]);

    const productId = await suppliedProduct();
    await h.deliver(low(productId, 2, 5));
    const [first] = await suggestionsOf(productId);
    await h.gql(ADVANCE, { id: first!.id, s: 'SENT' }, seller.token);
    await h.deliver(stockSoldOut.create({ productId, sellerId: seller.sellerId, restockWarehouseId: seller.warehouseId }));
    expect((await suggestionsOf(productId)).map((r) => r.id)).toEqual([first!.id]);
    // Once it is received, the next low stock suggests again.
    await h.gql(ADVANCE, { id: first!.id, s: 'RECEIVED' }, seller.token);
    await h.deliver(stockSoldOut.create({ productId, sellerId: seller.sellerId, restockWarehouseId: seller.warehouseId }));
    expect(await suggestionsOf(productId)).toHaveLength(2);
  });

  it('exactly once per event, and one open suggestion when stock.low and stock.sold_out of a product arrive together', async () => {
    const productId = await suppliedProduct();
    const event = low(productId, 1, 5);
    await Promise.all([h.bus.publish(event), h.bus.publish(event), h.bus.publish(stockSoldOut.create({ productId, sellerId: seller.sellerId, restockWarehouseId: seller.warehouseId }))]);
    await h.settle();
    expect(await suggestionsOf(productId)).toHaveLength(1);
    expect(await suggestedEvents(productId)).toHaveLength(1);
  });

  it('the database refuses a second open suggestion for a product whatever the code does', async () => {
    const productId = await suppliedProduct();
    await h.deliver(low(productId, 1, 5));
    const [row] = await suggestionsOf(productId);
    const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = row!;
    await expect(h.db.insert(reorderRequests).values(copy)).rejects.toThrow();
  });
});

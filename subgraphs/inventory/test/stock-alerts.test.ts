import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import type { RunningServer } from '@shop/server';
import { stockLow, stockSoldOut } from '../src/contract.js';
import { outbox, pendingStockAlerts, stockLevels, stockSettings } from '../src/db/schema.js';
import { sweepOrphanReservations } from '../src/domain/expire.js';
import { recordStockChange } from '../src/domain/movements.js';
import { RemoteProductDirectory } from '../src/domain/product-directory.js';
import { commit, release, returnStock } from '../src/domain/reservation-lifecycle.js';
import { reserve } from '../src/domain/reserve.js';
import { publishPendingAlerts } from '../src/domain/sellers.js';
import { crossingsOf } from '../src/domain/stock-alerts.js';
import { lockStock } from '../src/domain/stock-locks.js';
import { bogota, medellin, newProduct, startHarness, type Harness } from './support/harness.js';
import { inMinutes, ordersCredentials, reserveOver } from './support/reservations.js';

const [wayuu] = demo.sellers;
// Products the fake products subgraph knows (sold by wayuu); only this file touches them.
const viaAdjust = newProduct(wayuu.id);
const toUnlearn = newProduct(wayuu.id);

let h: Harness;
let replica: RunningServer;
let sellerToken: string;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'inventory_alerts', [viaAdjust, toUnlearn]);
  replica = await h.startInventory({});
  sellerToken = await h.tokenFor(wayuu.id, ['SELLER', 'CUSTOMER']);
});
afterAll(async () => h?.stop());

/** The stock.low / stock.sold_out events of a product in the outbox (written in the changing transaction), oldest first. */
async function alertsOf(productId: string) {
  const rows = await h.db
    .select()
    .from(outbox)
    .where(and(inArray(outbox.type, ['stock.low', 'stock.sold_out']), eq(outbox.aggregateId, productId)))
    .orderBy(outbox.seq);
  return rows.map((row) => ({ type: row.type, payload: row.payload }));
}

/** A product only this test knows, stocked directly, whose seller inventory has already learned. */
async function stockedProduct(levels: Record<string, number>, options: { threshold?: number; sellerId?: string | null } = {}): Promise<string> {
  const productId = randomUUID();
  await h.db.insert(stockLevels).values(Object.entries(levels).map(([warehouseId, onHand]) => ({ productId, warehouseId, onHand, reserved: 0 })));
  const sellerId = options.sellerId === undefined ? wayuu.id : options.sellerId;
  await h.db.insert(stockSettings).values({ productId, sellerId, lowStockThreshold: options.threshold ?? 5 });
  return productId;
}

const hold = (productId: string, quantity: number, reservationId: string = randomUUID()) =>
  h.db.transaction((tx) => reserve(tx, { reservationId, lines: [{ productId, quantity }], expiresAt: inMinutes(15) })).then((r) => {
    expect(r).toMatchObject({ ok: true, value: { status: 'RESERVED' } });
    return reservationId;
  });
// restockWarehouseId has tests of its own (below).
const low = (productId: string, available: number, threshold = 5, sellerId = wayuu.id) => ({
  type: 'stock.low',
  payload: { productId, sellerId, available, threshold, restockWarehouseId: expect.any(String) },
});
const soldOut = (productId: string, sellerId = wayuu.id) => ({ type: 'stock.sold_out', payload: { productId, sellerId, restockWarehouseId: expect.any(String) } });

describe('crossingsOf', () => {
  it('is LOW from above the threshold to at or below it while above 0, SOLD_OUT from above 0 to 0, nothing otherwise', () => {
    expect(crossingsOf(6, 5, 5)).toEqual(['LOW']);
    expect(crossingsOf(9, 1, 5)).toEqual(['LOW']);
    expect(crossingsOf(5, 4, 5)).toEqual([]);
    expect(crossingsOf(9, 0, 5)).toEqual(['SOLD_OUT']);
    expect(crossingsOf(1, 0, 5)).toEqual(['SOLD_OUT']);
    expect(crossingsOf(0, 0, 5)).toEqual([]);
    expect(crossingsOf(4, 9, 5)).toEqual([]);
    expect(crossingsOf(1, 0, 0)).toEqual(['SOLD_OUT']);
  });
});

describe('stock.low and stock.sold_out', () => {
  it('publishes stock.low once when reservations cross the threshold, stock.sold_out once at 0, and nothing for changes that cross nothing', async () => {
    const productId = await stockedProduct({ [bogota.id]: 6, [medellin.id]: 4 });
    await hold(productId, 4); // 10 -> 6
    expect(await alertsOf(productId)).toEqual([]);
    await hold(productId, 1); // 6 -> 5: at the threshold
    expect(await alertsOf(productId)).toEqual([low(productId, 5)]);
    await hold(productId, 2); // 5 -> 3: still low, no second stock.low
    expect(await alertsOf(productId)).toEqual([low(productId, 5)]);
    await hold(productId, 3); // 3 -> 0
    expect(await alertsOf(productId)).toEqual([low(productId, 5), soldOut(productId)]);
    const alerts = await alertsOf(productId);
    expect(stockLow.parse({ payload: alerts[0]!.payload } as never)).toMatchObject({ ok: true });
    expect(stockSoldOut.parse({ payload: alerts[1]!.payload } as never)).toMatchObject({ ok: true });
  });

  it('publishes nothing when one change falls from above the threshold straight to 0 but stock.sold_out', async () => {
    const productId = await stockedProduct({ [bogota.id]: 8 });
    await hold(productId, 8);
    expect(await alertsOf(productId)).toEqual([soldOut(productId)]);
  });

  it('publishes again after a restock lifts available over the threshold and sales take it down again', async () => {
    const productId = await stockedProduct({ [bogota.id]: 7 });
    await hold(productId, 7); // sold out, from above the threshold
    await h.db.transaction((tx) => recordStockChange(tx, { productId, warehouseId: bogota.id, delta: 10, reason: 'RESTOCK', actorId: null })); // 0 -> 10
    await hold(productId, 6); // 10 -> 4
    await hold(productId, 4); // 4 -> 0
    expect(await alertsOf(productId)).toEqual([soldOut(productId), low(productId, 4), soldOut(productId)]);
  });

  it('releases, returns, commits, restocks and the expiry sweep never publish an alert; a paid released reservation held again does', async () => {
    const productId = await stockedProduct({ [bogota.id]: 9 });
    const paid = await hold(productId, 2); // 9 -> 7
    const expiring = randomUUID();
    await h.db.transaction((tx) => reserve(tx, { reservationId: expiring, lines: [{ productId, quantity: 1 }], expiresAt: new Date(Date.now() - 3_600_000) })); // 7 -> 6
    expect(await alertsOf(productId)).toEqual([]);
    await h.db.transaction((tx) => commit(tx, paid)); // available stays 6
    await h.db.transaction((tx) => returnStock(tx, paid)); // 6 -> 8
    expect(await sweepOrphanReservations(h.db, new Date(), { graceMs: 0 })).toContain(expiring); // 8 -> 9
    const late = await hold(productId, 4); // 9 -> 5: LOW
    await h.db.transaction((tx) => release(tx, late)); // 5 -> 9
    expect(await alertsOf(productId)).toEqual([low(productId, 5)]);
    // The order was paid after its reservation was released: holding it again crosses the threshold again.
    expect(await h.db.transaction((tx) => commit(tx, late))).toMatchObject({ status: 'COMMITTED', changed: true });
    expect(await alertsOf(productId)).toEqual([low(productId, 5), low(productId, 5)]);
  });

  it('publishes for a manual removal that crosses, in the same transaction: rolled back, no alert', async () => {
    const productId = await stockedProduct({ [bogota.id]: 6 });
    const remove = (delta: number) => ({ productId, warehouseId: bogota.id, delta, reason: 'ADJUSTMENT' as const, actorId: wayuu.id });
    await expect(
      h.db.transaction(async (tx) => {
        await recordStockChange(tx, remove(-2));
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect(await alertsOf(productId)).toEqual([]);
    await h.db.transaction((tx) => recordStockChange(tx, remove(-2))); // 6 -> 4
    await h.db.transaction((tx) => recordStockChange(tx, remove(-4))); // 4 -> 0
    expect(await alertsOf(productId)).toEqual([low(productId, 4), soldOut(productId)]);
  });

  it('publishes one stock.sold_out and one stock.low when 40 reservations race for 10 units across two replicas', async () => {
    const productId = await stockedProduct({ [bogota.id]: 6, [medellin.id]: 4 });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => reserveOver(i % 2 ? replica : h.inventory, { reservationId: randomUUID(), lines: [{ productId, quantity: 1 }], expiresAt: inMinutes(15) })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(30);
    expect(await alertsOf(productId)).toEqual([low(productId, 5), soldOut(productId)]);
  });

  it('publishes one stock.sold_out when two parallel reservations each want the last units', async () => {
    for (let round = 0; round < 10; round += 1) {
      const productId = await stockedProduct({ [bogota.id]: 2 });
      const answers = await Promise.all([h.inventory, replica].map((server) => reserveOver(server, { reservationId: randomUUID(), lines: [{ productId, quantity: 1 }], expiresAt: inMinutes(15) })));
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(await alertsOf(productId)).toEqual([soldOut(productId)]);
    }
  });

  it('counts what a transaction committed while a reservation waited for the stock locks: a new warehouse row, a raised threshold', async () => {
    /** Runs `change` in a transaction that holds the product's stock locks until a reservation of 1 unit is waiting on them. */
    async function whileReservationWaits(productId: string, change: (tx: Parameters<Parameters<typeof h.db.transaction>[0]>[0]) => Promise<unknown>) {
      let reservation: Promise<unknown> | undefined;
      await h.db.transaction(async (tx) => {
        await lockStock(tx, [productId]);
        await change(tx);
        reservation = reserveOver(h.inventory, { reservationId: randomUUID(), lines: [{ productId, quantity: 1 }], expiresAt: inMinutes(15) });
        for (let waited = 0; waited < 100; waited += 1) {
          const [row] = await h.db.select({ n: sql<number>`count(*)::int` }).from(sql`pg_stat_activity`).where(sql`datname = current_database() and wait_event_type = 'Lock'`);
          if (Number(row?.n) > 0) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error('the reservation never waited for the locks');
      });
      expect(await reservation).toMatchObject({ status: 200 });
    }
    // 6 in Bogotá; 10 more arrive in Medellín (a row the waiting reservation's lock cannot see): 16 -> 15, not low.
    const restocked = await stockedProduct({ [bogota.id]: 6 });
    await whileReservationWaits(restocked, (tx) => recordStockChange(tx, { productId: restocked, warehouseId: medellin.id, delta: 10, reason: 'RESTOCK', actorId: null }));
    expect(await alertsOf(restocked)).toEqual([]);
    // 8 available, threshold raised from 5 to 7 (8 is above both: no alert of its own); the reservation takes 8 -> 7.
    const raised = await stockedProduct({ [bogota.id]: 8 });
    await whileReservationWaits(raised, (tx) => tx.update(stockSettings).set({ lowStockThreshold: 7 }).where(eq(stockSettings.productId, raised)));
    expect(await alertsOf(raised)).toEqual([low(raised, 7, 7)]);
  });

  it('learns the seller from adjustStock, so the alerts of a product stocked that way name it at once', async () => {
    const ADJUST = 'mutation($i: AdjustStockInput!) { adjustStock(input: $i) { errors { code } } }';
    const adjust = (delta: number, reason: string) => graphqlRequest(h.inventory.url, ADJUST, { i: { productId: viaAdjust.id, warehouseId: bogota.id, delta, reason } }, sellerToken);
    expect((await adjust(8, 'RESTOCK')).data.adjustStock.errors).toEqual([]);
    expect((await adjust(-3, 'ADJUSTMENT')).data.adjustStock.errors).toEqual([]); // 8 -> 5
    expect(await alertsOf(viaAdjust.id)).toEqual([low(viaAdjust.id, 5)]);
    expect(await h.db.select().from(pendingStockAlerts).where(eq(pendingStockAlerts.productId, viaAdjust.id))).toEqual([]);
  });

  it('keeps the alert of a product whose seller it does not know yet, and publishes it once it has asked the products subgraph', async () => {
    const productId = await stockedProduct({ [bogota.id]: 6 }, { sellerId: null });
    await h.db.update(stockSettings).set({ productId: toUnlearn.id }).where(eq(stockSettings.productId, productId));
    await h.db.update(stockLevels).set({ productId: toUnlearn.id }).where(eq(stockLevels.productId, productId));
    const unknownToProducts = await stockedProduct({ [bogota.id]: 1 }, { sellerId: null });
    await hold(toUnlearn.id, 1); // 6 -> 5
    await hold(unknownToProducts, 1); // 1 -> 0
    expect(await alertsOf(toUnlearn.id)).toEqual([]);
    expect(await h.db.select().from(pendingStockAlerts).where(inArray(pendingStockAlerts.productId, [toUnlearn.id, unknownToProducts]))).toHaveLength(2);

    const directory = new RemoteProductDirectory({ url: h.products.url, credentials: ordersCredentials });
    const published = await Promise.all([publishPendingAlerts(h.db, directory), publishPendingAlerts(h.db, directory)]);
    expect(published.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await alertsOf(toUnlearn.id)).toEqual([low(toUnlearn.id, 5)]);
    // A product the products subgraph does not know has nobody to tell.
    expect(await alertsOf(unknownToProducts)).toEqual([]);
    expect(await h.db.select().from(pendingStockAlerts).where(inArray(pendingStockAlerts.productId, [toUnlearn.id, unknownToProducts]))).toEqual([]);
    // Learned: the next crossing names the seller at once.
    const [settings] = await h.db.select().from(stockSettings).where(eq(stockSettings.productId, toUnlearn.id));
    expect(settings?.sellerId).toBe(wayuu.id);
    await hold(toUnlearn.id, 5);
    expect(await alertsOf(toUnlearn.id)).toEqual([low(toUnlearn.id, 5), soldOut(toUnlearn.id)]);
  });
});

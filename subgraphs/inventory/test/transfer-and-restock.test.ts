import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { reorderReceived } from '@shop/purchasing/contract';
import { handleEvent } from '../src/consumers.js';
import { outbox, stockLevels, stockMovements, stockSettings } from '../src/db/schema.js';
import { recordStockChange } from '../src/domain/movements.js';
import { release } from '../src/domain/reservation-lifecycle.js';
import { reserve } from '../src/domain/reserve.js';
import { demoStores } from '../src/domain/seed.js';
import { crossingsOf, restockWarehouseIds } from '../src/domain/stock-alerts.js';
import { transfer } from '../src/domain/transfer.js';
import { bogota, medellin, newProduct, startHarness, type Harness } from './support/harness.js';
import { inMinutes } from './support/reservations.js';

const [wayuu, raquira] = demo.sellers;
const wayuuStore = demoStores[0]!.warehouse;
const moved = newProduct(wayuu.id);

let h: Harness;
let seller: string;
let otherSeller: string;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'inventory_transfer', [moved]);
  [seller, otherSeller] = await Promise.all([h.tokenFor(wayuu.id, ['SELLER', 'CUSTOMER']), h.tokenFor(raquira.id, ['SELLER', 'CUSTOMER'])]);
});
afterAll(async () => h?.stop());

/** A product only this test knows, stocked directly (warehouseId -> [onHand, reserved]), whose seller inventory knows. */
async function stocked(levels: Record<string, [number, number] | number>, threshold = 5): Promise<string> {
  const productId = randomUUID();
  const rows = Object.entries(levels).map(([warehouseId, v]) => ({ productId, warehouseId, onHand: Array.isArray(v) ? v[0] : v, reserved: Array.isArray(v) ? v[1] : 0 }));
  if (rows.length) await h.db.insert(stockLevels).values(rows);
  await h.db.insert(stockSettings).values({ productId, sellerId: wayuu.id, lowStockThreshold: threshold });
  return productId;
}
const levelsOf = async (productId: string): Promise<Record<string, [number, number]>> =>
  Object.fromEntries((await h.db.select().from(stockLevels).where(eq(stockLevels.productId, productId))).map((l) => [l.warehouseId, [l.onHand, l.reserved]]));
const ledgerOf = async (productId: string) =>
  (await h.db.select().from(stockMovements).where(eq(stockMovements.productId, productId)).orderBy(stockMovements.createdAt, stockMovements.delta)).map((m) => [
    m.warehouseId,
    m.delta,
    m.reason,
    m.note,
  ]);
const eventsOf = async (types: string[], productId: string) =>
  (await h.db.select().from(outbox).where(and(inArray(outbox.type, types), eq(outbox.aggregateId, productId))).orderBy(outbox.seq)).map((r) => ({ type: r.type, payload: r.payload as any }));
const move = (productId: string, from: string, to: string, quantity: number) =>
  h.db.transaction((tx) => transfer(tx, { productId, fromWarehouseId: from, toWarehouseId: to, quantity, actorId: wayuu.id }));

describe('transferStock', () => {
  it('moves units in one transaction: TRANSFER out of one warehouse and into the other, notes naming the other, one stock.changed', async () => {
    await h.db.insert(stockLevels).values({ productId: moved.id, warehouseId: bogota.id, onHand: 10, reserved: 0 });
    const TRANSFER = `mutation($input: TransferStockInput!) { transferStock(input: $input) { product { id stock { onHand warehouses { warehouse { id } onHand } } } errors { code field } } }`;
    const res = await graphqlRequest(h.inventory.url, TRANSFER, { input: { productId: moved.id, fromWarehouseId: bogota.id, toWarehouseId: wayuuStore.id, quantity: 4 } }, seller);
    expect(res.data.transferStock.errors).toEqual([]);
    expect(res.data.transferStock.product.stock.onHand).toBe(10);
    expect(await levelsOf(moved.id)).toEqual({ [bogota.id]: [6, 0], [wayuuStore.id]: [4, 0] });
    expect(await ledgerOf(moved.id)).toEqual([
      [bogota.id, -4, 'TRANSFER', `to ${wayuuStore.name}`],
      [wayuuStore.id, 4, 'TRANSFER', `from ${bogota.name}`],
    ]);
    const changed = await eventsOf(['stock.changed'], moved.id);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.payload).toMatchObject({ onHand: 10, available: 10, warehouses: expect.arrayContaining([expect.objectContaining({ warehouseId: wayuuStore.id, onHand: 4 })]) });

    const refused = await Promise.all([
      graphqlRequest(h.inventory.url, TRANSFER, { input: { productId: moved.id, fromWarehouseId: bogota.id, toWarehouseId: medellin.id, quantity: 1 } }, otherSeller),
      graphqlRequest(h.inventory.url, TRANSFER, { input: { productId: moved.id, fromWarehouseId: bogota.id, toWarehouseId: bogota.id, quantity: 1 } }, seller),
      graphqlRequest(h.inventory.url, TRANSFER, { input: { productId: moved.id, fromWarehouseId: bogota.id, toWarehouseId: randomUUID(), quantity: 1 } }, seller),
      graphqlRequest(h.inventory.url, TRANSFER, { input: { productId: moved.id, fromWarehouseId: bogota.id, toWarehouseId: medellin.id, quantity: 0 } }, seller),
      graphqlRequest(h.inventory.url, TRANSFER, { input: { productId: moved.id, fromWarehouseId: bogota.id, toWarehouseId: medellin.id, quantity: 7 } }, seller),
    ]);
    expect(refused.map((r) => r.data.transferStock.errors.map((e: { code: string; field?: string[] }) => `${e.code} ${(e.field ?? []).join('.')}`))).toEqual([
      ['FORBIDDEN '],
      ['INVALID_INPUT input.toWarehouseId'],
      ['NOT_FOUND input.toWarehouseId'],
      ['INVALID_INPUT input.quantity'],
      ['INSUFFICIENT_STOCK input.quantity'],
    ]);
    expect(await levelsOf(moved.id)).toEqual({ [bogota.id]: [6, 0], [wayuuStore.id]: [4, 0] });
  });

  it('never takes units unpaid orders hold: the source must have onHand - reserved to spare', async () => {
    const productId = await stocked({ [bogota.id]: [8, 5] });
    expect(await move(productId, bogota.id, medellin.id, 4)).toMatchObject({ ok: false, errors: [{ code: 'INSUFFICIENT_STOCK' }] });
    expect(await move(productId, bogota.id, medellin.id, 3)).toMatchObject({ ok: true });
    expect(await levelsOf(productId)).toEqual({ [bogota.id]: [5, 5], [medellin.id]: [3, 0] });
    expect(await move(productId, bogota.id, medellin.id, 1)).toMatchObject({ ok: false, errors: [{ code: 'INSUFFICIENT_STOCK' }] });
  });

  it('never leaves a warehouse below its reserved units when 20 transfers and 20 reservations race for its units', async () => {
    const productId = await stocked({ [bogota.id]: 20, [medellin.id]: 0 }, 0);
    const transfers = Array.from({ length: 20 }, () => move(productId, bogota.id, medellin.id, 1));
    const holds = Array.from({ length: 20 }, () =>
      h.db.transaction((tx) => reserve(tx, { reservationId: randomUUID(), lines: [{ productId, quantity: 1 }], expiresAt: inMinutes(15) })),
    );
    const [moved, held] = await Promise.all([Promise.all(transfers), Promise.all(holds)]);
    const transferred = moved.filter((r) => r.ok).length;
    const reserved = held.filter((r) => r.ok && r.value.status === 'RESERVED').length;
    const levels = await levelsOf(productId);
    const [bogotaOnHand, bogotaReserved] = levels[bogota.id] as [number, number];
    const [medellinOnHand, medellinReserved] = levels[medellin.id] as [number, number];
    expect(bogotaOnHand).toBe(20 - transferred);
    expect(bogotaReserved).toBeLessThanOrEqual(bogotaOnHand);
    expect(bogotaReserved + medellinReserved).toBe(reserved);
    // Every unit is accounted for: 20 on hand in all, each transfer moved one, each reservation holds one.
    expect(bogotaOnHand + medellinOnHand).toBe(20);
    expect(medellinOnHand).toBe(transferred);
    expect(reserved).toBe(20);
  });
});

describe('stock.back_in_stock', () => {
  it('is BACK_IN_STOCK from 0 to above 0 only', () => {
    expect(crossingsOf(0, 1, 5)).toEqual(['BACK_IN_STOCK']);
    expect(crossingsOf(0, 9, 5)).toEqual(['BACK_IN_STOCK']);
    expect(crossingsOf(1, 9, 5)).toEqual([]);
    expect(crossingsOf(0, 0, 5)).toEqual([]);
  });

  it('publishes once per rise out of 0: a restock, then a release of held units, each after a sell-out; never for a rise from above 0', async () => {
    const productId = await stocked({ [bogota.id]: 2 });
    const restock = (delta: number) => h.db.transaction((tx) => recordStockChange(tx, { productId, warehouseId: bogota.id, delta, reason: delta > 0 ? 'RESTOCK' : 'ADJUSTMENT', actorId: null }));
    await restock(-2); // 2 -> 0: sold out
    await restock(3); // 0 -> 3: back in stock
    await restock(1); // 3 -> 4: nothing
    const reservationId = randomUUID();
    await h.db.transaction((tx) => reserve(tx, { reservationId, lines: [{ productId, quantity: 4 }], expiresAt: inMinutes(15) })); // 4 -> 0
    await h.db.transaction((tx) => release(tx, reservationId)); // 0 -> 4
    await h.db.transaction((tx) => release(tx, reservationId)); // replay: nothing
    const events = await eventsOf(['stock.sold_out', 'stock.back_in_stock'], productId);
    expect(events).toEqual([
      { type: 'stock.sold_out', payload: { productId, sellerId: wayuu.id, restockWarehouseId: bogota.id } },
      { type: 'stock.back_in_stock', payload: { productId, sellerId: wayuu.id, available: 3 } },
      { type: 'stock.sold_out', payload: { productId, sellerId: wayuu.id, restockWarehouseId: bogota.id } },
      { type: 'stock.back_in_stock', payload: { productId, sellerId: wayuu.id, available: 4 } },
    ]);
  });

  it('publishes one stock.back_in_stock when 10 restocks of a sold-out product run at once', async () => {
    const productId = await stocked({ [bogota.id]: 0 });
    await Promise.all(Array.from({ length: 10 }, () => h.db.transaction((tx) => recordStockChange(tx, { productId, warehouseId: bogota.id, delta: 1, reason: 'RESTOCK', actorId: null }))));
    expect(await eventsOf(['stock.back_in_stock'], productId)).toEqual([{ type: 'stock.back_in_stock', payload: expect.objectContaining({ productId }) }]);
  });
});

describe('restockWarehouseId', () => {
  it('names the WAREHOUSE holding the most units, a store only when no warehouse holds the product', async () => {
    const both = await stocked({ [bogota.id]: 2, [medellin.id]: 7, [wayuuStore.id]: 50 });
    const storeOnly = await stocked({ [wayuuStore.id]: 1 });
    const none = randomUUID();
    const found = await restockWarehouseIds(h.db, [both, storeOnly, none]);
    expect(Object.fromEntries(found)).toEqual({ [both]: medellin.id, [storeOnly]: wayuuStore.id });
  });
});

describe('reorder.received', () => {
  it('restocks the reorder once into its warehouse, however many times the event (or another one for the same reorder) arrives', async () => {
    const productId = await stocked({ [medellin.id]: 0 });
    const reorderId = randomUUID();
    const payload = { reorderId, productId, warehouseId: medellin.id, quantity: 12, sellerId: wayuu.id };
    const event = reorderReceived.create(payload);
    expect(await handleEvent(h.db, event)).toBe(true);
    expect(await handleEvent(h.db, event)).toBe(false);
    // Another event id for the same reorder (re-published): the inbox does not know it, the unique reference does.
    await handleEvent(h.db, reorderReceived.create(payload));
    await Promise.all(Array.from({ length: 3 }, () => handleEvent(h.db, reorderReceived.create(payload)).catch(() => false)));
    expect(await levelsOf(productId)).toEqual({ [medellin.id]: [12, 0] });
    expect(await ledgerOf(productId)).toEqual([[medellin.id, 12, 'RESTOCK', `reorder ${reorderId}`]]);
    // Back from 0: the favourites' notification is told.
    expect(await eventsOf(['stock.back_in_stock'], productId)).toHaveLength(1);
  });

  it('restocks a warehouse the product had no row in yet', async () => {
    const productId = await stocked({});
    await handleEvent(h.db, reorderReceived.create({ reorderId: randomUUID(), productId, warehouseId: wayuuStore.id, quantity: 3, sellerId: wayuu.id }));
    expect(await levelsOf(productId)).toEqual({ [wayuuStore.id]: [3, 0] });
  });
});

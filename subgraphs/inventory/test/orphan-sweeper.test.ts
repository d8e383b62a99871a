import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '@shop/db';
import { reservations, schema, type InventorySchema } from '../src/db/schema.js';
import { sweepOrphanReservations } from '../src/domain/expire.js';
import { reserve } from '../src/domain/reserve.js';
import { bogota, medellin, migrationsFolder, startHarness, type Harness } from './support/harness.js';
import { inMinutes, levelOf, reservationOf, stockEventsOf, stockProduct, totalsOf, warehouseFigures } from './support/reservations.js';

let h: Harness;
let second: { db: Database<InventorySchema>; close(): Promise<void> };
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'inventory_sweeper');
  // A second pool plays the other replica's sweeper.
  second = await openDatabase({ url: h.databaseUrl, schema, migrationsFolder, maxConnections: 2 });
});
afterAll(async () => {
  await second?.close();
  await h?.stop();
});

async function hold(productId: string, quantity: number, expiresAt: Date) {
  const reservationId = randomUUID();
  const result = await h.db.transaction((tx) => reserve(tx, { reservationId, lines: [{ productId, quantity }], expiresAt }));
  expect(result.ok && result.value.status).toBe('RESERVED');
  return reservationId;
}

describe('sweepOrphanReservations', () => {
  it('releases each orphaned reservation exactly once when two replicas sweep at the same time', async () => {
    const now = inMinutes(60 * 24 * 365); // far ahead, so older reservations of this database never interfere with the counts
    const a = await stockProduct(h.db, { [bogota.id]: 100, [medellin.id]: 100 });
    const b = await stockProduct(h.db, { [bogota.id]: 100 });
    const orphans: string[] = [];
    for (let i = 0; i < 40; i++) orphans.push(await hold(i % 3 ? a : b, 1 + (i % 4), new Date(now.getTime() - 6 * 60_000 - i * 1000)));
    // Past expiry but within the grace period: the orders subgraph's own expiry is still due to act.
    const graced = await hold(a, 2, new Date(now.getTime() - 60_000));
    const live = await hold(b, 3, new Date(now.getTime() + 60_000));

    const [first, other] = await Promise.all([
      sweepOrphanReservations(h.db, now, { batchSize: 7 }),
      sweepOrphanReservations(second.db, now, { batchSize: 7 }),
    ]);
    expect([...first, ...other].sort()).toEqual([...orphans].sort());
    expect(first.filter((id) => other.includes(id))).toEqual([]);
    const statuses = await h.db.select({ id: reservations.id, status: reservations.status }).from(reservations).where(inArray(reservations.id, [...orphans, graced, live]));
    expect(statuses.filter((r) => r.status === 'RELEASED').map((r) => r.id).sort()).toEqual([...orphans].sort());
    expect((await reservationOf(h.db, graced))?.status).toBe('RESERVED');
    expect((await reservationOf(h.db, live))?.status).toBe('RESERVED');
    expect(await totalsOf(h.db, a)).toMatchObject({ onHand: 200, reserved: 2 });
    expect(await totalsOf(h.db, b)).toMatchObject({ onHand: 100, reserved: 3 });
    // The last event is the stock as the sweep left it, warehouse by warehouse.
    const levels = async (warehouseId: string) => Object.values((await levelOf(h.db, a, warehouseId))!) as [number, number];
    expect((await stockEventsOf(h.db, a)).at(-1)).toEqual({ productId: a, onHand: 200, reserved: 2, available: 198, warehouses: warehouseFigures({ [bogota.id]: await levels(bogota.id), [medellin.id]: await levels(medellin.id) }) });
    expect(await sweepOrphanReservations(h.db, now)).toEqual([]);
  });

  it('runs on an interval inside the server and releases what has been orphaned', async () => {
    const productId = await stockProduct(h.db, { [bogota.id]: 5 });
    const reservationId = await hold(productId, 4, new Date(Date.now() - 1000));
    await h.startInventory({ ORPHAN_SWEEP_INTERVAL_MS: 100, ORPHAN_GRACE_MS: 0 });
    await expect.poll(async () => (await reservationOf(h.db, reservationId))?.status, { timeout: 5000 }).toBe('RELEASED');
    expect(await totalsOf(h.db, productId)).toMatchObject({ onHand: 5, reserved: 0 });
  });
});

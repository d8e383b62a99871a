import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reservations } from '../src/db/schema.js';
import { bogota, medellin, withTwoReplicas } from './support/harness.js';
import { inMinutes, linesOf, reserveOver, stockProduct, totalsOf, type HttpAnswer } from './support/reservations.js';

// Two inventory servers (replicas) over one database, driven through the internal endpoint the orders subgraph calls.
const live = withTwoReplicas('inventory_reserve_race');

/** Runs the requests while sampling the lowest available of the products, to catch a negative one mid-race. */
async function raceWhileWatching(productIds: string[], requests: (() => Promise<HttpAnswer>)[]) {
  let done = false;
  let lowest = Number.POSITIVE_INFINITY;
  const watcher = (async () => {
    while (!done) {
      for (const id of productIds) lowest = Math.min(lowest, (await totalsOf(live.h.db, id)).minAvailable);
    }
  })();
  const answers = await Promise.all(requests.map((request) => request()));
  done = true;
  await watcher;
  return { answers, lowestAvailableSeen: lowest };
}

describe('reserve under concurrency', () => {
  it('never reserves more than on hand under 200 concurrent reservations across two replicas', async () => {
    const productId = await stockProduct(live.h.db, { [bogota.id]: 30, [medellin.id]: 20 });
    const ids = Array.from({ length: 200 }, () => randomUUID());
    const { answers, lowestAvailableSeen } = await raceWhileWatching(
      [productId],
      ids.map((reservationId, i) => () => reserveOver(live.replicas[i % 2]!, { reservationId, lines: [{ productId, quantity: 1 }], expiresAt: inMinutes(15) })),
    );

    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    const reserved = answers.filter((a) => a.status === 200);
    const short = answers.filter((a) => a.status === 409);
    expect(reserved).toHaveLength(50);
    expect(reserved.every((a) => a.body.status === 'RESERVED')).toBe(true);
    expect(short).toHaveLength(150);
    expect(short[0]!.body).toEqual({ status: 'OUT_OF_STOCK', shortLines: [{ index: 0, productId, requested: 1, available: 0 }] });
    expect(await totalsOf(live.h.db, productId)).toEqual({ onHand: 50, reserved: 50, minAvailable: 0 });
    expect(lowestAvailableSeen).toBeGreaterThanOrEqual(0);
    // Only the winners left a reservation behind; the 150 refused hold nothing and stored nothing.
    const stored = await live.h.db.select({ id: reservations.id }).from(reservations).where(sql`${reservations.id} in ${ids}`);
    expect(stored).toHaveLength(50);
    const lines = await linesOf(live.h.db, stored.map((r) => r.id));
    expect(lines.reduce((sum, l) => sum + l.quantity, 0)).toBe(50);
    // The database itself refuses a reserved count above on hand, whatever the code does.
    const checks = await live.h.db.execute(sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'stock_levels_reserved_within_on_hand'`);
    expect(JSON.stringify(checks)).toContain('reserved <= on_hand');
  });

  it('holds all lines or none of 100 concurrent two-line reservations in opposite orders, without deadlocks', async () => {
    const a = await stockProduct(live.h.db, { [bogota.id]: 40, [medellin.id]: 20 });
    const b = await stockProduct(live.h.db, { [bogota.id]: 15, [medellin.id]: 30 });
    const requests = Array.from({ length: 100 }, (_, i) => {
      const lines = [
        { productId: a, quantity: 1 + (i % 2) },
        { productId: b, quantity: 1 + (i % 3) },
      ];
      return { reservationId: randomUUID(), lines: i % 2 ? lines : [...lines].reverse(), expiresAt: inMinutes(15) };
    });
    const { answers, lowestAvailableSeen } = await raceWhileWatching([a, b], requests.map((body, i) => () => reserveOver(live.replicas[i % 2]!, body)));

    expect(answers.filter((x) => x.status !== 200 && x.status !== 409)).toEqual([]);
    expect(lowestAvailableSeen).toBeGreaterThanOrEqual(0);
    const won = requests.filter((_, i) => answers[i]!.status === 200);
    const lost = requests.filter((_, i) => answers[i]!.status === 409);
    expect(won.length).toBeGreaterThan(0);
    expect(lost.length).toBeGreaterThan(0);
    const expected = (productId: string) => won.flatMap((r) => r.lines).filter((l) => l.productId === productId).reduce((sum, l) => sum + l.quantity, 0);
    expect((await totalsOf(live.h.db, a)).reserved).toBe(expected(a));
    expect((await totalsOf(live.h.db, b)).reserved).toBe(expected(b));
    // Every winner holds exactly its two lines (possibly split over warehouses); every loser holds nothing.
    const lines = await linesOf(live.h.db, requests.map((r) => r.reservationId));
    for (const r of won) {
      const held = lines.filter((l) => l.reservationId === r.reservationId);
      for (const line of r.lines) expect(held.filter((l) => l.productId === line.productId).reduce((s, l) => s + l.quantity, 0)).toBe(line.quantity);
    }
    expect(lines.filter((l) => lost.some((r) => r.reservationId === l.reservationId))).toEqual([]);
  });

  it('reserves once when the same reservationId arrives 10 times at once on both replicas', async () => {
    const productId = await stockProduct(live.h.db, { [bogota.id]: 20 });
    const body = { reservationId: randomUUID(), lines: [{ productId, quantity: 3 }], expiresAt: inMinutes(15) };
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => reserveOver(live.replicas[i % 2]!, body)));
    expect(answers.map((x) => [x.status, x.body.status])).toEqual(Array.from({ length: 10 }, () => [200, 'RESERVED']));
    expect(await totalsOf(live.h.db, productId)).toMatchObject({ onHand: 20, reserved: 3 });
    expect(await linesOf(live.h.db, [body.reservationId])).toHaveLength(1);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '@shop/server';
import { bogota, medellin, withTwoReplicas } from './support/harness.js';
import { inMinutes, internalBase, linesOf, postJson, reservationOf, reserveOver, stockEventsOf, stockProduct, totalsOf, warehouseFigures } from './support/reservations.js';

// POST /internal/reservations/batch: many reservations in one transaction (reserveAll), as orders sends them under load.
const live = withTwoReplicas('inventory_reserve_batch');

const batchOver = (server: RunningServer, reservations: unknown[]) => postJson(`${internalBase(server)}/internal/reservations/batch`, { reservations });
const request = (productId: string, quantity: number, reservationId: string = randomUUID()) => ({ reservationId, lines: [{ productId, quantity }], expiresAt: inMinutes(15).toISOString() });

describe('reservation batches', () => {
  it('judges the requests of a batch in order, each all or none, and records one stock.changed per product', async () => {
    const productId = await stockProduct(live.h.db, { [bogota.id]: 2, [medellin.id]: 2 });
    const other = await stockProduct(live.h.db, { [bogota.id]: 5 });
    const batch = [request(productId, 1), request(productId, 2), request(productId, 2), { ...request(productId, 1), lines: [{ productId, quantity: 1 }, { productId: other, quantity: 9 }] }, request(productId, 1)];

    const answer = await batchOver(live.h.inventory, batch);

    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      { status: 'RESERVED' },
      { status: 'RESERVED' },
      // Four on hand, three held by the requests before it: this one is short and holds nothing.
      { status: 'OUT_OF_STOCK', shortLines: [{ index: 0, productId, requested: 2, available: 1 }] },
      // All or none: its first line would fit, its second does not.
      { status: 'OUT_OF_STOCK', shortLines: [{ index: 1, productId: other, requested: 9, available: 5 }] },
      { status: 'RESERVED' },
    ]);
    expect(await totalsOf(live.h.db, productId)).toEqual({ onHand: 4, reserved: 4, minAvailable: 0 });
    expect(await totalsOf(live.h.db, other)).toEqual({ onHand: 5, reserved: 0, minAvailable: 5 });
    for (const [i, stored] of [[0, true], [1, true], [2, false], [3, false], [4, true]] as const) {
      expect(Boolean(await reservationOf(live.h.db, batch[i]!.reservationId))).toBe(stored);
    }
    expect((await linesOf(live.h.db, batch.map((r) => r.reservationId))).reduce((sum, l) => sum + l.quantity, 0)).toBe(4);
    // The batch's events carry the totals after all of its holds; a product nobody could hold gets none.
    expect(await stockEventsOf(live.h.db, productId)).toEqual([{ productId, onHand: 4, reserved: 4, available: 0, warehouses: warehouseFigures({ [bogota.id]: [2, 2], [medellin.id]: [2, 2] }) }]);
    expect(await stockEventsOf(live.h.db, other)).toEqual([]);
  });

  it('answers replays with the stored status, twins in one batch as one reservation, and a bad request alone', async () => {
    const productId = await stockProduct(live.h.db, { [bogota.id]: 10 });
    const earlier = request(productId, 2);
    expect((await reserveOver(live.h.inventory, earlier)).status).toBe(200);
    const twin = request(productId, 3);

    const answer = await batchOver(live.h.inventory, [earlier, twin, { ...twin }, { reservationId: 'not-a-uuid', lines: [{ productId, quantity: 0 }], expiresAt: 'soon' }, request(productId, 1)]);

    expect(answer.status).toBe(200);
    const [replay, first, second, bad, last] = answer.body.results;
    expect([replay, first, second, last]).toEqual([{ status: 'RESERVED' }, { status: 'RESERVED' }, { status: 'RESERVED' }, { status: 'RESERVED' }]);
    expect(bad.error.code).toBe('INVALID_INPUT');
    expect(bad.error.details.map((d: { field: string[] }) => d.field[0]).sort()).toEqual(['expiresAt', 'lines', 'reservationId']);
    // 2 (earlier, not again) + 3 (the twins, once) + 1.
    expect(await totalsOf(live.h.db, productId)).toMatchObject({ reserved: 6 });
    expect(await linesOf(live.h.db, [twin.reservationId])).toHaveLength(1);
  });

  it('refuses a body that is not a list of 1 to 200 requests of 10,000 lines in all, changing nothing', async () => {
    const productId = await stockProduct(live.h.db, { [bogota.id]: 1000 });
    const hundredLines = () => ({ ...request(productId, 1), lines: Array.from({ length: 100 }, () => ({ productId, quantity: 1 })) });
    for (const reservations of [[], Array.from({ length: 201 }, () => request(productId, 1)), Array.from({ length: 101 }, hundredLines)]) {
      const answer = await batchOver(live.h.inventory, reservations);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_INPUT');
    }
    expect((await postJson(`${internalBase(live.h.inventory)}/internal/reservations/batch`, { reservations: 'all' })).status).toBe(400);
    expect(await totalsOf(live.h.db, productId)).toMatchObject({ reserved: 0 });
  });

  it('never oversells with 20 concurrent batches of 10 on two replicas, lines contending in opposite orders', async () => {
    const a = await stockProduct(live.h.db, { [bogota.id]: 30, [medellin.id]: 20 });
    const b = await stockProduct(live.h.db, { [bogota.id]: 25, [medellin.id]: 25 });
    const batches = Array.from({ length: 20 }, (_, i) =>
      Array.from({ length: 10 }, (_, j) => {
        const lines = [
          { productId: a, quantity: 1 },
          { productId: b, quantity: 1 + ((i + j) % 2) },
        ];
        return { reservationId: randomUUID(), lines: (i + j) % 2 ? lines : [...lines].reverse(), expiresAt: inMinutes(15).toISOString() };
      }),
    );

    const answers = await Promise.all(batches.map((batch, i) => batchOver(live.replicas[i % 2]!, batch)));

    expect(answers.map((x) => x.status)).toEqual(batches.map(() => 200));
    const requests = batches.flat();
    const results = answers.flatMap((x) => x.body.results as { status: string }[]);
    const won = requests.filter((_, i) => results[i]!.status === 'RESERVED');
    expect(results.every((r) => r.status === 'RESERVED' || r.status === 'OUT_OF_STOCK')).toBe(true);
    const wanted = (productId: string) => won.flatMap((r) => r.lines).filter((l) => l.productId === productId).reduce((sum, l) => sum + l.quantity, 0);
    const totalsA = await totalsOf(live.h.db, a);
    const totalsB = await totalsOf(live.h.db, b);
    expect(totalsA.reserved).toBe(wanted(a));
    expect(totalsB.reserved).toBe(wanted(b));
    expect(totalsA.minAvailable).toBeGreaterThanOrEqual(0);
    expect(totalsB.minAvailable).toBeGreaterThanOrEqual(0);
    // Stock ran out: the last units went, and every loser holds nothing.
    expect(Math.min(50 - totalsA.reserved, 50 - totalsB.reserved)).toBeLessThanOrEqual(1);
    const lines = await linesOf(live.h.db, requests.map((r) => r.reservationId));
    expect(new Set(lines.map((l) => l.reservationId))).toEqual(new Set(won.map((r) => r.reservationId)));
  });
});

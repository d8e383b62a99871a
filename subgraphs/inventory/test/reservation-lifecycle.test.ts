import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newEvent, type DomainEvent } from '@shop/events';
import { handleOrderStatusChanged } from '../src/consumers.js';
import { commit, release, returnStock } from '../src/domain/reservation-lifecycle.js';
import type { ReserveRequest } from '../src/contract.js';
import { reserve } from '../src/domain/reserve.js';
import { bogota, medellin, startHarness, type Harness } from './support/harness.js';
import { inMinutes, levelOf, postJson, linesOf, movementsOf, releaseOver, reservationOf, reserveOver, stockEventsOf, stockProduct, totalsOf, warehouseFigures } from './support/reservations.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'inventory_lifecycle');
});
afterAll(async () => h?.stop());

const reserveNow = (request: ReserveRequest) => h.db.transaction((tx) => reserve(tx, request));
const inTx = <T>(step: (tx: any, id: string) => Promise<T>, id: string) => h.db.transaction((tx) => step(tx, id));
const saleAndReturnRows = async (productId: string) => (await movementsOf(h.db, productId)).map((m) => [m.warehouseId, m.delta, m.reason, m.note]).sort();

async function reserved(levels: Record<string, number>, quantity: number) {
  const productId = await stockProduct(h.db, levels);
  const reservationId = randomUUID();
  const result = await reserveNow({ reservationId, lines: [{ productId, quantity }], expiresAt: inMinutes(15) });
  expect(result).toEqual({ ok: true, value: { status: 'RESERVED', replayed: false } });
  return { productId, reservationId };
}

const orderEvent = (orderId: string, from: string | null, to: string): DomainEvent =>
  newEvent('orders', 'order.status_changed', orderId, { orderId, customerId: randomUUID(), from, to, reason: to === 'CANCELLED' ? 'ADMIN' : null, lines: [] });

describe('reserve', () => {
  it('takes a line from the warehouse with most available first, then splits it over the next', async () => {
    const { productId, reservationId } = await reserved({ [bogota.id]: 4, [medellin.id]: 7 }, 9);
    expect(await levelOf(h.db, productId, medellin.id)).toEqual({ onHand: 7, reserved: 7 });
    expect(await levelOf(h.db, productId, bogota.id)).toEqual({ onHand: 4, reserved: 2 });
    const lines = await linesOf(h.db, [reservationId]);
    expect(lines.map((l) => [l.lineNo, l.warehouseId, l.quantity]).sort()).toEqual([[0, bogota.id, 2], [0, medellin.id, 7]].sort());
  });

  it('merges duplicate products into the first line, and reports short lines by request index with nothing held', async () => {
    const a = await stockProduct(h.db, { [bogota.id]: 10 });
    const b = await stockProduct(h.db, { [bogota.id]: 2 });
    const missing = randomUUID();
    const reservationId = randomUUID();
    const result = await reserveNow({
      reservationId,
      lines: [{ productId: a, quantity: 3 }, { productId: b, quantity: 2 }, { productId: missing, quantity: 1 }, { productId: b, quantity: 1 }],
      expiresAt: inMinutes(15),
    });
    expect(result).toEqual({
      ok: true,
      value: { status: 'OUT_OF_STOCK', shortLines: [{ index: 1, productId: b, requested: 3, available: 2 }, { index: 2, productId: missing, requested: 1, available: 0 }] },
    });
    expect(await totalsOf(h.db, a)).toMatchObject({ reserved: 0 });
    expect(await totalsOf(h.db, b)).toMatchObject({ reserved: 0 });
    expect(await reservationOf(h.db, reservationId)).toBeUndefined();
    expect(await stockEventsOf(h.db, a)).toEqual([]);
    // Refused, the same id can be tried again and succeeds once stock allows.
    const retry = await reserveNow({ reservationId, lines: [{ productId: b, quantity: 1 }, { productId: b, quantity: 1 }], expiresAt: inMinutes(15) });
    expect(retry).toEqual({ ok: true, value: { status: 'RESERVED', replayed: false } });
    expect(await linesOf(h.db, [reservationId])).toMatchObject([{ lineNo: 0, quantity: 2 }]);
  });

  it('rejects bad requests with INVALID_INPUT and writes nothing', async () => {
    const productId = await stockProduct(h.db, { [bogota.id]: 5 });
    const reservationId = randomUUID();
    for (const [lines, field] of [
      [[{ productId, quantity: 0 }], ['lines', '0', 'quantity']],
      [[{ productId, quantity: -2 }], ['lines', '0', 'quantity']],
      [[{ productId, quantity: 1.5 }], ['lines', '0', 'quantity']],
      [[{ productId, quantity: 10_000_000 }], ['lines', '0', 'quantity']],
      [[{ productId: 'not-a-uuid', quantity: 1 }], ['lines', '0', 'productId']],
      [[], ['lines']],
    ] as const) {
      const result = await reserveNow({ reservationId, lines: lines as never, expiresAt: inMinutes(15) });
      expect(result).toMatchObject({ ok: false, errors: [{ code: 'INVALID_INPUT', field }] });
    }
    expect(await reservationOf(h.db, reservationId)).toBeUndefined();
    expect(await totalsOf(h.db, productId)).toMatchObject({ reserved: 0 });
  });
});

describe('the internal reservation endpoints', () => {
  it('answer 400 INVALID_INPUT for bad bodies, 409 for short stock, 200 for holds and releases', async () => {
    const productId = await stockProduct(h.db, { [bogota.id]: 2 });
    const reservationId = randomUUID();
    const bad = await Promise.all([
      reserveOver(h.inventory, '{"reservationId": '),
      reserveOver(h.inventory, { reservationId: 'nope', lines: [{ productId, quantity: 1 }], expiresAt: inMinutes(1) }),
      reserveOver(h.inventory, { reservationId, lines: [{ productId, quantity: 1 }], expiresAt: 'tomorrow' }),
      reserveOver(h.inventory, []),
      postJson(`${h.inventory.url.replace(/\/graphql$/, '')}/internal/reservations`, 'hi', 'text/plain'),
      releaseOver(h.inventory, 'not-a-uuid'),
    ]);
    for (const answer of bad) expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT', message: expect.any(String) } } });
    expect(bad[1]!.body.error.details).toEqual([{ field: ['reservationId'], message: 'Must be a valid ID.' }]);
    expect(await reservationOf(h.db, reservationId)).toBeUndefined();

    expect(await reserveOver(h.inventory, { reservationId, lines: [{ productId, quantity: 3 }], expiresAt: inMinutes(1) })).toEqual({
      status: 409,
      body: { status: 'OUT_OF_STOCK', shortLines: [{ index: 0, productId, requested: 3, available: 2 }] },
    });
    expect(await reserveOver(h.inventory, { reservationId, lines: [{ productId, quantity: 2 }], expiresAt: inMinutes(1) })).toEqual({ status: 200, body: { status: 'RESERVED' } });
    expect(await releaseOver(h.inventory, reservationId)).toEqual({ status: 200, body: { status: 'RELEASED' } });
    expect(await releaseOver(h.inventory, reservationId)).toEqual({ status: 200, body: { status: 'RELEASED' } });
    // A replay after the release reports the stored status and holds nothing again.
    expect(await reserveOver(h.inventory, { reservationId, lines: [{ productId, quantity: 2 }], expiresAt: inMinutes(1) })).toEqual({ status: 200, body: { status: 'RELEASED' } });
    expect(await totalsOf(h.db, productId)).toMatchObject({ onHand: 2, reserved: 0 });
  });

  it('leaves a tombstone when releasing an id never reserved, so a late reserve with it holds nothing', async () => {
    const productId = await stockProduct(h.db, { [bogota.id]: 2 });
    const reservationId = randomUUID();
    expect(await releaseOver(h.inventory, reservationId)).toEqual({ status: 200, body: { status: 'RELEASED' } });
    expect(await reserveOver(h.inventory, { reservationId, lines: [{ productId, quantity: 1 }], expiresAt: inMinutes(1) })).toEqual({ status: 200, body: { status: 'RELEASED' } });
    expect(await totalsOf(h.db, productId)).toMatchObject({ reserved: 0 });
  });
});

describe('release, commit and returnStock', () => {
  it('release gives the units back once, however often it is called', async () => {
    const { productId, reservationId } = await reserved({ [bogota.id]: 5 }, 4);
    expect(await inTx(release, reservationId)).toEqual({ status: 'RELEASED', changed: true });
    expect(await inTx(release, reservationId)).toEqual({ status: 'RELEASED', changed: false });
    expect(await totalsOf(h.db, productId)).toMatchObject({ onHand: 5, reserved: 0 });
    expect(await movementsOf(h.db, productId)).toEqual([]);
  });

  it('commit sells the held units once: on hand and reserved drop, one SALE row per line and warehouse', async () => {
    const { productId, reservationId } = await reserved({ [bogota.id]: 3, [medellin.id]: 4 }, 6);
    const [first, second] = await Promise.all([inTx(commit, reservationId), inTx(commit, reservationId)]);
    expect([first, second].map((o) => o.changed).sort()).toEqual([false, true]);
    expect(await totalsOf(h.db, productId)).toMatchObject({ onHand: 1, reserved: 0 });
    expect(await saleAndReturnRows(productId)).toEqual([[bogota.id, -2, 'SALE', `order ${reservationId}`], [medellin.id, -4, 'SALE', `order ${reservationId}`]].sort());
    expect(await inTx(release, reservationId)).toEqual({ status: 'COMMITTED', changed: false });
    expect(await totalsOf(h.db, productId)).toMatchObject({ onHand: 1, reserved: 0 });
  });

  it('returnStock puts sold units back once, as RETURN rows to the warehouses they left', async () => {
    const { productId, reservationId } = await reserved({ [bogota.id]: 3, [medellin.id]: 4 }, 6);
    await inTx(commit, reservationId);
    expect(await inTx(returnStock, reservationId)).toEqual({ status: 'RETURNED', changed: true });
    expect(await inTx(returnStock, reservationId)).toEqual({ status: 'RETURNED', changed: false });
    expect(await inTx(commit, reservationId)).toEqual({ status: 'RETURNED', changed: false });
    expect(await totalsOf(h.db, productId)).toMatchObject({ onHand: 7, reserved: 0 });
    const rows = await saleAndReturnRows(productId);
    expect(rows.filter((r) => r[2] === 'RETURN')).toEqual([[bogota.id, 2, 'RETURN', `order ${reservationId}`], [medellin.id, 4, 'RETURN', `order ${reservationId}`]].sort());
    expect(rows.filter((r) => r[2] === 'SALE')).toHaveLength(2);
  });

  it('returnStock on a reservation not yet committed (the cancel overtook PAID) sells and returns it, and the late commit does nothing', async () => {
    const { productId, reservationId } = await reserved({ [bogota.id]: 5 }, 2);
    expect(await inTx(returnStock, reservationId)).toEqual({ status: 'RETURNED', changed: true });
    expect(await inTx(commit, reservationId)).toEqual({ status: 'RETURNED', changed: false });
    expect(await totalsOf(h.db, productId)).toMatchObject({ onHand: 5, reserved: 0 });
    expect((await saleAndReturnRows(productId)).map((r) => r[2]).sort()).toEqual(['RETURN', 'SALE']);
  });

  it('commit of a released reservation holds the units again and sells them when stock allows', async () => {
    const { productId, reservationId } = await reserved({ [bogota.id]: 5 }, 2);
    await inTx(release, reservationId);
    expect(await inTx(commit, reservationId)).toEqual({ status: 'COMMITTED', changed: true });
    expect(await totalsOf(h.db, productId)).toMatchObject({ onHand: 3, reserved: 0 });
  });

  it('commit of a released reservation whose stock is gone records it as unfulfilled and sells nothing', async () => {
    const { productId, reservationId } = await reserved({ [bogota.id]: 2 }, 2);
    await inTx(release, reservationId);
    // Someone else takes the freed units before the payment lands.
    const other = await reserveNow({ reservationId: randomUUID(), lines: [{ productId, quantity: 2 }], expiresAt: inMinutes(15) });
    expect(other.ok && other.value.status).toBe('RESERVED');
    expect(await inTx(commit, reservationId)).toEqual({ status: 'RELEASED', changed: false, unfulfilled: [{ index: 0, productId, requested: 2, available: 0 }] });
    expect((await reservationOf(h.db, reservationId))?.unfulfilledAt).toBeInstanceOf(Date);
    expect(await linesOf(h.db, [reservationId])).toMatchObject([{ productId, quantity: 2 }]);
    expect(await totalsOf(h.db, productId)).toMatchObject({ onHand: 2, reserved: 2 });
    expect(await movementsOf(h.db, productId)).toEqual([]);
  });
});

describe('stock.changed', () => {
  it('records the totals after every change in the same transaction, and the relay publishes them', async () => {
    const published: DomainEvent[] = [];
    const unsubscribe = await h.bus.broadcast(['stock.changed'], async (event) => void published.push(event));
    const { productId, reservationId } = await reserved({ [bogota.id]: 6, [medellin.id]: 4 }, 7);
    await inTx(commit, reservationId);
    await inTx(returnStock, reservationId);
    const again = randomUUID();
    await reserveNow({ reservationId: again, lines: [{ productId, quantity: 1 }], expiresAt: inMinutes(15) });
    await inTx(release, again);
    // The hold of 7 takes Bogotá's 6 and one of Medellín's 4; the next hold of 1 comes from Bogotá (most available).
    const expected = [
      { productId, onHand: 10, reserved: 7, available: 3, warehouses: warehouseFigures({ [bogota.id]: [6, 6], [medellin.id]: [4, 1] }) },
      { productId, onHand: 3, reserved: 0, available: 3, warehouses: warehouseFigures({ [bogota.id]: [0, 0], [medellin.id]: [3, 0] }) },
      { productId, onHand: 10, reserved: 0, available: 10, warehouses: warehouseFigures({ [bogota.id]: [6, 0], [medellin.id]: [4, 0] }) },
      { productId, onHand: 10, reserved: 1, available: 9, warehouses: warehouseFigures({ [bogota.id]: [6, 1], [medellin.id]: [4, 0] }) },
      { productId, onHand: 10, reserved: 0, available: 10, warehouses: warehouseFigures({ [bogota.id]: [6, 0], [medellin.id]: [4, 0] }) },
    ];
    expect(await stockEventsOf(h.db, productId)).toEqual(expected);
    // These changes ran outside a server, so the relay finds them on its next tick.
    await expect.poll(() => published.filter((e) => e.aggregateId === productId).map((e) => e.payload), { timeout: 5000 }).toEqual(expected);
    await unsubscribe();
  });

  it('is recorded by adjustStock too', async () => {
    const productId = await stockProduct(h.db, { [bogota.id]: 4 });
    const { recordStockChange } = await import('../src/domain/movements.js');
    await h.db.transaction((tx) => recordStockChange(tx, { productId, warehouseId: medellin.id, delta: 3, reason: 'RESTOCK', actorId: null }));
    expect(await stockEventsOf(h.db, productId)).toEqual([{ productId, onHand: 7, reserved: 0, available: 7, warehouses: warehouseFigures({ [bogota.id]: [4, 0], [medellin.id]: [3, 0] }) }]);
  });

  it('carries every warehouse of the product after a reservation split over two warehouses and after adjustments in both, as the rows then stand', async () => {
    const { recordStockChange } = await import('../src/domain/movements.js');
    const { productId } = await reserved({ [bogota.id]: 5, [medellin.id]: 3 }, 6);
    const adjust = (warehouseId: string, delta: number) => h.db.transaction((tx) => recordStockChange(tx, { productId, warehouseId, delta, reason: delta > 0 ? 'RESTOCK' : 'ADJUSTMENT', actorId: null }));
    expect((await adjust(medellin.id, 4)).ok).toBe(true);
    expect((await adjust(bogota.id, 2)).ok).toBe(true);
    expect((await adjust(medellin.id, -3)).ok).toBe(true);
    // Refused (Bogotá would hold 4 with 5 reserved): no event.
    expect((await adjust(bogota.id, -3)).ok).toBe(false);
    const events = (await stockEventsOf(h.db, productId)) as { warehouses: unknown[] }[];
    expect(events.map((e) => e.warehouses)).toEqual([
      warehouseFigures({ [bogota.id]: [5, 5], [medellin.id]: [3, 1] }),
      warehouseFigures({ [bogota.id]: [5, 5], [medellin.id]: [7, 1] }),
      warehouseFigures({ [bogota.id]: [7, 5], [medellin.id]: [7, 1] }),
      warehouseFigures({ [bogota.id]: [7, 5], [medellin.id]: [4, 1] }),
    ]);
    expect(events.at(-1)).toMatchObject({ onHand: 11, reserved: 6, available: 5 });
    // The last event is the stock as it stands.
    expect(events.at(-1)!.warehouses).toEqual(warehouseFigures({ [bogota.id]: Object.values((await levelOf(h.db, productId, bogota.id))!) as [number, number], [medellin.id]: Object.values((await levelOf(h.db, productId, medellin.id))!) as [number, number] }));
  });
});

describe('order.status_changed', () => {
  it('commits once when the same PAID event is delivered twice, concurrently or through the bus', async () => {
    const { productId, reservationId } = await reserved({ [bogota.id]: 5 }, 2);
    const paid = orderEvent(reservationId, 'AWAITING_PAYMENT', 'PAID');
    const handled = await Promise.all([handleOrderStatusChanged(h.db, paid), handleOrderStatusChanged(h.db, paid)]);
    expect(handled.sort()).toEqual([false, true]);
    await h.bus.publish(paid);
    await h.bus.drain();
    expect((await movementsOf(h.db, productId)).filter((m) => m.reason === 'SALE')).toHaveLength(1);
    expect(await totalsOf(h.db, productId)).toMatchObject({ onHand: 3, reserved: 0 });
  });

  it('releases on CANCELLED from AWAITING_PAYMENT and returns stock on CANCELLED from PAID, each once', async () => {
    const held = await reserved({ [bogota.id]: 5 }, 2);
    const cancelled = orderEvent(held.reservationId, 'AWAITING_PAYMENT', 'CANCELLED');
    await h.bus.publish(cancelled);
    await h.bus.publish(cancelled);
    await h.bus.drain();
    expect((await reservationOf(h.db, held.reservationId))?.status).toBe('RELEASED');
    expect(await totalsOf(h.db, held.productId)).toMatchObject({ onHand: 5, reserved: 0 });

    const sold = await reserved({ [bogota.id]: 5 }, 2);
    await h.bus.publish(orderEvent(sold.reservationId, 'AWAITING_PAYMENT', 'PAID'));
    await h.bus.drain();
    const refund = orderEvent(sold.reservationId, 'PAID', 'CANCELLED');
    await h.bus.publish(refund);
    await h.bus.publish(refund);
    await h.bus.drain();
    expect((await reservationOf(h.db, sold.reservationId))?.status).toBe('RETURNED');
    expect((await movementsOf(h.db, sold.productId)).map((m) => m.reason).sort()).toEqual(['RETURN', 'SALE']);
    expect(await totalsOf(h.db, sold.productId)).toMatchObject({ onHand: 5, reserved: 0 });
  });

  it('ignores statuses that do not concern stock, without an inbox row', async () => {
    const { reservationId } = await reserved({ [bogota.id]: 5 }, 1);
    expect(await handleOrderStatusChanged(h.db, orderEvent(reservationId, 'PAID', 'SHIPPED'))).toBe(false);
    expect(await handleOrderStatusChanged(h.db, { ...orderEvent(reservationId, null, 'PAID'), payload: { nonsense: true } })).toBe(false);
    expect((await reservationOf(h.db, reservationId))?.status).toBe('RESERVED');
  });
});

import { asc, eq, sql } from 'drizzle-orm';
import { createLogger } from '@shop/common';
import type { Transaction } from '@shop/db';
import { reservationLines, reservations, stockMovements, type InventorySchema, type ReservationLineRow, type ReservationStatus } from '../db/schema.js';
import type { ShortLine } from '../contract.js';
import { holdAll, type HoldLine } from './reserve.js';
import { recordStockAlerts } from './stock-alerts.js';
import { lockStock, moveStock, recordStockChanged } from './stock-locks.js';

type Tx = Transaction<InventorySchema>;

const logger = createLogger('inventory-reservations');

export interface LifecycleOutcome {
  /** The reservation's status after the call; NOT_FOUND when no reservation has this id. */
  status: ReservationStatus | 'NOT_FOUND';
  /** Whether this call moved stock; false for a replay. */
  changed: boolean;
  /** commit only: the released reservation could not be held again (see commit). */
  unfulfilled?: ShortLine[];
}

const lockReservation = async (tx: Tx, id: string) => (await tx.select().from(reservations).where(eq(reservations.id, id)).for('update'))[0];
const linesOf = (tx: Tx, id: string) => tx.select().from(reservationLines).where(eq(reservationLines.reservationId, id)).orderBy(asc(reservationLines.lineNo), asc(reservationLines.warehouseId));
const setStatus = (tx: Tx, id: string, status: ReservationStatus) => tx.update(reservations).set({ status, updatedAt: sql`now()` }).where(eq(reservations.id, id));
const productsOf = (lines: readonly ReservationLineRow[]) => lines.map((l) => l.productId);
const orderNote = (id: string) => `order ${id}`;

/** Available units each product gets back from these lines, as recordStockAlerts counts them (negative: added). */
export const givenBack = (lines: readonly Pick<ReservationLineRow, 'productId' | 'quantity'>[]): Map<string, number> => {
  const units = new Map<string, number>();
  for (const l of lines) units.set(l.productId, (units.get(l.productId) ?? 0) - l.quantity);
  return units;
};

/** Gives the held units back (reserved drops) and ends in RELEASED. The caller holds the reservation's row lock. */
export async function releaseHeld(tx: Tx, lines: readonly ReservationLineRow[]): Promise<void> {
  await lockStock(tx, productsOf(lines));
  for (const line of lines) await moveStock(tx, line.productId, line.warehouseId, { reserved: -line.quantity });
}

/**
 * RESERVED -> RELEASED; any other status is left as it is (idempotent). Releasing an id nobody reserved leaves a
 * RELEASED tombstone, so a reserve request for it that arrives late (after the caller gave up and compensated) holds nothing.
 */
export async function release(tx: Tx, reservationId: string): Promise<LifecycleOutcome> {
  const tombstone = await tx.insert(reservations).values({ id: reservationId, status: 'RELEASED', expiresAt: sql`now()` }).onConflictDoNothing().returning({ id: reservations.id });
  if (tombstone.length) return { status: 'RELEASED', changed: false };
  const reservation = await lockReservation(tx, reservationId);
  if (!reservation) throw new Error(`reservation ${reservationId} conflicted but cannot be read`);
  if (reservation.status !== 'RESERVED') return { status: reservation.status, changed: false };
  const lines = await linesOf(tx, reservationId);
  await releaseHeld(tx, lines);
  await setStatus(tx, reservationId, 'RELEASED');
  await recordStockChanged(tx, productsOf(lines));
  await recordStockAlerts(tx, givenBack(lines));
  return { status: 'RELEASED', changed: true };
}

/** The held units leave the shelf: on_hand and reserved drop together, one SALE movement per line and warehouse. */
async function sellHeld(tx: Tx, reservationId: string, lines: readonly ReservationLineRow[]): Promise<void> {
  await lockStock(tx, productsOf(lines));
  for (const line of lines) {
    await moveStock(tx, line.productId, line.warehouseId, { onHand: -line.quantity, reserved: -line.quantity });
    await tx.insert(stockMovements).values({ productId: line.productId, warehouseId: line.warehouseId, delta: -line.quantity, reason: 'SALE', actorId: null, note: orderNote(reservationId) });
  }
  await setStatus(tx, reservationId, 'COMMITTED');
}

/** Sold units come back to the warehouses they left: on_hand rises, one RETURN movement per line and warehouse. */
async function restockSold(tx: Tx, reservationId: string, lines: readonly ReservationLineRow[]): Promise<void> {
  await lockStock(tx, productsOf(lines));
  for (const line of lines) {
    await moveStock(tx, line.productId, line.warehouseId, { onHand: line.quantity });
    await tx.insert(stockMovements).values({ productId: line.productId, warehouseId: line.warehouseId, delta: line.quantity, reason: 'RETURN', actorId: null, note: orderNote(reservationId) });
  }
  await setStatus(tx, reservationId, 'RETURNED');
}

/** The request lines a reservation was made from (one per line_no), to hold them again. */
function holdLinesOf(lines: readonly ReservationLineRow[]): HoldLine[] {
  const byLine = new Map<number, HoldLine>();
  for (const l of lines) {
    const hold = byLine.get(l.lineNo) ?? { lineNo: l.lineNo, productId: l.productId, quantity: 0 };
    hold.quantity += l.quantity;
    byLine.set(l.lineNo, hold);
  }
  return [...byLine.values()];
}

/**
 * A RELEASED reservation whose order was paid anyway (the orphan sweeper or a late event got there first): hold the
 * same quantities again if stock allows, so the sale goes through; otherwise mark it unfulfilled and log an error,
 * because the customer paid for units we no longer hold (an operator restocks or refunds).
 */
async function holdAgain(tx: Tx, reservationId: string, previous: readonly ReservationLineRow[]): Promise<{ held: boolean; shortLines: ShortLine[] }> {
  const wanted = holdLinesOf(previous);
  if (wanted.length === 0) {
    // A tombstone: the order was paid but nothing was ever reserved under its id.
    await markUnfulfilled(tx, reservationId, []);
    return { held: false, shortLines: [] };
  }
  await tx.delete(reservationLines).where(eq(reservationLines.reservationId, reservationId));
  const shortLines = (await holdAll(tx, [{ reservationId, lines: wanted }])).get(reservationId) ?? [];
  if (shortLines.length === 0) return { held: true, shortLines };
  await tx.insert(reservationLines).values(previous.map((l) => ({ ...l })));
  await markUnfulfilled(tx, reservationId, shortLines);
  return { held: false, shortLines };
}

async function markUnfulfilled(tx: Tx, reservationId: string, shortLines: ShortLine[]): Promise<void> {
  await tx.update(reservations).set({ unfulfilledAt: sql`now()`, updatedAt: sql`now()` }).where(eq(reservations.id, reservationId));
  logger.error({ reservationId, shortLines }, 'a paid order could not be committed: its reservation had been released and the stock is gone; restock or refund');
}

/**
 * RESERVED -> COMMITTED (the order was paid). COMMITTED and RETURNED stay as they are (idempotent). RELEASED is held
 * again first when stock allows (see holdAgain); when it does not, the reservation stays RELEASED with unfulfilled_at set.
 */
export async function commit(tx: Tx, reservationId: string): Promise<LifecycleOutcome> {
  const reservation = await lockReservation(tx, reservationId);
  if (!reservation) {
    logger.error({ reservationId }, 'commit for a reservation that does not exist; nothing sold');
    return { status: 'NOT_FOUND', changed: false };
  }
  if (reservation.status === 'COMMITTED' || reservation.status === 'RETURNED') return { status: reservation.status, changed: false };
  if (reservation.status === 'RELEASED') {
    if (reservation.unfulfilledAt) return { status: 'RELEASED', changed: false };
    const again = await holdAgain(tx, reservationId, await linesOf(tx, reservationId));
    if (!again.held) return { status: 'RELEASED', changed: false, unfulfilled: again.shortLines };
  }
  const lines = await linesOf(tx, reservationId);
  await sellHeld(tx, reservationId, lines);
  await recordStockChanged(tx, productsOf(lines));
  return { status: 'COMMITTED', changed: true };
}

/**
 * COMMITTED -> RETURNED (a paid order was cancelled). RETURNED stays; RELEASED has nothing sold to return. A RESERVED
 * one means the cancellation overtook the PAID event: it is sold and returned at once, so the late PAID finds RETURNED.
 */
export async function returnStock(tx: Tx, reservationId: string): Promise<LifecycleOutcome> {
  const reservation = await lockReservation(tx, reservationId);
  if (!reservation) {
    logger.warn({ reservationId }, 'return for a reservation that does not exist; nothing to return');
    return { status: 'NOT_FOUND', changed: false };
  }
  if (reservation.status === 'RETURNED' || reservation.status === 'RELEASED') return { status: reservation.status, changed: false };
  const lines = await linesOf(tx, reservationId);
  if (reservation.status === 'RESERVED') await sellHeld(tx, reservationId, lines);
  await restockSold(tx, reservationId, lines);
  await recordStockChanged(tx, productsOf(lines));
  await recordStockAlerts(tx, givenBack(lines));
  return { status: 'RETURNED', changed: true };
}

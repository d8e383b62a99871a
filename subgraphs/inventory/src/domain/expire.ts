import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { reservationLines, reservations, type InventorySchema } from '../db/schema.js';
import { givenBack, releaseHeld } from './reservation-lifecycle.js';
import { recordStockAlerts } from './stock-alerts.js';
import { recordStockChanged } from './stock-locks.js';

/** Orders cancel their own expired orders (and release through an event); this only catches what that missed. */
export const DEFAULT_ORPHAN_GRACE_MS = 5 * 60_000;
export const DEFAULT_ORPHAN_SWEEP_INTERVAL_MS = 60_000;

export interface SweepOptions {
  /** How long past expires_at a hold must be before it counts as orphaned. */
  graceMs?: number;
  batchSize?: number;
}

/**
 * Releases reservations still RESERVED longer than the grace period after expires_at, in batches of one transaction
 * each. Rows are taken with SKIP LOCKED, so concurrent sweepers (replicas) split the work and a reservation being
 * committed or released right now is left to that transaction; a skipped one is seen again next time if still held.
 * Returns the ids it released.
 */
export async function sweepOrphanReservations(db: Database<InventorySchema>, now: Date = new Date(), options: SweepOptions = {}): Promise<string[]> {
  const cutoff = new Date(now.getTime() - (options.graceMs ?? DEFAULT_ORPHAN_GRACE_MS));
  const batchSize = options.batchSize ?? 100;
  const released: string[] = [];
  for (;;) {
    const ids = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: reservations.id })
        .from(reservations)
        .where(and(eq(reservations.status, 'RESERVED'), lt(reservations.expiresAt, cutoff)))
        .orderBy(asc(reservations.expiresAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      const ids = due.map((r) => r.id);
      const lines = await tx.select().from(reservationLines).where(inArray(reservationLines.reservationId, ids));
      // One releaseHeld over the whole batch locks all its stock rows in the global order at once.
      await releaseHeld(tx, lines);
      await tx.update(reservations).set({ status: 'RELEASED', updatedAt: sql`now()` }).where(inArray(reservations.id, ids));
      await recordStockChanged(tx, lines.map((l) => l.productId));
      await recordStockAlerts(tx, givenBack(lines));
      return ids;
    });
    released.push(...ids);
    if (ids.length < batchSize) return released;
  }
}

/** Reservations holding stock right now (a metric). */
export async function heldReservations(db: Database<InventorySchema>): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(reservations).where(eq(reservations.status, 'RESERVED'));
  return row?.n ?? 0;
}

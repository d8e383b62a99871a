import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { fail, issuesToUserErrors, ok, zId, type Result } from '@shop/common';
import type { Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { stockChanged } from '../events.js';
import { reservationLines, reservations, stockLevels, type InventorySchema, type ReservationStatus, type StockLevelRow } from '../db/schema.js';
import { lockStock, moveStock } from './stock-locks.js';

type Tx = Transaction<InventorySchema>;

export const MAX_RESERVATION_QUANTITY = 1_000_000;
export const MAX_RESERVATION_LINES = 100;

/** The body of POST /internal/reservations, also checked when reserve() is called directly. */
export const reserveRequest = z.object({
  reservationId: zId,
  lines: z
    .array(
      z.object({
        productId: zId,
        quantity: z
          .number({ message: 'Must be a number.' })
          .int({ message: 'Must be a whole number.' })
          .min(1, { message: 'Must be at least 1.' })
          .max(MAX_RESERVATION_QUANTITY, { message: `Must be at most ${MAX_RESERVATION_QUANTITY}.` }),
      }),
      { message: 'Must be a list of lines.' },
    )
    .min(1, { message: 'Must have at least one line.' })
    .max(MAX_RESERVATION_LINES, { message: `Must have at most ${MAX_RESERVATION_LINES} lines.` }),
  expiresAt: z.union([z.date(), z.iso.datetime({ offset: true, message: 'Must be an ISO 8601 date-time.' })]).transform((value) => new Date(value)),
});
export type ReserveRequest = z.input<typeof reserveRequest>;

/** A request line that cannot be held; index is the line's position in the request (its first one, for merged duplicates). */
export interface ShortLine {
  index: number;
  productId: string;
  requested: number;
  available: number;
}

export type ReserveOutcome =
  /** replayed: the reservation already existed, and this is its stored status; nothing was reserved again. */
  | { status: ReservationStatus; replayed: boolean }
  | { status: 'OUT_OF_STOCK'; shortLines: ShortLine[] };

/** One product to hold; lineNo becomes reservation_lines.line_no. */
export interface HoldLine {
  lineNo: number;
  productId: string;
  quantity: number;
}

export interface Pick {
  lineNo: number;
  productId: string;
  warehouseId: string;
  quantity: number;
}

/** Duplicate productIds are merged into the first line that names the product, quantities summed. */
export function mergeLines(lines: readonly { productId: string; quantity: number }[]): HoldLine[] {
  const merged = new Map<string, HoldLine>();
  lines.forEach((line, index) => {
    const existing = merged.get(line.productId);
    if (existing) existing.quantity += line.quantity;
    else merged.set(line.productId, { lineNo: index, productId: line.productId, quantity: line.quantity });
  });
  return [...merged.values()];
}

/** Takes each line's units from the warehouses with the most available first (then by warehouse id), so lines split rarely. */
export function allocate(lines: readonly HoldLine[], levels: readonly StockLevelRow[]): { picks: Pick[]; shortLines: ShortLine[] } {
  const picks: Pick[] = [];
  const shortLines: ShortLine[] = [];
  for (const line of lines) {
    const candidates = levels
      .filter((l) => l.productId === line.productId && l.onHand - l.reserved > 0)
      .map((l) => ({ warehouseId: l.warehouseId, available: l.onHand - l.reserved }))
      .sort((a, b) => b.available - a.available || (a.warehouseId < b.warehouseId ? -1 : 1));
    const available = candidates.reduce((sum, c) => sum + c.available, 0);
    if (available < line.quantity) {
      shortLines.push({ index: line.lineNo, productId: line.productId, requested: line.quantity, available });
      continue;
    }
    let remaining = line.quantity;
    for (const c of candidates) {
      if (remaining === 0) break;
      const take = Math.min(c.available, remaining);
      picks.push({ lineNo: line.lineNo, productId: line.productId, warehouseId: c.warehouseId, quantity: take });
      remaining -= take;
    }
  }
  return { picks, shortLines };
}

/**
 * Holds every line or none: the products' rows are locked in the global order, the allocation is computed on the
 * locked rows, and only when nothing is short are reserved counts and reservation_lines written (with stock.changed).
 * `committed` is what the caller already read of these products without locks, if it did.
 */
export async function holdLines(tx: Tx, reservationId: string, lines: readonly HoldLine[], committed?: readonly StockLevelRow[]): Promise<ShortLine[]> {
  const productIds = lines.map((l) => l.productId);
  // Committed stock already too low is a true answer without queueing for the row locks (losers of a rush return fast).
  const unlocked = allocate(lines, committed ?? (await readLevels(tx, productIds)));
  if (unlocked.shortLines.length) return unlocked.shortLines;
  const levels = await lockStock(tx, productIds);
  const { picks, shortLines } = allocate(lines, levels);
  if (shortLines.length) return shortLines;
  // The writes do not depend on each other's results: sent together, they cost one round trip to the database.
  await Promise.all([
    ...picks.map((pick) => moveStock(tx, pick.productId, pick.warehouseId, { reserved: pick.quantity })),
    tx.insert(reservationLines).values(picks.map((p) => ({ reservationId, ...p }))),
    recordEvents(tx, stockChangedAfter(levels, picks)),
  ]);
  return [];
}

const readLevels = (tx: Tx, productIds: readonly string[]) => tx.select().from(stockLevels).where(inArray(stockLevels.productId, [...productIds]));

/** stock.changed per product from its locked rows (every warehouse of it) plus what this hold adds to reserved. */
function stockChangedAfter(levels: readonly StockLevelRow[], picks: readonly Pick[]) {
  const totals = new Map<string, { onHand: number; reserved: number }>();
  for (const level of levels) {
    const total = totals.get(level.productId) ?? { onHand: 0, reserved: 0 };
    total.onHand += level.onHand;
    total.reserved += level.reserved;
    totals.set(level.productId, total);
  }
  for (const pick of picks) totals.get(pick.productId)!.reserved += pick.quantity;
  return [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([productId, { onHand, reserved }]) => stockChanged({ productId, onHand, reserved, available: onHand - reserved }));
}

/**
 * Reserves all lines or none, in the caller's transaction. The reservation's primary key makes a replay (even a
 * concurrent one, which waits on the first insert) return the stored status instead of reserving twice.
 * OUT_OF_STOCK stores nothing, so a later retry with the same id is judged afresh.
 */
export async function reserve(tx: Tx, request: ReserveRequest): Promise<Result<ReserveOutcome>> {
  const parsed = reserveRequest.safeParse(request);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error));
  const { reservationId, lines, expiresAt } = parsed.data;

  const merged = mergeLines(lines);
  // Claiming the id and reading today's stock go to the database together (one round trip).
  const [created, committed] = await Promise.all([
    tx.insert(reservations).values({ id: reservationId, status: 'RESERVED', expiresAt }).onConflictDoNothing().returning({ id: reservations.id }),
    readLevels(tx, merged.map((l) => l.productId)),
  ]);
  if (created.length === 0) {
    const [stored] = await tx.select({ status: reservations.status }).from(reservations).where(eq(reservations.id, reservationId));
    if (!stored) throw new Error(`reservation ${reservationId} conflicted but cannot be read`);
    return ok({ status: stored.status, replayed: true });
  }

  const shortLines = await holdLines(tx, reservationId, merged, committed);
  if (shortLines.length) {
    await tx.delete(reservations).where(eq(reservations.id, reservationId));
    return ok({ status: 'OUT_OF_STOCK', shortLines });
  }
  return ok({ status: 'RESERVED', replayed: false });
}

import { inArray } from 'drizzle-orm';
import { fail, issuesToUserErrors, ok, zId, type Result } from '@shop/common';
import type { Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { reserveRequest, type ReserveRequest, type ShortLine } from '../contract.js';
import { reservationLines, reservations, stockLevels, type InventorySchema, type ReservationStatus, type StockLevelRow } from '../db/schema.js';
import { readThresholds, recordStockAlerts } from './stock-alerts.js';
import { lockStock, moveStock, stockChangedEvents } from './stock-locks.js';

type Tx = Transaction<InventorySchema>;

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

/** One reservation's lines to hold. */
export interface Hold {
  reservationId: string;
  lines: readonly HoldLine[];
}

/**
 * Holds each reservation's lines, every line or none, judged in the order given: the products' rows are locked once in
 * the global order, each hold is allocated on the locked rows as the holds before it left them, and only holds with
 * nothing short raise reserved counts and write reservation_lines (with one stock.changed per product held, and
 * stock.low / stock.sold_out for each whose available crossed its threshold or reached 0).
 * `committed` is what the caller already read of these products without locks, if it did. Returns the short holds.
 */
export async function holdAll(tx: Tx, holds: readonly Hold[], committed?: readonly StockLevelRow[]): Promise<Map<string, ShortLine[]>> {
  const short = new Map<string, ShortLine[]>();
  // Committed stock already too low is a true answer without queueing for the row locks (losers of a rush return fast).
  const unlockedLevels = committed ?? (await readLevels(tx, productsOf(holds)));
  const contenders = holds.filter((hold) => {
    const { shortLines } = allocate(hold.lines, unlockedLevels);
    if (shortLines.length) short.set(hold.reservationId, shortLines);
    return shortLines.length === 0;
  });
  if (contenders.length === 0) return short;

  const locked = await lockStock(tx, productsOf(contenders));
  const levels = locked.map((level) => ({ ...level }));
  const picks: (Pick & { reservationId: string })[] = [];
  for (const hold of contenders) {
    const allocation = allocate(hold.lines, levels);
    if (allocation.shortLines.length) {
      short.set(hold.reservationId, allocation.shortLines);
      continue;
    }
    for (const pick of allocation.picks) {
      levels.find((l) => l.productId === pick.productId && l.warehouseId === pick.warehouseId)!.reserved += pick.quantity;
      picks.push({ reservationId: hold.reservationId, ...pick });
    }
  }
  if (picks.length === 0) return short;
  // The writes do not depend on each other's results: sent together, they cost one round trip to the database. The
  // thresholds are read in it too, after the locks were granted, so a threshold changed while this waited is seen.
  const taken = takenByProduct(picks);
  const [thresholds] = await Promise.all([
    readThresholds(tx, [...taken.keys()]),
    ...totalsByRow(picks).map((row) => moveStock(tx, row.productId, row.warehouseId, { reserved: row.quantity })),
    tx.insert(reservationLines).values(picks),
    // levels are the locked rows with this transaction's holds added: every warehouse of each product held, after the change.
    recordEvents(tx, stockChangedEvents([...taken.keys()], levels)),
  ]);
  await recordStockAlerts(tx, mayHaveCrossed(taken, levels, thresholds));
  return short;
}

const productsOf = (holds: readonly Hold[]) => [...new Set(holds.flatMap((h) => h.lines.map((l) => l.productId)))];

const readLevels = (tx: Tx, productIds: readonly string[]) => tx.select().from(stockLevels).where(inArray(stockLevels.productId, [...productIds]));

/**
 * Reserves all lines or none, in the caller's transaction. The reservation's primary key makes a replay (even a
 * concurrent one, which waits on the first insert) return the stored status instead of reserving twice.
 * OUT_OF_STOCK stores nothing, so a later retry with the same id is judged afresh.
 */
export async function reserve(tx: Tx, request: ReserveRequest): Promise<Result<ReserveOutcome>> {
  return (await reserveAll(tx, [request]))[0]!;
}

interface Claim extends Hold {
  expiresAt: Date;
}

/**
 * Reserves a batch of requests in the caller's transaction, each all lines or none, judged in the order given:
 * their stock rows are locked once (in the global order), each request is allocated on the locked rows as the earlier
 * ones of the batch left them, and every write goes out together. Under load this is group commit: one transaction
 * and one pass over a hot product's rows for many orders, instead of each order queueing on the row lock in turn.
 * The same reservation id twice in a batch is one reservation: the later request answers as its replay.
 */
export async function reserveAll(tx: Tx, requests: readonly ReserveRequest[]): Promise<Result<ReserveOutcome>[]> {
  const results: Result<ReserveOutcome>[] = new Array(requests.length);
  const holds = new Map<string, { hold: Claim; indexes: number[] }>();
  requests.forEach((request, index) => {
    const parsed = reserveRequest.safeParse(request);
    if (!parsed.success) return void (results[index] = fail(...issuesToUserErrors(parsed.error)));
    const { reservationId, lines, expiresAt } = parsed.data;
    const twin = holds.get(reservationId);
    if (twin) twin.indexes.push(index);
    else holds.set(reservationId, { hold: { reservationId, lines: mergeLines(lines), expiresAt }, indexes: [index] });
  });
  if (holds.size === 0) return results;

  // Ids are claimed in sorted order: two batches sharing ids cannot wait on each other's claims in a cycle.
  const all = [...holds.values()].map((h) => h.hold).sort((a, b) => (a.reservationId < b.reservationId ? -1 : 1));
  // Claiming the ids and reading today's stock go to the database together (one round trip).
  const [created, committed] = await Promise.all([
    tx
      .insert(reservations)
      .values(all.map((h) => ({ id: h.reservationId, status: 'RESERVED' as const, expiresAt: h.expiresAt })))
      .onConflictDoNothing()
      .returning({ id: reservations.id }),
    readLevels(tx, productsOf(all)),
  ]);
  const createdIds = new Set(created.map((r) => r.id));
  const replayed = all.filter((h) => !createdIds.has(h.reservationId)).map((h) => h.reservationId);

  // The stored statuses of replays go to the database together with the holds' first statement (pipelined).
  const [stored, short] = await Promise.all([
    replayed.length ? tx.select({ id: reservations.id, status: reservations.status }).from(reservations).where(inArray(reservations.id, replayed)) : [],
    holdAll(tx, inRequestOrder(all, holds).filter((hold) => createdIds.has(hold.reservationId)), committed),
  ]);
  // OUT_OF_STOCK stores nothing: a retry with the same id is judged afresh.
  if (short.size > 0) await tx.delete(reservations).where(inArray(reservations.id, [...short.keys()]));

  const storedStatus = new Map(stored.map((r) => [r.id, r.status]));
  for (const [reservationId, { indexes }] of holds) {
    let outcome: ReserveOutcome;
    if (!createdIds.has(reservationId)) {
      const status = storedStatus.get(reservationId);
      if (!status) throw new Error(`reservation ${reservationId} conflicted but cannot be read`);
      outcome = { status, replayed: true };
    } else {
      const shortLines = short.get(reservationId);
      outcome = shortLines ? { status: 'OUT_OF_STOCK', shortLines } : { status: 'RESERVED', replayed: false };
    }
    indexes.forEach((index, n) => (results[index] = ok(n > 0 && outcome.status !== 'OUT_OF_STOCK' ? { status: outcome.status, replayed: true } : outcome)));
  }
  return results;
}

/** The holds in the order their requests came (first come, first served), not the sorted order ids are claimed in. */
function inRequestOrder(sorted: readonly Claim[], holds: ReadonlyMap<string, { indexes: number[] }>): Claim[] {
  return [...sorted].sort((a, b) => holds.get(a.reservationId)!.indexes[0]! - holds.get(b.reservationId)!.indexes[0]!);
}

/**
 * The products (with the units taken) whose available may now be at or below their threshold, judged on the locked
 * rows after the picks. The lock's read can only miss a warehouse row inserted while it waited (rows are never
 * deleted), so the true available is never lower than this: a product above its threshold here crossed nothing, and
 * only the others cost recordStockAlerts' exact read (a product that is low already, or just became so).
 */
function mayHaveCrossed(taken: ReadonlyMap<string, number>, levelsAfter: readonly StockLevelRow[], thresholds: ReadonlyMap<string, number>): Map<string, number> {
  const candidates = new Map<string, number>();
  for (const [productId, units] of taken) {
    const available = levelsAfter.filter((l) => l.productId === productId).reduce((sum, l) => sum + l.onHand - l.reserved, 0);
    if (available <= thresholds.get(productId)!) candidates.set(productId, units);
  }
  return candidates;
}

/** Units each product's available lost to these picks. */
function takenByProduct(picks: readonly Pick[]): Map<string, number> {
  const taken = new Map<string, number>();
  for (const pick of picks) taken.set(pick.productId, (taken.get(pick.productId) ?? 0) + pick.quantity);
  return taken;
}

/** One reserved-count change per stock row, however many holds of the batch took from it. */
function totalsByRow(picks: readonly Pick[]): { productId: string; warehouseId: string; quantity: number }[] {
  const rows = new Map<string, { productId: string; warehouseId: string; quantity: number }>();
  for (const pick of picks) {
    const key = `${pick.productId}/${pick.warehouseId}`;
    const row = rows.get(key);
    if (row) row.quantity += pick.quantity;
    else rows.set(key, { productId: pick.productId, warehouseId: pick.warehouseId, quantity: pick.quantity });
  }
  // In the global lock order, as every other path touches stock rows.
  return [...rows.values()].sort((a, b) => (a.productId === b.productId ? (a.warehouseId < b.warehouseId ? -1 : 1) : a.productId < b.productId ? -1 : 1));
}

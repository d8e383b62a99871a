import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isAdmin, type Viewer } from '@shop/auth';
import { fail, issuesToUserErrors, ok, parseDecimalToMinor, userError, zId, zProductLines, type Result, type UserError } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { SubgraphUnavailableError } from '@shop/server';
import { storeSaleRecorded } from '../contract.js';
import { stockMovements, storeSaleLines, storeSales, warehouses, type InventorySchema, type StoreSaleLineRow, type StoreSaleRow } from '../db/schema.js';
import { InventoryErrorCode } from '../errors.js';
import type { ProductDirectory, ProductRef } from './product-directory.js';
import { allocate, mergeLines } from './reserve.js';
import { rememberSellers } from './sellers.js';
import { recordStockAlerts } from './stock-alerts.js';
import { lockStock, moveStock, stockChangedEvents } from './stock-locks.js';

type Db = Database<InventorySchema>;
type Tx = Transaction<InventorySchema>;

export const MAX_STORE_SALE_LINES = 100;
export const MAX_STORE_SALE_QUANTITY = 999;
/** A sale's total stays far inside bigint, and inside the event's JavaScript numbers. */
const MAX_STORE_SALE_TOTAL_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

const storeSaleInput = z.object({
  warehouseId: zId,
  lines: zProductLines(MAX_STORE_SALE_QUANTITY, MAX_STORE_SALE_LINES),
  idempotencyKey: z.string().trim().min(1, { message: 'Must not be empty.' }).max(200, { message: 'Must be at most 200 characters.' }),
});

export interface StoreSaleInput {
  warehouseId: string;
  lines: readonly { productId: string; quantity: number }[];
  idempotencyKey: string;
}

/** A sale as the API shows it: its row and its lines in the order given. */
export type StoreSaleView = StoreSaleRow & { lines: StoreSaleLineRow[] };

/** A counter sale's store seller and admins see it. */
export const mayReadStoreSale = (viewer: Viewer | null, sale: Pick<StoreSaleRow, 'sellerId'>): boolean => !!viewer && (isAdmin(viewer) || sale.sellerId === viewer.id);

export async function findStoreSale(db: Db, id: string): Promise<StoreSaleView | null> {
  const [sale] = await db.select().from(storeSales).where(eq(storeSales.id, id));
  return sale ? withLines(db, sale) : null;
}

async function withLines(db: Db | Tx, sale: StoreSaleRow): Promise<StoreSaleView> {
  const lines = await db.select().from(storeSaleLines).where(eq(storeSaleLines.saleId, sale.id)).orderBy(asc(storeSaleLines.lineNo));
  return { ...sale, lines };
}

interface PricedLine {
  productId: string;
  quantity: number;
  unitPriceMinor: bigint;
}

/**
 * A sale at a STORE's counter by its seller (or an admin): every line or none. Units come only from that store's stock
 * rows, taken on the same locked rows as web reservations (lockStock's global order, available = onHand - reserved),
 * so a counter sale and an online order can never both have the last unit: whichever locks second sees it gone.
 * Writes SALE movements noted with the receipt number, the sale and its lines, stock.changed (+ low / sold-out
 * crossings) and store_sale.recorded, in one transaction. The same (cashier, idempotencyKey) answers the stored sale.
 */
export async function recordStoreSale(db: Db, products: ProductDirectory, viewer: Viewer, input: StoreSaleInput): Promise<Result<StoreSaleView>> {
  const parsed = storeSaleInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const { warehouseId, lines, idempotencyKey } = parsed.data;

  const replay = await findByKey(db, viewer.id, idempotencyKey);
  if (replay) return ok(await withLines(db, replay));

  const [store] = await db.select().from(warehouses).where(eq(warehouses.id, warehouseId));
  if (!store || store.kind !== 'STORE' || !store.sellerId) return fail(userError(InventoryErrorCode.NotFound, 'No store has this ID.', ['input', 'warehouseId']));
  if (!isAdmin(viewer) && store.sellerId !== viewer.id) return fail(userError(InventoryErrorCode.Forbidden, "Only the store's seller or an admin can sell at it."));
  const sellerId = store.sellerId;

  let found: Map<string, ProductRef>;
  try {
    found = await products.findProducts(lines.map((l) => l.productId));
  } catch (error) {
    if (error instanceof SubgraphUnavailableError) return fail(userError(InventoryErrorCode.ServiceUnavailable, 'The product catalogue is not answering; try again shortly.'));
    throw error;
  }
  const priced = priceLines(lines, found, sellerId);
  if (!priced.ok) return priced;
  const { currency, totalMinor } = priced.value;

  return db.transaction(async (tx) => {
    // The (cashier, key) claim comes first: a concurrent twin waits here on the unique key, then answers this sale.
    const [claimed] = await tx
      .insert(storeSales)
      .values({ warehouseId, sellerId, cashierId: viewer.id, idempotencyKey, totalMinor, currency, receiptNumber: nextReceiptNumber })
      .onConflictDoNothing({ target: [storeSales.cashierId, storeSales.idempotencyKey] })
      .returning();
    if (!claimed) return ok(await withLines(tx, (await findByKey(tx, viewer.id, idempotencyKey))!));

    const wanted = mergeLines(priced.value.lines);
    const locked = await lockStock(tx, wanted.map((l) => l.productId));
    const { picks, shortLines } = allocate(wanted, locked.filter((level) => level.warehouseId === warehouseId));
    if (shortLines.length) {
      // Nothing is kept of a refused sale: a retry with the same key is judged afresh.
      await tx.delete(storeSales).where(eq(storeSales.id, claimed.id));
      return fail(...shortLines.map(outOfStock));
    }

    await rememberSellers(tx, [...found.values()]);
    const levels = locked.map((level) => ({ ...level }));
    for (const pick of picks) {
      await moveStock(tx, pick.productId, warehouseId, { onHand: -pick.quantity });
      levels.find((l) => l.productId === pick.productId && l.warehouseId === warehouseId)!.onHand -= pick.quantity;
    }
    const saleLines = priced.value.lines.map((line, lineNo) => ({ saleId: claimed.id, lineNo, ...line }));
    await Promise.all([
      tx.insert(stockMovements).values(
        picks.map((pick) => ({ productId: pick.productId, warehouseId, delta: -pick.quantity, reason: 'SALE' as const, actorId: viewer.id, note: claimed.receiptNumber })),
      ),
      tx.insert(storeSaleLines).values(saleLines),
      recordEvents(tx, [
        ...stockChangedEvents(picks.map((p) => p.productId), levels),
        storeSaleRecorded.create({
          saleId: claimed.id,
          receiptNumber: claimed.receiptNumber,
          warehouseId,
          sellerId,
          cashierId: viewer.id,
          lines: saleLines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPriceMinor: Number(l.unitPriceMinor) })),
          totalMinor: Number(totalMinor),
          currency,
          at: claimed.createdAt.toISOString(),
        }),
      ]),
    ]);
    await recordStockAlerts(tx, new Map(picks.map((p) => [p.productId, p.quantity])));
    return ok({ ...claimed, lines: saleLines });
  });
}

/** POS-000001, POS-000002, …: six digits at least, more once the sequence passes 999999 (lpad alone would cut them). */
const nextReceiptNumber = sql<string>`(select 'POS-' || lpad(n::text, greatest(6, length(n::text)), '0') from (select nextval('store_sale_receipt_seq') as n) as next)`;

async function findByKey(db: Db | Tx, cashierId: string, idempotencyKey: string): Promise<StoreSaleRow | undefined> {
  const [sale] = await db.select().from(storeSales).where(and(eq(storeSales.cashierId, cashierId), eq(storeSales.idempotencyKey, idempotencyKey)));
  return sale;
}

const outOfStock = (short: { index: number; requested: number; available: number }): UserError =>
  userError(InventoryErrorCode.OutOfStock, `Only ${short.available} of the ${short.requested} units asked for are available in this store.`, [
    'input',
    'lines',
    String(short.index),
    'quantity',
  ]);

/** Today's price of every line; each must be an ACTIVE product of the store's seller, with a price, all in one currency. */
function priceLines(
  lines: readonly { productId: string; quantity: number }[],
  found: ReadonlyMap<string, ProductRef>,
  sellerId: string,
): Result<{ lines: PricedLine[]; currency: string; totalMinor: bigint }> {
  const errors: UserError[] = [];
  const priced: (PricedLine & { currency: string })[] = [];
  lines.forEach((line, i) => {
    const product = found.get(line.productId);
    const unitPriceMinor = product?.price ? parseDecimalToMinor(product.price.amount) : null;
    if (!product || product.sellerId !== sellerId || product.status !== 'ACTIVE' || unitPriceMinor === null || unitPriceMinor <= 0n) {
      errors.push(userError(InventoryErrorCode.NotPurchasable, "Only the store seller's active products with a price can be sold here.", ['input', 'lines', String(i), 'productId']));
      return;
    }
    priced.push({ productId: line.productId, quantity: line.quantity, unitPriceMinor, currency: product.price!.currency });
  });
  if (errors.length) return fail(...errors);
  const currency = priced[0]!.currency;
  priced.forEach((line, i) => {
    if (line.currency !== currency) errors.push(userError(InventoryErrorCode.InvalidInput, `Every line must be in one currency (${currency}).`, ['input', 'lines', String(i), 'productId']));
  });
  const totalMinor = priced.reduce((sum, l) => sum + l.unitPriceMinor * BigInt(l.quantity), 0n);
  if (totalMinor > MAX_STORE_SALE_TOTAL_MINOR) errors.push(userError(InventoryErrorCode.InvalidInput, 'The sale total is larger than one sale can take.', ['input', 'lines']));
  if (errors.length) return fail(...errors);
  return ok({ lines: priced.map(({ currency: _currency, ...line }) => line), currency, totalMinor });
}

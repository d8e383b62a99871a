import { and, count, desc, eq, sql } from 'drizzle-orm';
import { fail, ok, toConnection, encodeCursor, userError, type Connection, type Result } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import {
  stockLevels,
  stockMovements,
  warehouses,
  type InventorySchema,
  type StockLevelRow,
  type StockMovementReason,
  type StockMovementRow,
  type WarehouseRow,
} from '../db/schema.js';
import { InventoryErrorCode } from '../errors.js';
import { recordStockAlerts } from './stock-alerts.js';
import { lockStock, recordStockChanged } from './stock-locks.js';

/** Far below int4's limit, so adding a maximal delta can never overflow the column. */
export const MAX_ON_HAND = 1_000_000_000;

export interface StockChange {
  productId: string;
  warehouseId: string;
  /** Non-zero; positive adds units to on_hand, negative removes them. */
  delta: number;
  reason: StockMovementReason;
  /** Who made the change; null for the system. */
  actorId: string | null;
  note?: string | null;
  /** Set when the change must happen once only (stock_movements.reference is unique), e.g. "reorder:<id>". */
  reference?: string | null;
}

/**
 * Applies a change to on_hand and writes its ledger row, in the caller's transaction.
 * One conditional statement does the check and the write, so concurrent changes can never take on_hand below reserved.
 * The product's rows are locked first (in the global order) so the stock.changed totals recorded with it are exact,
 * and so is a removal's stock.low / stock.sold_out when it crosses the product's threshold or reaches 0 (an addition's
 * stock.back_in_stock when it rises from 0).
 */
export async function recordStockChange(tx: Transaction<InventorySchema>, change: StockChange): Promise<Result<StockLevelRow>> {
  const { productId, warehouseId, delta } = change;
  await lockStock(tx, [productId]);
  const [level] =
    delta > 0
      ? await tx
          .insert(stockLevels)
          .values({ productId, warehouseId, onHand: delta, reserved: 0 })
          .onConflictDoUpdate({
            target: [stockLevels.productId, stockLevels.warehouseId],
            set: { onHand: sql`${stockLevels.onHand} + ${delta}` },
            setWhere: sql`${stockLevels.onHand} + ${delta} <= ${MAX_ON_HAND}`,
          })
          .returning()
      : await tx
          .update(stockLevels)
          .set({ onHand: sql`${stockLevels.onHand} + ${delta}` })
          .where(
            and(
              eq(stockLevels.productId, productId),
              eq(stockLevels.warehouseId, warehouseId),
              sql`${stockLevels.onHand} + ${delta} >= ${stockLevels.reserved}`,
            ),
          )
          .returning();
  if (!level) {
    return delta > 0
      ? fail(userError(InventoryErrorCode.InvalidInput, `A warehouse can hold at most ${MAX_ON_HAND} units of a product.`, ['input', 'delta']))
      : fail(userError(InventoryErrorCode.InsufficientStock, 'Not enough unreserved units in this warehouse to remove that many.', ['input', 'delta']));
  }
  await tx.insert(stockMovements).values({ productId, warehouseId, delta, reason: change.reason, actorId: change.actorId, note: change.note ?? null, reference: change.reference ?? null });
  await recordStockChanged(tx, [productId]);
  await recordStockAlerts(tx, new Map([[productId, -delta]]));
  return ok(level);
}

export type StockMovementView = StockMovementRow & { warehouse: WarehouseRow };

/** A product's ledger, newest first; `after` is the id of the last movement already seen. */
export async function listStockMovements(
  db: Database<InventorySchema>,
  productId: string,
  first: number,
  after?: string | null,
): Promise<Connection<StockMovementView>> {
  // Compared inside PostgreSQL so microsecond timestamps never round-trip through JavaScript dates.
  const afterCondition = after
    ? sql`(${stockMovements.createdAt}, ${stockMovements.id}) < (select m.created_at, m.id from ${stockMovements} m where m.id = ${after})`
    : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ movement: stockMovements, warehouse: warehouses })
      .from(stockMovements)
      .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
      .where(and(eq(stockMovements.productId, productId), afterCondition))
      .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
      .limit(first + 1),
    db.select({ value: count() }).from(stockMovements).where(eq(stockMovements.productId, productId)),
  ]);
  const views = rows.map(({ movement, warehouse }) => ({ ...movement, warehouse }));
  return toConnection(views, first, (view) => encodeCursor([view.id]), total?.value ?? 0);
}

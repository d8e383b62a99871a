import { and, asc, count, eq, sql } from 'drizzle-orm';
import { badUserInput, decodeCursor, encodeCursor, toConnection, type Connection } from '@shop/common';
import type { Database } from '@shop/db';
import { stockLevels, stockSettings, type InventorySchema } from '../db/schema.js';
import { DEFAULT_LOW_STOCK_THRESHOLD } from './stock.js';

/** One product's place in the overview; its stock itself is read by the Product.stock loader. */
export interface StockOverviewEntry {
  productId: string;
  /** 0 when the product is low on stock, 1 otherwise: low stock sorts first. */
  rank: number;
  available: number;
}

/**
 * Every product with a stock level in any warehouse, low stock first: lowStock ones (available at or below the
 * product's threshold), fewest available first, then the rest the same way, ties by product id. Keyset pages on
 * (rank, available, product id); a change of stock between two pages can move a product across the cursor.
 */
export async function listStockOverview(
  db: Database<InventorySchema>,
  options: { lowStockOnly: boolean },
  first: number,
  after?: string | null,
): Promise<Connection<StockOverviewEntry>> {
  const available = sql`sum(greatest(${stockLevels.onHand} - ${stockLevels.reserved}, 0))`;
  const totals = db.$with('totals').as(
    db
      .select({
        productId: stockLevels.productId,
        rank: sql<number>`case when ${available} <= coalesce(max(${stockSettings.lowStockThreshold}), ${DEFAULT_LOW_STOCK_THRESHOLD}) then 0 else 1 end`.as('rank'),
        available: sql<number>`${available}::bigint`.mapWith(Number).as('available'),
      })
      .from(stockLevels)
      .leftJoin(stockSettings, eq(stockSettings.productId, stockLevels.productId))
      .groupBy(stockLevels.productId),
  );
  const filter = options.lowStockOnly ? eq(totals.rank, 0) : undefined;
  let afterCondition;
  if (after) {
    const [rank, units, productId] = decodeCursor(after, 3);
    if (typeof rank !== 'number' || typeof units !== 'number' || typeof productId !== 'string' || !/^[0-9a-f-]{36}$/i.test(productId)) {
      throw badUserInput('The cursor is not valid for this list.', ['after']);
    }
    afterCondition = sql`(${totals.rank}, ${totals.available}, ${totals.productId}) > (${rank}::int, ${units}::bigint, ${productId}::uuid)`;
  }
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .with(totals)
      .select()
      .from(totals)
      .where(and(filter, afterCondition))
      .orderBy(asc(totals.rank), asc(totals.available), asc(totals.productId))
      .limit(first + 1),
    db.with(totals).select({ total: count() }).from(totals).where(filter),
  ]);
  return toConnection(rows, first, (row) => encodeCursor([row.rank, row.available, row.productId]), total);
}

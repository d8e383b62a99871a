import { badUserInput } from '@shop/common';
import { sql } from 'drizzle-orm';
import type { Database } from '@shop/db';
import type { AnalyticsSchema } from '../db/schema.js';
import { productInScope, rowsOf, type Scope } from './scope.js';
import { utcDay } from './days.js';

/** Days of sales behind cover, turnover and dead stock: the last 30 UTC days, today included. */
export const HEALTH_WINDOW_DAYS = 30;
export const MAX_HEALTH_ROWS = 500;

export interface InventoryHealthRow {
  productId: string;
  available: number;
  daysOfCover: number | null;
  turnover: number;
  deadStock: boolean;
}

/**
 * Each product of the scope (those analytics knows from product.changed): units available now (the latest
 * stock.changed's totals), units sold in the window (sales_daily, net of refunds), the average on hand over the window
 * (its start's and now's, from stock history), and what follows from them. Least cover first; nothing sold last.
 */
export async function inventoryHealth(db: Pick<Database<AnalyticsSchema>, 'execute'>, scope: Scope, first: number, now = new Date()): Promise<InventoryHealthRow[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_HEALTH_ROWS) throw badUserInput(`first must be between 1 and ${MAX_HEALTH_ROWS}.`, ['first']);
  const today = utcDay(now);
  const rows = rowsOf<{ product_id: string; available: number; sold: number; on_hand_start: number; on_hand_now: number }>(
    await db.execute(sql`
      with window_start as (select (${today}::date - ${HEALTH_WINDOW_DAYS - 1}::int) as day)
      select pf.product_id,
        coalesce(latest.available, 0)::int as available,
        coalesce((select sum(sd.units) from sales_daily sd, window_start w where sd.product_id = pf.product_id and sd.day >= w.day and sd.day <= ${today}::date), 0)::int as sold,
        coalesce(
          (select h.on_hand from stock_history h, window_start w where h.product_id = pf.product_id and h.at < (w.day::timestamp at time zone 'UTC') order by h.at desc, h.event_id desc limit 1),
          (select h.on_hand from stock_history h, window_start w where h.product_id = pf.product_id and h.at >= (w.day::timestamp at time zone 'UTC') order by h.at, h.event_id limit 1),
          latest.on_hand, 0)::int as on_hand_start,
        coalesce(latest.on_hand, 0)::int as on_hand_now
      from product_facts pf
      left join lateral (select h.on_hand, h.available from stock_history h where h.product_id = pf.product_id order by h.at desc, h.event_id desc limit 1) latest on true
      where ${productInScope(scope, sql`pf.product_id`)}`),
  );
  return rows
    .map((row) => {
      const sold = Number(row.sold);
      const available = Number(row.available);
      const averageOnHand = (Number(row.on_hand_start) + Number(row.on_hand_now)) / 2;
      return {
        productId: row.product_id,
        available,
        daysOfCover: sold > 0 ? available / (sold / HEALTH_WINDOW_DAYS) : null,
        turnover: averageOnHand > 0 ? sold / averageOnHand : 0,
        deadStock: available > 0 && sold <= 0,
      };
    })
    .sort((a, b) => (a.daysOfCover ?? Infinity) - (b.daysOfCover ?? Infinity) || a.productId.localeCompare(b.productId))
    .slice(0, first);
}

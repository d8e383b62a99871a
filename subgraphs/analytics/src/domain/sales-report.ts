import { badUserInput } from '@shop/common';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@shop/db';
import type { AnalyticsSchema } from '../db/schema.js';
import { DEFAULT_CURRENCY } from './projection.js';
import { orderInScope, productInScope, rowsOf, type Scope } from './scope.js';

export type Granularity = 'DAY' | 'WEEK' | 'MONTH';
type Db = Pick<Database<AnalyticsSchema>, 'execute'>;

/** A report's range, [from, to), and whose products it covers. */
export interface ReportRange {
  from: Date;
  to: Date;
  scope: Scope;
}

export interface SalesFigures {
  period: Date;
  units: number;
  orders: number;
  revenueMinor: number;
  currency: string;
}

/** Longest range a report may cover. */
export const MAX_RANGE_YEARS = 2;

/** from/to as a report range, or BAD_USER_INPUT (the platform's code for a query's bad argument): both dates, to after from, at most two years apart. */
export function reportRange(from: unknown, to: unknown, scope: Scope): ReportRange {
  const start = new Date(String(from));
  const end = new Date(String(to));
  if (Number.isNaN(start.getTime())) throw invalid('from is not a date-time.', 'from');
  if (Number.isNaN(end.getTime())) throw invalid('to is not a date-time.', 'to');
  if (end <= start) throw invalid('to must be after from.', 'to');
  const limit = new Date(start);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_RANGE_YEARS);
  if (end > limit) throw invalid(`A report covers at most ${MAX_RANGE_YEARS} years.`, 'to');
  return { from: start, to: end, scope };
}

/** An instant as a query parameter (an ISO string, which every driver passes the same way). */
export const ts = (at: Date): SQL => sql`${at.toISOString()}::timestamptz`;

const invalid = (message: string, field: string) => badUserInput(message, [field]);

/** The ledger rows (sales and their reversals) inside the range and scope. */
const ledgerIn = (r: ReportRange): SQL => sql`l.at >= ${ts(r.from)} and l.at < ${ts(r.to)} and ${productInScope(r.scope, sql`l.product_id`)}`;

/** Net orders: orders whose sale falls in the set, less those whose reversal does. */
const figures = sql`coalesce(sum(l.units), 0)::int as units,
  coalesce(sum(l.revenue_minor), 0)::bigint as revenue_minor,
  (count(distinct l.order_id) filter (where l.kind = 'SALE') - count(distinct l.order_id) filter (where l.kind = 'REFUND'))::int as orders,
  min(l.currency) as currency`;

interface FigureRow {
  units: number;
  revenue_minor: string | number;
  orders: number;
  currency: string | null;
}
const toFigures = (period: Date, row: FigureRow | undefined): SalesFigures => ({
  period,
  units: Number(row?.units ?? 0),
  orders: Number(row?.orders ?? 0),
  revenueMinor: Number(row?.revenue_minor ?? 0),
  currency: row?.currency ?? DEFAULT_CURRENCY,
});

export async function salesTotals(db: Db, r: ReportRange): Promise<SalesFigures> {
  const [row] = rowsOf<FigureRow>(await db.execute(sql`select ${figures} from sales_ledger l where ${ledgerIn(r)}`));
  return toFigures(r.from, row);
}

const UNITS: Record<Granularity, SQL> = { DAY: sql.raw(`'day'`), WEEK: sql.raw(`'week'`), MONTH: sql.raw(`'month'`) };

/** One point per UTC day, ISO week or month touching the range, empty periods included, oldest first. */
export async function salesSeries(db: Db, r: ReportRange, granularity: Granularity): Promise<SalesFigures[]> {
  const unit = UNITS[granularity];
  const rows = rowsOf<FigureRow & { period: string | Date }>(
    await db.execute(sql`
      with periods as (
        select generate_series(date_trunc(${unit}, ${ts(r.from)} at time zone 'UTC'), ${ts(r.to)} at time zone 'UTC' - interval '1 microsecond', ('1 ' || ${unit})::interval) as period
      ), sold as (
        select date_trunc(${unit}, l.at at time zone 'UTC') as period, ${figures} from sales_ledger l where ${ledgerIn(r)} group by 1
      )
      select (p.period at time zone 'UTC') as period, s.units, s.revenue_minor, s.orders, s.currency
      from periods p left join sold s on s.period = p.period order by p.period`),
  );
  const currency = rows.find((row) => row.currency)?.currency ?? DEFAULT_CURRENCY;
  return rows.map((row) => ({ ...toFigures(new Date(row.period), row), currency }));
}

export interface ProductSalesRow {
  productId: string;
  units: number;
  revenueMinor: number;
  /** null when the product has no cost price. */
  profitMinor: number | null;
  currency: string;
}

/** Products by net revenue (then units), with profit at their current cost price. */
export async function topProducts(db: Db, r: ReportRange, first: number): Promise<ProductSalesRow[]> {
  const rows = rowsOf<{ product_id: string; units: number; revenue_minor: string; profit_minor: string | null; currency: string }>(
    await db.execute(sql`
      select l.product_id, sum(l.units)::int as units, sum(l.revenue_minor)::bigint as revenue_minor,
        (sum(l.revenue_minor) - sum(l.units) * max(pf.cost_price_minor))::bigint as profit_minor, min(l.currency) as currency
      from sales_ledger l left join product_facts pf on pf.product_id = l.product_id
      where ${ledgerIn(r)}
      group by l.product_id
      having sum(l.units) <> 0 or sum(l.revenue_minor) <> 0
      order by 3 desc, 2 desc, 1 limit ${first}`),
  );
  return rows.map((row) => ({
    productId: row.product_id, units: Number(row.units), revenueMinor: Number(row.revenue_minor),
    profitMinor: row.profit_minor === null ? null : Number(row.profit_minor), currency: row.currency,
  }));
}

export interface CategorySalesRow {
  categoryId: string;
  units: number;
  revenueMinor: number;
  currency: string;
}

/** Categories (each product's current one) by net revenue, then units; products without a category are left out. */
export async function topCategories(db: Db, r: ReportRange, first: number): Promise<CategorySalesRow[]> {
  const rows = rowsOf<{ category_id: string; units: number; revenue_minor: string; currency: string }>(
    await db.execute(sql`
      select pf.category_id, sum(l.units)::int as units, sum(l.revenue_minor)::bigint as revenue_minor, min(l.currency) as currency
      from sales_ledger l join product_facts pf on pf.product_id = l.product_id
      where ${ledgerIn(r)} and pf.category_id is not null
      group by pf.category_id
      having sum(l.units) <> 0 or sum(l.revenue_minor) <> 0
      order by 3 desc, 2 desc, 1 limit ${first}`),
  );
  return rows.map((row) => ({ categoryId: row.category_id, units: Number(row.units), revenueMinor: Number(row.revenue_minor), currency: row.currency }));
}

/**
 * Of the customers with a paid order in the range, the share with at least one other paid order before the range's
 * end (so one paid earlier than their last in the range). Orders in the scope only; refunds do not undo a payment here.
 */
export async function repeatCustomerRate(db: Db, r: ReportRange): Promise<number> {
  const [row] = rowsOf<{ payers: number; repeaters: number }>(
    await db.execute(sql`
      with paid as (
        select o.customer_id, count(*) as n, bool_or(o.paid_at >= ${ts(r.from)}) as in_range
        from order_facts o where o.paid_at is not null and o.paid_at < ${ts(r.to)} and ${orderInScope(r.scope, sql`o.order_id`)}
        group by o.customer_id
      )
      select (count(*) filter (where in_range))::int as payers, (count(*) filter (where in_range and n >= 2))::int as repeaters from paid`),
  );
  return row && row.payers > 0 ? Number(row.repeaters) / Number(row.payers) : 0;
}

/** Of the orders placed in the range (in the scope), the share that was paid (whenever). */
export async function conversionRate(db: Db, r: ReportRange): Promise<number> {
  const [row] = rowsOf<{ placed: number; paid: number }>(
    await db.execute(sql`
      select count(*)::int as placed, (count(*) filter (where o.paid_at is not null))::int as paid
      from order_facts o where o.placed_at >= ${ts(r.from)} and o.placed_at < ${ts(r.to)} and ${orderInScope(r.scope, sql`o.order_id`)}`),
  );
  return row && row.placed > 0 ? Number(row.paid) / Number(row.placed) : 0;
}

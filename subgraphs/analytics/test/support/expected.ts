import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@shop/db';
import type { AnalyticsSchema } from '../../src/db/schema.js';

/**
 * The report's figures computed straight from event_log's envelopes with plain SQL over jsonb: written here, apart
 * from the projection, so a test compares two independent readings of the same events.
 */
const ledger = sql`
  ev as (select envelope->'payload' as p, envelope->>'type' as type, (envelope->>'occurredAt')::timestamptz as at from event_log),
  paid as (select p->>'orderId' as order_id, min(at) as at from ev where type = 'order.status_changed' and p->>'to' = 'PAID' group by 1),
  paid_event as (
    select distinct on (p->>'orderId') p->>'orderId' as order_id, p->>'customerId' as customer_id, p->'lines' as lines
    from ev where type = 'order.status_changed' and p->>'to' = 'PAID' order by p->>'orderId', at),
  cancelled as (select p->>'orderId' as order_id, min(at) as at from ev where type = 'order.status_changed' and p->>'to' = 'CANCELLED' and p->>'from' in ('PAID', 'SHIPPED', 'DELIVERED') group by 1),
  refunded as (
    select c.order_id, min(ev.at) as at from cancelled c
    join ev on ev.type = 'payment.status_changed' and ev.p->>'status' = 'REFUNDED' and ev.p->>'orderId' = c.order_id and ev.at >= c.at group by 1),
  line as (
    select e.order_id, e.customer_id, l->>'productId' as product_id, sum((l->>'quantity')::int) as units, sum((l->>'quantity')::int * (l->>'unitPriceMinor')::bigint) as revenue
    from paid_event e, jsonb_array_elements(e.lines) l group by 1, 2, 3),
  ledger as (
    select line.*, 'SALE' as kind, paid.at from line join paid using (order_id)
    union all
    select line.order_id, line.customer_id, line.product_id, -line.units, -line.revenue, 'REFUND', refunded.at from line join refunded using (order_id)),
  facts as (
    select distinct on (p->>'productId') p->>'productId' as product_id, p->>'sellerId' as seller_id, p->>'categoryId' as category_id, (p->>'costPriceMinor')::bigint as cost
    from ev where type = 'product.changed' order by p->>'productId', at desc),
  placed as (select p->>'orderId' as order_id, p->>'customerId' as customer_id, p->'lines' as lines, at from ev where type = 'order.status_changed' and p->>'from' is null),
  order_line as (
    select distinct on (p->>'orderId', l->>'productId') p->>'orderId' as order_id, l->>'productId' as product_id from ev, jsonb_array_elements(p->'lines') l where type = 'order.status_changed')`;

const rows = async <T>(db: Database<AnalyticsSchema>, query: SQL): Promise<T[]> => {
  const result = (await db.execute(query)) as unknown;
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
};

export interface Expected {
  totals: { units: number; orders: number; revenue: number };
  series: Record<'DAY' | 'WEEK' | 'MONTH', Map<string, { units: number; orders: number; revenue: number }>>;
  topProducts: { productId: string; units: number; revenue: number; profit: number | null }[];
  topCategories: { categoryId: string; units: number; revenue: number }[];
  repeatCustomerRate: number;
  conversionRate: number;
}

export async function expectedReport(db: Database<AnalyticsSchema>, from: Date, to: Date, sellerId: string | null): Promise<Expected> {
  const f = sql`${from.toISOString()}::timestamptz`;
  const t = sql`${to.toISOString()}::timestamptz`;
  const mine = sellerId === null ? sql`true` : sql`f.seller_id = ${sellerId}`;
  const scoped = sql`with ${ledger}, scoped as (select ledger.* from ledger left join facts f using (product_id) where ${mine} and ledger.at >= ${f} and ledger.at < ${t})`;
  const num = (v: unknown) => Number(v ?? 0);

  const [totals] = await rows<{ units: string; revenue: string; sales: string; refunds: string }>(
    db,
    sql`${scoped} select sum(units) as units, sum(revenue) as revenue, count(distinct order_id) filter (where kind = 'SALE') as sales, count(distinct order_id) filter (where kind = 'REFUND') as refunds from scoped`,
  );
  const series = {} as Expected['series'];
  for (const g of ['DAY', 'WEEK', 'MONTH'] as const) {
    const unit = sql.raw(`'${g.toLowerCase()}'`);
    const points = await rows<{ period: string; units: string; revenue: string; sales: string; refunds: string }>(
      db,
      sql`${scoped} select to_char(date_trunc(${unit}, at at time zone 'UTC'), 'YYYY-MM-DD') as period, sum(units) as units, sum(revenue) as revenue,
        count(distinct order_id) filter (where kind = 'SALE') as sales, count(distinct order_id) filter (where kind = 'REFUND') as refunds from scoped group by 1`,
    );
    series[g] = new Map(points.map((p) => [p.period, { units: num(p.units), revenue: num(p.revenue), orders: num(p.sales) - num(p.refunds) }]));
  }
  const products = await rows<{ product_id: string; units: string; revenue: string; cost: string | null }>(
    db,
    sql`${scoped} select s.product_id, sum(s.units) as units, sum(s.revenue) as revenue, max(f.cost) as cost from scoped s left join facts f using (product_id)
      group by 1 having sum(s.units) <> 0 or sum(s.revenue) <> 0 order by 3 desc, 2 desc, 1`,
  );
  const categories = await rows<{ category_id: string; units: string; revenue: string }>(
    db,
    sql`${scoped} select f.category_id, sum(s.units) as units, sum(s.revenue) as revenue from scoped s join facts f using (product_id) where f.category_id is not null
      group by 1 having sum(s.units) <> 0 or sum(s.revenue) <> 0 order by 3 desc, 2 desc, 1`,
  );
  // Orders of the scope: those with a line of the seller's products.
  const orderMine = sellerId === null ? sql`true` : sql`exists (select 1 from order_line ol join facts f using (product_id) where ol.order_id = o.order_id and f.seller_id = ${sellerId})`;
  const [repeat] = await rows<{ payers: string; repeaters: string }>(
    db,
    sql`with ${ledger}, orders_paid as (select o.order_id, e.customer_id, o.at from paid o join paid_event e using (order_id) where o.at < ${t} and ${orderMine}),
      customers as (select customer_id, count(*) as n, bool_or(at >= ${f}) as in_range from orders_paid group by 1)
      select count(*) filter (where in_range) as payers, count(*) filter (where in_range and n >= 2) as repeaters from customers`,
  );
  const [conversion] = await rows<{ placed: string; paid: string }>(
    db,
    sql`with ${ledger} select count(*) as placed, count(paid.order_id) as paid from placed o left join paid using (order_id) where o.at >= ${f} and o.at < ${t} and ${orderMine}`,
  );
  return {
    totals: { units: num(totals?.units), revenue: num(totals?.revenue), orders: num(totals?.sales) - num(totals?.refunds) },
    series,
    topProducts: products.map((p) => ({
      productId: p.product_id, units: num(p.units), revenue: num(p.revenue), profit: p.cost === null ? null : num(p.revenue) - num(p.units) * num(p.cost),
    })),
    topCategories: categories.map((c) => ({ categoryId: c.category_id, units: num(c.units), revenue: num(c.revenue) })),
    repeatCustomerRate: num(repeat?.payers) > 0 ? num(repeat?.repeaters) / num(repeat?.payers) : 0,
    conversionRate: num(conversion?.placed) > 0 ? num(conversion?.paid) / num(conversion?.placed) : 0,
  };
}

export interface ExpectedHealth {
  productId: string;
  available: number;
  sold: number;
  onHandStart: number;
  onHandNow: number;
}

/** Per product of the scope: latest stock.changed totals, units sold in the 30 UTC days to today, on hand at the window's start. */
export async function expectedHealth(db: Database<AnalyticsSchema>, now: Date, sellerId: string | null): Promise<ExpectedHealth[]> {
  const today = now.toISOString().slice(0, 10);
  const mine = sellerId === null ? sql`true` : sql`f.seller_id = ${sellerId}`;
  const found = await rows<{ product_id: string; available: string | null; sold: string | null; before: string | null; first_in: string | null; on_hand: string | null }>(
    db,
    sql`with ${ledger},
      stock as (select p->>'productId' as product_id, (p->>'onHand')::int as on_hand, (p->>'available')::int as available, at from ev where type = 'stock.changed'),
      start as (select (${today}::date - 29)::timestamp at time zone 'UTC' as at)
      select f.product_id,
        (select available from stock s where s.product_id = f.product_id order by at desc limit 1) as available,
        (select on_hand from stock s where s.product_id = f.product_id order by at desc limit 1) as on_hand,
        (select sum(units) from ledger l where l.product_id = f.product_id and (l.at at time zone 'UTC')::date between ${today}::date - 29 and ${today}::date) as sold,
        (select on_hand from stock s, start where s.product_id = f.product_id and s.at < start.at order by s.at desc limit 1) as before,
        (select on_hand from stock s, start where s.product_id = f.product_id and s.at >= start.at order by s.at limit 1) as first_in
      from facts f where ${mine}`,
  );
  return found.map((r) => {
    const onHandNow = Number(r.on_hand ?? 0);
    return { productId: r.product_id, available: Number(r.available ?? 0), sold: Number(r.sold ?? 0), onHandNow, onHandStart: Number(r.before ?? r.first_in ?? onHandNow) };
  });
}

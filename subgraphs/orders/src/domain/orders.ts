import { asc, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@shop/db';
import { orderLines, orders, orderStatusHistory, type OrderLineRow, type OrderRow, type OrdersSchema, type OrderStatusHistoryRow } from '../db/schema.js';

type Db = Database<OrdersSchema>;
type Tx = Transaction<OrdersSchema>;

/**
 * The next order number from order_number_seq: 123 -> "ORD-000123", wider numbers keep all their digits; numbers are
 * never reused, gaps are fine. An SQL expression, so an insert takes it without a round trip of its own.
 */
export const nextOrderNumber = sql<string>`(select 'ORD-' || lpad(n::text, greatest(6, length(n::text)), '0') from (select nextval('order_number_seq') as n) as next)`;

/** Takes the next order number on its own (seeding and tests). */
export async function allocateOrderNumber(tx: Db | Tx): Promise<string> {
  return rowsOf<{ n: string }>(await tx.execute(sql`select ${nextOrderNumber} as n`))[0]!.n;
}

export async function findOrdersByIds(db: Db, ids: readonly string[]): Promise<OrderRow[]> {
  return ids.length ? db.select().from(orders).where(inArray(orders.id, [...ids])) : [];
}

/** Lines of many orders in one query, in line order. */
export async function findOrderLines(db: Db, orderIds: readonly string[]): Promise<OrderLineRow[]> {
  return orderIds.length ? db.select().from(orderLines).where(inArray(orderLines.orderId, [...orderIds])).orderBy(asc(orderLines.orderId), asc(orderLines.lineNo)) : [];
}

/** The status history of many orders in one query, oldest change first per order. */
export async function findOrderHistories(db: Db, orderIds: readonly string[]): Promise<OrderStatusHistoryRow[]> {
  return orderIds.length
    ? db.select().from(orderStatusHistory).where(inArray(orderStatusHistory.orderId, [...orderIds])).orderBy(asc(orderStatusHistory.orderId), asc(orderStatusHistory.at), asc(orderStatusHistory.id))
    : [];
}

/** postgres.js returns the rows themselves, PGlite an object with rows. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** Who and what an order.status_changed is about: the facts every event of the order carries. */
export const orderFacts = (order: OrderRow) => ({
  orderId: order.id,
  customerId: order.customerId,
  number: order.number,
  total: { amountMinor: Number(order.totalMinor), currency: order.currency },
  shipping: shippingFacts(order),
});

/** The shipping chosen at checkout as order.status_changed carries it (shipping makes the shipment from it); null without. */
const shippingFacts = (order: OrderRow) =>
  order.shippingMethodId && order.shippingCostMinor !== null && order.shippingAddress
    ? { methodId: order.shippingMethodId, costMinor: Number(order.shippingCostMinor), region: order.shippingAddress.region }
    : null;

/** One line as order.status_changed carries it: the unit price snapshot goes along, so consumers can price units sold. */
export const eventLine = (line: { productId: string; quantity: number; unitPriceMinor: bigint }) => ({
  productId: line.productId,
  quantity: line.quantity,
  unitPriceMinor: Number(line.unitPriceMinor),
});

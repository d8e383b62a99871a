import { and, asc, count, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { badUserInput, decodeCursor, encodeCursor, toConnection, type Connection } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import { orderLines, orders, type OrderLineRow, type OrderRow, type OrdersSchema } from '../db/schema.js';

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

/**
 * A customer's orders, newest first (ties by id), by keyset on (created_at desc, id) which the
 * orders_customer_created_idx index serves. The cursor keeps created_at as PostgreSQL's
 * microsecond text, since a JS Date would round it to milliseconds and skip or repeat rows.
 */
export async function listCustomerOrders(db: Db, customerId: string, first: number, after?: string | null): Promise<Connection<OrderRow>> {
  const createdAtText = sql<string>`to_char(${orders.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const conditions = [eq(orders.customerId, customerId)];
  if (after) {
    const [afterAt, afterId] = decodeCursor(after, 2);
    if (typeof afterAt !== 'string' || typeof afterId !== 'string' || Number.isNaN(Date.parse(afterAt)) || !/^[0-9a-f-]{36}$/i.test(afterId)) {
      throw badUserInput('The cursor is not valid for this list.', ['after']);
    }
    const at = sql`${afterAt}::timestamptz`;
    conditions.push(or(lt(orders.createdAt, at), and(eq(orders.createdAt, at), gt(orders.id, afterId as string)))!);
  }
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({ order: orders, createdAtText })
      .from(orders)
      .where(and(...conditions))
      .orderBy(desc(orders.createdAt), asc(orders.id))
      .limit(first + 1),
    db.select({ total: count() }).from(orders).where(eq(orders.customerId, customerId)),
  ]);
  const connection = toConnection(rows, first, (row) => encodeCursor([row.createdAtText, row.order.id]), total);
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.order })) };
}

/** postgres.js returns the rows themselves, PGlite an object with rows. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

import { and, count, eq, gte, lt, type SQL } from 'drizzle-orm';
import { decodeTimeIdCursor, encodeCursor, toConnection, type Connection } from '@shop/common';
import { newestFirstKeyset, type Database } from '@shop/db';
import { orders, type OrderRow, type OrdersSchema, type OrderStatus } from '../db/schema.js';

type Db = Database<OrdersSchema>;

/** Which orders a list holds; every condition given must hold. number is already the stored form (normalizeOrderNumber). */
export interface OrderListFilter {
  status?: OrderStatus | null;
  number?: string | null;
  customerId?: string | null;
  /** Inclusive. */
  placedAfter?: Date | null;
  /** Exclusive. */
  placedBefore?: Date | null;
}

// orders_created_idx, orders_status_created_idx and orders_customer_created_idx are all (…, created_at desc, id).
const keyset = newestFirstKeyset(orders.createdAt, orders.id);

function conditionsOf(filter: OrderListFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  if (filter.number) conditions.push(eq(orders.number, filter.number));
  if (filter.customerId) conditions.push(eq(orders.customerId, filter.customerId));
  if (filter.placedAfter) conditions.push(gte(orders.createdAt, filter.placedAfter));
  if (filter.placedBefore) conditions.push(lt(orders.createdAt, filter.placedBefore));
  return conditions;
}

/**
 * Orders newest first (ties by id), by keyset on (created_at desc, id): orders_created_idx serves the whole list,
 * orders_status_created_idx a status, orders_customer_created_idx a customer. totalCount counts the filter's orders.
 */
export async function listOrders(db: Db, filter: OrderListFilter, first: number, after?: string | null): Promise<Connection<OrderRow>> {
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([orderPageQuery(db, filter, first, after), db.select({ total: count() }).from(orders).where(and(...conditionsOf(filter)))]);
  const connection = toConnection(rows, first, (row) => encodeCursor([row.createdAtText, row.order.id]), total);
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.order })) };
}

/** One page's rows (first + 1, so the extra one tells whether another page follows); the index test explains it. */
export function orderPageQuery(db: Db, filter: OrderListFilter, first: number, after?: string | null) {
  const conditions = after ? [...conditionsOf(filter), keyset.after(decodeTimeIdCursor(after))] : conditionsOf(filter);
  return db
    .select({ order: orders, createdAtText: keyset.createdAtText })
    .from(orders)
    .where(and(...conditions))
    .orderBy(...keyset.orderBy)
    .limit(first + 1);
}

/** A customer's orders: the same list with the customer as its filter. */
export const listCustomerOrders = (db: Db, customerId: string, first: number, after?: string | null) => listOrders(db, { customerId }, first, after);

export async function findOrderByNumber(db: Db, number: string): Promise<OrderRow | null> {
  const [order] = await db.select().from(orders).where(eq(orders.number, number));
  return order ?? null;
}

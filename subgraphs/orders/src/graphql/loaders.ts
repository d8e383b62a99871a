import DataLoader from 'dataloader';
import type { Database } from '@shop/db';
import type { OrderLineRow, OrderRow, OrdersSchema, OrderStatusHistoryRow } from '../db/schema.js';
import { findOrderHistories, findOrderLines, findOrdersByIds } from '../domain/orders.js';

/** Rows of many orders, in the order they came, under each order id asked for (none: an empty list). */
function byOrderId<T extends { orderId: string }>(orderIds: readonly string[], rows: T[]): T[][] {
  const byOrder = new Map<string, T[]>();
  for (const row of rows) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row]);
  return orderIds.map((id) => byOrder.get(id) ?? []);
}

/** Per request: every Order the gateway asks about costs one query, and the lines (and histories) of all of them another. */
export function createLoaders(db: Database<OrdersSchema>) {
  return {
    orderById: new DataLoader<string, OrderRow | null>(async (ids) => {
      const byId = new Map((await findOrdersByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    orderLinesByOrderId: new DataLoader<string, OrderLineRow[]>(async (orderIds) => byOrderId(orderIds, await findOrderLines(db, orderIds))),
    historyByOrderId: new DataLoader<string, OrderStatusHistoryRow[]>(async (orderIds) => byOrderId(orderIds, await findOrderHistories(db, orderIds))),
  };
}
export type OrdersLoaders = ReturnType<typeof createLoaders>;

import DataLoader from 'dataloader';
import type { Database } from '@shop/db';
import type { OrderLineRow, OrderRow, OrdersSchema } from '../db/schema.js';
import { findOrderLines, findOrdersByIds } from '../domain/orders.js';

/** Per request: every Order the gateway asks about costs one query, and the lines of all of them another. */
export function createLoaders(db: Database<OrdersSchema>) {
  return {
    orderById: new DataLoader<string, OrderRow | null>(async (ids) => {
      const byId = new Map((await findOrdersByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    orderLinesByOrderId: new DataLoader<string, OrderLineRow[]>(async (orderIds) => {
      const byOrder = new Map<string, OrderLineRow[]>();
      for (const line of await findOrderLines(db, orderIds)) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
      return orderIds.map((id) => byOrder.get(id) ?? []);
    }),
  };
}
export type OrdersLoaders = ReturnType<typeof createLoaders>;

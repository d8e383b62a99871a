import DataLoader from 'dataloader';
import type { Database } from '@shop/db';
import type { ShipmentRow, ShippingMethodRow, ShippingSchema } from '../db/schema.js';
import { findMethodsByIds } from '../domain/methods.js';
import { findShipmentsByIds, findShipmentsByOrders } from '../domain/shipments.js';

const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const groups = new Map<K, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
};

/** Per request: a list of N orders or shipments costs one query for their shipments and one for their methods. */
export function createLoaders(db: Database<ShippingSchema>) {
  return {
    methodById: new DataLoader<string, ShippingMethodRow | null>(async (ids) => {
      const byId = new Map((await findMethodsByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    shipmentById: new DataLoader<string, ShipmentRow | null>(async (ids) => {
      const byId = new Map((await findShipmentsByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    shipmentsByOrderId: new DataLoader<string, ShipmentRow[]>(async (ids) => {
      const groups = groupBy(await findShipmentsByOrders(db, ids), (row) => row.orderId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}
export type ShippingLoaders = ReturnType<typeof createLoaders>;

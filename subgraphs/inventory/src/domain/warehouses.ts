import { asc, inArray } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { warehouses, type InventorySchema, type WarehouseRow } from '../db/schema.js';

type Db = Database<InventorySchema>;

export async function listWarehouses(db: Db): Promise<WarehouseRow[]> {
  return db.select().from(warehouses).orderBy(asc(warehouses.name), asc(warehouses.id));
}

export async function findWarehousesByIds(db: Db, ids: readonly string[]): Promise<WarehouseRow[]> {
  return ids.length ? db.select().from(warehouses).where(inArray(warehouses.id, [...ids])) : [];
}

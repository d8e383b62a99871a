import DataLoader from 'dataloader';
import type { Database } from '@shop/db';
import type { InventorySchema, WarehouseRow } from '../db/schema.js';
import type { ProductDirectory, ProductRef } from '../domain/product-directory.js';
import { loadStock, type ProductStock } from '../domain/stock.js';
import { readThresholds } from '../domain/stock-alerts.js';
import { findWarehousesByIds } from '../domain/warehouses.js';

/** Per request: N Product references cost one stock query, N warehouse references one query, N seller checks one call to products. */
export function createLoaders(db: Database<InventorySchema>, products: ProductDirectory) {
  return {
    stockByProductId: new DataLoader<string, ProductStock>(async (ids) => {
      const stock = await loadStock(db, ids);
      return ids.map((id) => stock.get(id)!);
    }),
    thresholdByProductId: new DataLoader<string, number>(async (ids) => {
      const thresholds = await readThresholds(db, ids);
      return ids.map((id) => thresholds.get(id)!);
    }),
    warehouseById: new DataLoader<string, WarehouseRow | null>(async (ids) => {
      const byId = new Map((await findWarehousesByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    productById: new DataLoader<string, ProductRef | undefined>(async (ids) => {
      const found = await products.findProducts(ids);
      return ids.map((id) => found.get(id));
    }),
  };
}
export type InventoryLoaders = ReturnType<typeof createLoaders>;

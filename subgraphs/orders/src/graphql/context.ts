import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { OrdersSchema } from '../db/schema.js';
import type { ProductCatalog } from '../product-catalog.js';
import { createLoaders, type OrdersLoaders } from './loaders.js';

export interface OrdersContext {
  viewer: Viewer | null;
  db: Database<OrdersSchema>;
  catalog: ProductCatalog;
  loaders: OrdersLoaders;
}

export function createContext(db: Database<OrdersSchema>, catalog: ProductCatalog, viewer: Viewer | null): OrdersContext {
  return { viewer, db, catalog, loaders: createLoaders(db) };
}

import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { InventorySchema } from '../db/schema.js';
import type { ProductDirectory } from '../domain/product-directory.js';
import { createLoaders, type InventoryLoaders } from './loaders.js';

export interface InventoryContext {
  viewer: Viewer | null;
  db: Database<InventorySchema>;
  products: ProductDirectory;
  loaders: InventoryLoaders;
  /** Call after a committed change that recorded events, so the outbox relay publishes them now. */
  eventsRecorded: () => void;
}

export function createContext(db: Database<InventorySchema>, products: ProductDirectory, viewer: Viewer | null, eventsRecorded: () => void): InventoryContext {
  return { viewer, db, products, loaders: createLoaders(db, products), eventsRecorded };
}

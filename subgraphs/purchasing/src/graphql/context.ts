import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { PurchasingSchema } from '../db/schema.js';
import type { ProductSellers, Warehouses } from '../domain/directories.js';
import { createLoaders, type PurchasingLoaders } from './loaders.js';

/** What every request shares: the database and the subgraphs purchasing asks. */
export interface PurchasingServices {
  db: Database<PurchasingSchema>;
  products: ProductSellers;
  warehouses: Warehouses;
}

export interface PurchasingContext extends PurchasingServices {
  viewer: Viewer | null;
  loaders: PurchasingLoaders;
}

export function createContext(services: PurchasingServices, viewer: Viewer | null): PurchasingContext {
  return { ...services, viewer, loaders: createLoaders(services.db) };
}

import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { ProductsSchema } from '../db/schema.js';
import { createLoaders, type ProductsLoaders } from './loaders.js';

/** A user as products knows them: only the id (the users subgraph owns the rest). */
export interface UserReference {
  id: string;
}

export interface ProductsContext {
  viewer: Viewer | null;
  db: Database<ProductsSchema>;
  loaders: ProductsLoaders;
}

export function createContext(db: Database<ProductsSchema>, viewer: Viewer | null): ProductsContext {
  return { viewer, db, loaders: createLoaders(db, viewer) };
}

import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { ProductsSchema } from '../db/schema.js';
import type { MediaStorage } from '../media/storage.js';
import { createLoaders, type ProductsLoaders } from './loaders.js';

/** A user as products knows them: only the id (the users subgraph owns the rest). */
export interface UserReference {
  id: string;
}

export interface ProductsContext {
  viewer: Viewer | null;
  db: Database<ProductsSchema>;
  loaders: ProductsLoaders;
  /** Where image files live (removeProductImage deletes them). */
  storage: MediaStorage;
  /** The absolute URL image URLs start with. */
  mediaPublicUrl: string;
}

export function createContext(db: Database<ProductsSchema>, viewer: Viewer | null, media: { storage: MediaStorage; mediaPublicUrl: string }): ProductsContext {
  return { viewer, db, loaders: createLoaders(db, viewer), storage: media.storage, mediaPublicUrl: media.mediaPublicUrl };
}

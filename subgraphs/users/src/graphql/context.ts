import type { TokenIssuer, Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { UsersSchema } from '../db/schema.js';
import type { Caller } from '../domain/accounts.js';
import type { ProductDirectory } from '../domain/product-directory.js';
import { createLoaders, type UsersLoaders } from './loaders.js';

export interface UsersContext {
  viewer: Viewer | null;
  db: Database<UsersSchema>;
  issuer: TokenIssuer;
  loaders: UsersLoaders;
  /** The client's address and the sign-in limits it is counted against. */
  caller: Caller;
  /** Whether a product exists (addFavorite). */
  products: ProductDirectory;
}

export function createContext(db: Database<UsersSchema>, issuer: TokenIssuer, viewer: Viewer | null, caller: Caller, products: ProductDirectory): UsersContext {
  return { viewer, db, issuer, loaders: createLoaders(db), caller, products };
}

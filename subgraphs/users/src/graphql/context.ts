import type { TokenIssuer, Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { UsersSchema } from '../db/schema.js';
import { createLoaders, type UsersLoaders } from './loaders.js';

export interface UsersContext {
  viewer: Viewer | null;
  db: Database<UsersSchema>;
  issuer: TokenIssuer;
  loaders: UsersLoaders;
}

export function createContext(db: Database<UsersSchema>, issuer: TokenIssuer, viewer: Viewer | null): UsersContext {
  return { viewer, db, issuer, loaders: createLoaders(db) };
}

import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { PaymentsSchema } from '../db/schema.js';
import { createLoaders, type PaymentsLoaders } from './loaders.js';

export interface PaymentsContext {
  viewer: Viewer | null;
  db: Database<PaymentsSchema>;
  loaders: PaymentsLoaders;
}

export function createContext(db: Database<PaymentsSchema>, viewer: Viewer | null): PaymentsContext {
  return { viewer, db, loaders: createLoaders(db) };
}

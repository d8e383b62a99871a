import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { EventBus } from '@shop/events';
import type { InventorySchema } from '../db/schema.js';
import type { ProductDirectory } from '../domain/product-directory.js';
import { createLoaders, type InventoryLoaders } from './loaders.js';

/** What every request shares: the database, the products subgraph and the bus. */
export interface InventoryServices {
  db: Database<InventorySchema>;
  products: ProductDirectory;
  /** Live stock.changed events for subscriptions (broadcast: every replica sees every change). */
  bus: Pick<EventBus, 'broadcast'>;
}

export interface InventoryContext extends InventoryServices {
  viewer: Viewer | null;
  loaders: InventoryLoaders;
}

export function createContext(services: InventoryServices, viewer: Viewer | null): InventoryContext {
  return { ...services, viewer, loaders: createLoaders(services.db, services.products) };
}

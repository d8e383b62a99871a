import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { EventBus } from '@shop/events';
import type { OrderLookup } from '@shop/orders/lookup';
import type { SupportSchema } from '../db/schema.js';
import { createLoaders, type SupportLoaders } from './loaders.js';

/** What every request shares: the database, the orders subgraph and the bus. */
export interface SupportServices {
  db: Database<SupportSchema>;
  orders: OrderLookup;
  /** Live ticket events for ticketUpdated (broadcast: every replica sees every change). */
  bus: Pick<EventBus, 'broadcast'>;
}

export interface SupportContext extends SupportServices {
  viewer: Viewer | null;
  loaders: SupportLoaders;
}

export function createContext(services: SupportServices, viewer: Viewer | null): SupportContext {
  return { ...services, viewer, loaders: createLoaders(services.db) };
}

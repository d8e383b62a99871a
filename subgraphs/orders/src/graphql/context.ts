import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { EventBus } from '@shop/events';
import type { OrdersSchema } from '../db/schema.js';
import type { PlaceOrderDeps } from '../domain/place-order.js';
import type { ProductCatalog } from '../product-catalog.js';
import { createLoaders, type OrdersLoaders } from './loaders.js';

/** What every request shares: the database, the other subgraphs and the bus. */
export interface OrdersServices {
  db: Database<OrdersSchema>;
  catalog: ProductCatalog;
  placement: PlaceOrderDeps;
  /** Live order.status_changed events for subscriptions (broadcast: every replica sees every change). */
  bus: Pick<EventBus, 'broadcast'>;
}

export interface OrdersContext extends OrdersServices {
  viewer: Viewer | null;
  loaders: OrdersLoaders;
}

export function createContext(services: OrdersServices, viewer: Viewer | null): OrdersContext {
  return { ...services, viewer, loaders: createLoaders(services.db) };
}

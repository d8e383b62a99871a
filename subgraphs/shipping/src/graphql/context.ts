import type { Viewer } from '@shop/auth';
import type { Logger } from '@shop/common';
import type { Database } from '@shop/db';
import type { ShippingSchema } from '../db/schema.js';
import { createLoaders, type ShippingLoaders } from './loaders.js';

/** What every request and consumer shares. */
export interface ShippingServices {
  db: Database<ShippingSchema>;
  logger: Logger;
}

export interface ShippingContext extends ShippingServices {
  viewer: Viewer | null;
  loaders: ShippingLoaders;
}

export function createContext(services: ShippingServices, viewer: Viewer | null): ShippingContext {
  return { ...services, viewer, loaders: createLoaders(services.db) };
}

import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { ShippingSchema } from '../db/schema.js';

/** What every request shares. */
export interface ShippingServices {
  db: Database<ShippingSchema>;
}

export interface ShippingContext extends ShippingServices {
  viewer: Viewer | null;
}

export function createContext(services: ShippingServices, viewer: Viewer | null): ShippingContext {
  return { ...services, viewer };
}

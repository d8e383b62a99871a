import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { PurchasingSchema } from '../db/schema.js';

/** What every request shares. */
export interface PurchasingServices {
  db: Database<PurchasingSchema>;
}

export interface PurchasingContext extends PurchasingServices {
  viewer: Viewer | null;
}

export function createContext(services: PurchasingServices, viewer: Viewer | null): PurchasingContext {
  return { ...services, viewer };
}

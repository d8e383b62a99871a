import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { AnalyticsSchema } from '../db/schema.js';

/** What every request shares. */
export interface AnalyticsServices {
  db: Database<AnalyticsSchema>;
}

export interface AnalyticsContext extends AnalyticsServices {
  viewer: Viewer | null;
}

export const createContext = (services: AnalyticsServices, viewer: Viewer | null): AnalyticsContext => ({ ...services, viewer });

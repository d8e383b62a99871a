import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { AnalyticsSchema } from '../db/schema.js';

/** What every request shares. */
export interface AnalyticsServices {
  db: Database<AnalyticsSchema>;
}

export interface AnalyticsContext extends AnalyticsServices {
  viewer: Viewer | null;
  /** FORECAST_LEAD_TIME_DAYS: the supplier lead time reorder suggestions cover beyond the forecast's horizon. */
  forecastLeadTimeDays: number;
}

export const createContext = (services: AnalyticsServices, viewer: Viewer | null, forecastLeadTimeDays: number): AnalyticsContext => ({ ...services, viewer, forecastLeadTimeDays });

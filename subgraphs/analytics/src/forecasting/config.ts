import { z } from 'zod';

/** The forecasting settings, to spread into the analytics subgraph's config (read and validated once at start). */
export const forecastConfig = {
  /** Pause between forecast batches; a batch runs soon after start when the last one is older than this. */
  FORECAST_INTERVAL_MS: z.coerce.number().int().min(60_000).default(6 * 60 * 60 * 1000),
  /** Supplier lead time added to the horizon in reorder suggestions. */
  /** How often a replica looks whether a batch is due; the first look is this long after start. */
  FORECAST_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  FORECAST_LEAD_TIME_DAYS: z.coerce.number().int().min(0).max(365).default(7),
};

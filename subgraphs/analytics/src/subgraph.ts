import { z } from 'zod';
import { defineSubgraph } from '@shop/kernel';
import { analyticsConsumers } from './consumers.js';
import { schema } from './db/schema.js';
import { SEED_DAYS, seedDemoHistory } from './domain/seed.js';
import { forecastConfig, forecastTask, registerForecastMetrics, type ForecastMetrics } from './forecasting/index.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import { demandRoutes } from './http/demand-routes.js';

/** Sales analytics and demand forecasts: read models fed only by order, payment, stock and product events. */
export const analytics = defineSubgraph({
  name: 'analytics',
  port: 4009,
  config: {
    ...forecastConfig,
    /** How many days of synthetic history the demo seed writes, ending today: the last days of the demo year. */
    DEMO_HISTORY_DAYS: z.coerce.number().int().min(1).max(SEED_DAYS).default(SEED_DAYS),
  },
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: (db, config) => seedDemoHistory(db, new Date(), config.DEMO_HISTORY_DAYS) },
  // The kernel builds workers before the metrics registry: the batch reads its metrics when it runs.
  services: ({ db }) => ({ db, forecastMetrics: { current: undefined as ForecastMetrics | undefined } }),
  context: ({ db }, viewer, { config }) => createContext({ db }, viewer, config.FORECAST_LEAD_TIME_DAYS),
  consumers: analyticsConsumers,
  // GET /internal/demand: purchasing's reorder suggestions.
  routes: (app, _services, { db }) => demandRoutes(app, db),
  workers: ({ forecastMetrics }, { db, config, logger }) => [
    forecastTask(db, { logger, intervalMs: config.FORECAST_INTERVAL_MS, checkEveryMs: config.FORECAST_CHECK_INTERVAL_MS, metrics: () => forecastMetrics.current }),
  ],
  metrics: (registry, { forecastMetrics }) => {
    forecastMetrics.current = registerForecastMetrics(registry);
  },
});

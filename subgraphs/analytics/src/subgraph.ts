import { defineSubgraph } from '@shop/kernel';
import { analyticsConsumers } from './consumers.js';
import { schema } from './db/schema.js';
import { seedDemoHistory } from './domain/seed.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';

/** Sales analytics and demand forecasts: read models fed only by order, payment, stock and product events. */
export const analytics = defineSubgraph({
  name: 'analytics',
  port: 4009,
  config: {},
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: (db) => seedDemoHistory(db) },
  services: ({ db }) => ({ db }),
  context: ({ db }, viewer) => createContext({ db }, viewer),
  consumers: analyticsConsumers,
});

import { defineSubgraph } from '@shop/kernel';
import { schema } from './db/schema.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';

/** Shipping methods and their rates by region and weight, quotes, and shipments that drive orders to SHIPPED and DELIVERED. */
export const shipping = defineSubgraph({
  name: 'shipping',
  port: 4011,
  config: {},
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url) },
  services: () => ({}),
  context: (_services, viewer, { db }) => createContext({ db }, viewer),
});

import { defineSubgraph } from '@shop/kernel';
import { schema } from './db/schema.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';

/** Suppliers per seller, a product's supplier, and reorder requests (suggested on low stock) whose receipt restocks inventory. */
export const purchasing = defineSubgraph({
  name: 'purchasing',
  port: 4012,
  config: {},
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url) },
  services: () => ({}),
  context: (_services, viewer, { db }) => createContext({ db }, viewer),
});

import { defineSubgraph } from '@shop/kernel';
import { schema, type ProductRow } from './db/schema.js';
import { seedDemoCatalog } from './domain/seed.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';

/** The catalog: products, categories, search; sellers edit their own products; every change is a product.changed. */
export const products = defineSubgraph({
  name: 'products',
  port: 4002,
  config: {},
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: seedDemoCatalog },
  services: () => ({}),
  context: (_services, viewer, { db }) => createContext(db, viewer),
  // Product.costPrice is @ownerOrAdmin: a product is its seller's.
  access: { owners: { Product: (product: ProductRow) => product.sellerId } },
});

import { z } from 'zod';
import { defineSubgraph } from '@shop/kernel';
import { purchasingConsumers } from './consumers.js';
import { schema, type ReorderRow, type SupplierRow } from './db/schema.js';
import { ProjectedProductSellers, RemoteDemandForecasts, RemoteWarehouses, type DemandForecasts, type ProductSellers, type Warehouses } from './domain/directories.js';
import { seedDemoPurchasing } from './domain/seed.js';
import { createContext, type PurchasingContext } from './graphql/context.js';
import type { ProductParent } from './graphql/parents.js';
import { resolvers } from './graphql/resolvers.js';

/** Suppliers per seller, a product's supplier, and reorder requests (suggested on low stock) whose receipt restocks inventory. */
export const purchasing = defineSubgraph({
  name: 'purchasing',
  port: 4012,
  config: {
    /** The products subgraph itself (never the gateway): who sells a product purchasing has not heard of yet. */
    PRODUCTS_URL: z.string().url().default('http://localhost:4002/graphql'),
    PRODUCTS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
    /** The inventory subgraph itself: whether a reorder's warehouse exists, and whose shop it is. */
    INVENTORY_URL: z.string().url().default('http://localhost:4003/graphql'),
    INVENTORY_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
    /** Analytics' own URL (its /internal/demand sits at the root): the forecast behind a suggested quantity. */
    ANALYTICS_URL: z.string().url().default('http://localhost:4009/graphql'),
    /** Short: a suggestion falls back to its fixed quantity rather than hold the consumer up. */
    ANALYTICS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1500),
  },
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: seedDemoPurchasing },
  services: ({ config, credentials, db, logger }) => ({
    products: new ProjectedProductSellers(db, { url: config.PRODUCTS_URL, timeoutMs: config.PRODUCTS_TIMEOUT_MS, credentials }) as ProductSellers,
    warehouses: new RemoteWarehouses({ url: config.INVENTORY_URL, timeoutMs: config.INVENTORY_TIMEOUT_MS, credentials }) as Warehouses,
    demand: new RemoteDemandForecasts({ url: config.ANALYTICS_URL, timeoutMs: config.ANALYTICS_TIMEOUT_MS, credentials }) as DemandForecasts,
    logger,
  }),
  // Suppliers and requests are their seller's; a product's supplier is the product's seller's (kept on its link row).
  access: {
    owners: {
      Supplier: (supplier: SupplierRow) => supplier.sellerId,
      ReorderRequest: (reorder: ReorderRow) => reorder.sellerId,
      // The kernel hands every rule this subgraph's context (inference here stops at BaseContext).
      Product: async (product: ProductParent, ctx) => (await (ctx as PurchasingContext).loaders.productSupplier.load(product.id))?.sellerId,
    },
  },
  context: ({ products, warehouses }, viewer, { db }) => createContext({ db, products, warehouses }, viewer),
  consumers: purchasingConsumers,
});

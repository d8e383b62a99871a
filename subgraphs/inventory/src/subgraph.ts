import { z } from 'zod';
import { defineSubgraph } from '@shop/kernel';
import { inventoryConsumers } from './consumers.js';
import { schema } from './db/schema.js';
import { DEFAULT_ORPHAN_GRACE_MS, DEFAULT_ORPHAN_SWEEP_INTERVAL_MS, heldReservations, sweepOrphanReservations } from './domain/expire.js';
import { RemoteProductDirectory, type ProductDirectory } from './domain/product-directory.js';
import { seedDemoInventory } from './domain/seed.js';
import { publishPendingAlerts } from './domain/sellers.js';
import { createContext } from './graphql/context.js';
import { resolvers, sellerOf } from './graphql/resolvers.js';
import type { ProductParent } from './graphql/parents.js';
import { reservationRoutes } from './http/reservation-routes.js';
import { asyncGauge } from '@shop/observability';

/** Stock per warehouse, movements, reservations for orders (internal API), live stock.changed. */
export const inventory = defineSubgraph({
  name: 'inventory',
  port: 4003,
  config: {
    /** The products subgraph itself (never the gateway): inventory asks it who sells a product. */
    PRODUCTS_URL: z.string().url().default('http://localhost:4002/graphql'),
    PRODUCTS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
    ORPHAN_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(DEFAULT_ORPHAN_SWEEP_INTERVAL_MS),
    /** How long past expires_at a reservation must be to count as orphaned (orders' own expiry comes first). */
    ORPHAN_GRACE_MS: z.coerce.number().int().min(0).max(86_400_000).default(DEFAULT_ORPHAN_GRACE_MS),
    /** How often stock alerts waiting for their product's seller (one inventory had not learned yet) are published. */
    PENDING_ALERTS_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  },
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: seedDemoInventory },
  services: ({ config, credentials }) => ({ products: new RemoteProductDirectory({ url: config.PRODUCTS_URL, timeoutMs: config.PRODUCTS_TIMEOUT_MS, credentials }) as ProductDirectory }),
  context: ({ products }, viewer, { db, bus }) => createContext({ db, products, bus }, viewer),
  consumers: inventoryConsumers,
  workers: ({ products }, { db, config, logger }) => [
    {
      name: 'orphan-reservations',
      everyMs: config.ORPHAN_SWEEP_INTERVAL_MS,
      run: async () => {
        const released = await sweepOrphanReservations(db, new Date(), { graceMs: config.ORPHAN_GRACE_MS });
        if (released.length) logger.warn({ count: released.length }, 'released orphaned reservations');
      },
    },
    {
      name: 'pending-stock-alerts',
      everyMs: config.PENDING_ALERTS_INTERVAL_MS,
      run: async () => {
        const published = await publishPendingAlerts(db, products);
        if (published) logger.info({ count: published }, 'published stock alerts once their sellers were known');
      },
    },
  ],
  // A product's stock is its seller's (the products subgraph says who that is).
  access: { owners: { Product: async (product: ProductParent, ctx) => (await sellerOf(ctx, product.id))?.sellerId } },
  routes: (app, _services, { db }) => reservationRoutes(app, db),
  metrics: (registry, _services, { db }) =>
    asyncGauge(registry, { name: 'inventory_reservations_held', help: 'Reservations holding stock for unpaid orders.', read: () => heldReservations(db) }),
  // stockChanged over graphql-ws, fed by the bus's broadcast (every replica sees every stock change).
  subscriptions: true,
});

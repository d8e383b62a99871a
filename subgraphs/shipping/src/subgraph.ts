import { defineSubgraph } from '@shop/kernel';
import { asyncGauge } from '@shop/observability';
import { shippingConsumers } from './consumers.js';
import { schema, type ShipmentRow } from './db/schema.js';
import { seedDemoShipping } from './domain/seed.js';
import { countUndelivered } from './domain/shipments.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import { quoteRoutes } from './http/quote-route.js';
import { shipmentRoutes } from './http/shipment-routes.js';

/** Shipping methods and their rates by region and weight, quotes, and shipments that drive orders to SHIPPED and DELIVERED. */
export const shipping = defineSubgraph({
  name: 'shipping',
  port: 4011,
  config: {},
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: seedDemoShipping },
  services: ({ logger }) => ({ logger }),
  // A shipment is its order's customer's (from order.status_changed).
  access: { owners: { Shipment: (shipment: ShipmentRow) => shipment.customerId } },
  context: ({ logger }, viewer, { db }) => createContext({ db, logger }, viewer),
  consumers: shippingConsumers,
  routes: (app, _services, { db }) => {
    quoteRoutes(app, db);
    shipmentRoutes(app, db);
  },
  metrics: (registry, _services, { db }) =>
    asyncGauge(registry, { name: 'shipping_shipments_undelivered', help: 'Shipments not DELIVERED yet (labels waiting for pickup and parcels in transit); grows when carriers stop reporting.', read: () => countUndelivered(db) }),
});

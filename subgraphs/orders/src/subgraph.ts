import { z } from 'zod';
import { consumerFor, defineSubgraph } from '@shop/kernel';
import { paymentStatusChanged } from '@shop/payments/contract';
import { schema, type OrderRow, type OrdersSchema } from './db/schema.js';
import { zDurationMs } from './duration.js';
import { expireOrders } from './domain/expire-orders.js';
import { applyPaymentStatusChanged } from './domain/payment-events.js';
import { DEFAULT_RESERVATION_TTL_MS } from './domain/place-order.js';
import { PlacedOrders } from './domain/placed-orders.js';
import { seedDemoOrders } from './domain/seed.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import { RemoteProductCatalog, type ProductCatalog } from './product-catalog.js';
import { RemoteStockReservations, type StockReservations } from './stock-reservations.js';

/** Carts, orders and User.orders; places orders against inventory and products, follows payments, expires unpaid orders. */
export const orders = defineSubgraph({
  name: 'orders',
  port: 4004,
  config: {
    /** The products subgraph itself (never the gateway): cart checks read products from it. */
    PRODUCTS_URL: z.string().url().default('http://localhost:4002/graphql'),
    /** The inventory subgraph itself (never the gateway): placeOrder reserves stock at its internal endpoints. */
    INVENTORY_URL: z.string().url().default('http://localhost:4003/graphql'),
    /** How long placeOrder waits for inventory's reservation answer (ms). */
    INVENTORY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** How long an unpaid order holds its stock: milliseconds or an ISO 8601 duration such as PT15M. */
    RESERVATION_TTL: zDurationMs(DEFAULT_RESERVATION_TTL_MS),
    /** How often the expiry sweeper looks for lapsed reservations. */
    EXPIRY_SWEEP_INTERVAL: zDurationMs(5_000),
  },
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: seedDemoOrders },
  services: ({ config, db, credentials }) => ({
    catalog: new RemoteProductCatalog({ url: config.PRODUCTS_URL, credentials }) as ProductCatalog,
    reservations: new RemoteStockReservations({ url: config.INVENTORY_URL, timeoutMs: config.INVENTORY_TIMEOUT_MS, credentials }) as StockReservations,
    placed: new PlacedOrders(db),
  }),
  // An order is its customer's; User.orders are the user's own.
  access: { owners: { Order: (order: OrderRow) => order.customerId, User: (user: { id: string }) => user.id } },
  context: ({ catalog, reservations, placed }, viewer, { db, bus, config }) =>
    createContext({ db, catalog, bus, placement: { placed, catalog, reservations, reservationTtlMs: config.RESERVATION_TTL } }, viewer),
  consumers: [consumerFor<unknown, OrdersSchema>()(paymentStatusChanged, { wants: (payment) => payment.status === 'CAPTURED', handle: (tx, payment) => applyPaymentStatusChanged(tx, payment) })],
  workers: (_services, { db, config }) => [{ name: 'expire-orders', everyMs: config.EXPIRY_SWEEP_INTERVAL, run: async () => void (await expireOrders(db, new Date())) }],
  // orderStatusChanged over graphql-ws, fed by the bus's broadcast.
  subscriptions: true,
});


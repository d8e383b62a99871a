import { z } from 'zod';
import { consumerFor, defineSubgraph } from '@shop/kernel';
import { paymentStatusChanged } from '@shop/payments/contract';
import { shipmentStatusChanged } from '@shop/shipping/contract';
import { RemoteShippingQuotes, type ShippingQuotes } from '@shop/shipping/quotes';
import { RemoteAddressBook, type AddressBook } from '@shop/users/address-book';
import { schema, type OrderRow, type OrdersSchema } from './db/schema.js';
import { zDurationMs } from './duration.js';
import { expireOrders } from './domain/expire-orders.js';
import { applyPaymentStatusChanged } from './domain/payment-events.js';
import { DEFAULT_RESERVATION_TTL_MS } from './domain/place-order.js';
import { PlacedOrders } from './domain/placed-orders.js';
import { seedDemoOrders } from './domain/seed.js';
import { applyShipmentStatusChanged, movesOrder } from './domain/shipment-events.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import { RemoteProductCatalog, type ProductCatalog } from './product-catalog.js';
import { RemoteStockReservations, type StockReservations } from './stock-reservations.js';

/**
 * Carts, orders and User.orders; places orders against inventory and products (with users' addresses and shipping's
 * quotes when shipped), follows payments and shipments, expires unpaid orders.
 */
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
    /** The users subgraph itself (never the gateway): placeOrder reads the chosen saved address at its internal endpoint. */
    USERS_URL: z.string().url().default('http://localhost:4001/graphql'),
    /** The shipping subgraph itself (never the gateway): placeOrder asks it for the chosen method's cost. */
    SHIPPING_URL: z.string().url().default('http://localhost:4011/graphql'),
    /** How long placeOrder waits for users' address and shipping's quote (ms); past it the order is SERVICE_UNAVAILABLE. */
    SHIPPING_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
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
    addresses: new RemoteAddressBook({ url: config.USERS_URL, timeoutMs: config.SHIPPING_TIMEOUT_MS, credentials }) as AddressBook,
    shippingQuotes: new RemoteShippingQuotes({ url: config.SHIPPING_URL, timeoutMs: config.SHIPPING_TIMEOUT_MS, credentials }) as ShippingQuotes,
  }),
  // An order is its customer's; User.orders are the user's own.
  access: { owners: { Order: (order: OrderRow) => order.customerId, User: (user: { id: string }) => user.id } },
  context: ({ catalog, reservations, placed, addresses, shippingQuotes }, viewer, { db, bus, config }) =>
    createContext({ db, catalog, bus, placement: { placed, catalog, reservations, shipping: { addresses, quotes: shippingQuotes }, reservationTtlMs: config.RESERVATION_TTL } }, viewer),
  consumers: [
    consumerFor<unknown, OrdersSchema>()(paymentStatusChanged, { wants: (payment) => payment.status === 'CAPTURED', handle: (tx, payment) => applyPaymentStatusChanged(tx, payment) }),
    // IN_TRANSIT ships the order, DELIVERED delivers it (the shipment drives an order that has one).
    consumerFor<unknown, OrdersSchema>()(shipmentStatusChanged, { wants: movesOrder, handle: (tx, shipment) => applyShipmentStatusChanged(tx, shipment) }),
  ],
  workers: (_services, { db, config }) => [{ name: 'expire-orders', everyMs: config.EXPIRY_SWEEP_INTERVAL, run: async () => void (await expireOrders(db, new Date())) }],
  // orderStatusChanged over graphql-ws, fed by the bus's broadcast.
  subscriptions: true,
});


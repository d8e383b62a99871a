import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gql } from 'graphql-tag';
import { createTokenVerifier } from '@shop/auth';
import { createLogger } from '@shop/common';
import { databaseReady, openDatabase } from '@shop/db';
import { handleOnce, OutboxRelay, type EventBus } from '@shop/events';
import { startSubgraphServer, type RunningSubgraphServer, type TokenVerification } from '@shop/server';
import { schema } from './db/schema.js';
import { expireOrders } from './domain/expire-orders.js';
import { applyPaymentStatusChanged } from './domain/payment-events.js';
import { DEFAULT_RESERVATION_TTL_MS } from './domain/place-order.js';
import { PlacedOrders } from './domain/placed-orders.js';
import { seedDemoOrders } from './domain/seed.js';
import { ORDERS_CONSUMER, PAYMENT_STATUS_CHANGED } from './events.js';
import { createContext, type OrdersServices } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import { RemoteProductCatalog, type ProductCatalog } from './product-catalog.js';
import { RemoteStockReservations, type StockReservations } from './stock-reservations.js';

export const typeDefs = gql(readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8'));
const migrationsFolder = fileURLToPath(new URL('./db/migrations', import.meta.url));
export const DEFAULT_EXPIRY_SWEEP_INTERVAL_MS = 5_000;

export interface OrdersSubgraphOptions {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  tokenVerification: TokenVerification;
  /** Carries order.* events out and payment.status_changed in, and broadcasts order.status_changed to subscriptions. */
  bus: EventBus;
  /** The products subgraph's /graphql URL, read by the default RemoteProductCatalog. */
  productsUrl: string;
  /** Replaces the RemoteProductCatalog (productsUrl is then unused). */
  productCatalog?: ProductCatalog;
  /** The inventory subgraph's own URL, called by the default RemoteStockReservations. */
  inventoryUrl: string;
  /** placeOrder's wait for inventory's reservation answer; default 10 s. */
  inventoryTimeoutMs?: number;
  /** Replaces the RemoteStockReservations (inventoryUrl is then unused). */
  stockReservations?: StockReservations;
  /** How long an unpaid order holds its stock; 15 minutes by default. */
  reservationTtlMs?: number;
  /** How often the expiry sweeper runs; 5 seconds by default. */
  expirySweepIntervalMs?: number;
  seedDemo?: boolean;
  onQuery?: (sql: string) => void;
}

/**
 * Opens the orders database, migrates (and seeds) it, and serves carts, orders and User.orders; publishes its outbox,
 * consumes payment.status_changed and sweeps expired orders until stopped.
 */
export async function startOrdersSubgraph(options: OrdersSubgraphOptions): Promise<RunningSubgraphServer> {
  const logger = createLogger('orders');
  const { db, close } = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir, schema, migrationsFolder, onQuery: options.onQuery });
  if (options.seedDemo) await seedDemoOrders(db);
  const verifier = await createTokenVerifier(options.tokenVerification);
  const catalog = options.productCatalog ?? new RemoteProductCatalog({ url: options.productsUrl });
  const reservations = options.stockReservations ?? new RemoteStockReservations({ url: options.inventoryUrl, timeoutMs: options.inventoryTimeoutMs });

  const relay = new OutboxRelay({ db, bus: options.bus, logger });
  relay.start();
  const eventsRecorded = () => relay.poke();
  const unsubscribe = await options.bus.consume(ORDERS_CONSUMER, [PAYMENT_STATUS_CHANGED], async (event) => {
    let recorded = false;
    await handleOnce(db, ORDERS_CONSUMER, event, async (tx) => void (recorded = await applyPaymentStatusChanged(tx, event)));
    if (recorded) eventsRecorded();
  });
  const stopSweeper = startExpirySweeper(async () => {
    if ((await expireOrders(db, new Date())) > 0) eventsRecorded();
  }, options.expirySweepIntervalMs ?? DEFAULT_EXPIRY_SWEEP_INTERVAL_MS, logger);

  const services: OrdersServices = {
    db,
    catalog,
    placement: { placed: new PlacedOrders(db), catalog, reservations, reservationTtlMs: options.reservationTtlMs ?? DEFAULT_RESERVATION_TTL_MS },
    eventsRecorded,
    bus: options.bus,
  };
  const server = await startSubgraphServer(
    // orderStatusChanged over graphql-ws, fed by the bus's broadcast.
    { name: 'orders', typeDefs, resolvers, verifier, context: (viewer) => createContext(services, viewer), ready: () => databaseReady(db), subscriptions: true },
    options.port,
  );
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await stopSweeper();
      await unsubscribe();
      await relay.stop();
      await close();
    },
  };
}

/** Runs sweep every intervalMs, never two at once in this process; stop waits for a sweep under way. */
function startExpirySweeper(sweep: () => Promise<void>, intervalMs: number, logger: ReturnType<typeof createLogger>): () => Promise<void> {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = sweep()
      .catch((err) => logger.warn({ err }, 'expiry sweep failed; will retry'))
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gql } from 'graphql-tag';
import { createTokenVerifier } from '@shop/auth';
import { databaseReady, openDatabase } from '@shop/db';
import { OutboxRelay, type EventBus } from '@shop/events';
import { startSubgraphServer, type RunningSubgraphServer, type TokenVerification } from '@shop/server';
import { startInventoryConsumers } from './consumers.js';
import { schema } from './db/schema.js';
import { startOrphanSweeper } from './domain/expire.js';
import { RemoteProductDirectory, type ProductDirectory } from './domain/product-directory.js';
import { seedDemoInventory } from './domain/seed.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import { reservationRoutes } from './http/reservation-routes.js';

export const typeDefs = gql(readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8'));
export const migrationsFolder = fileURLToPath(new URL('./db/migrations', import.meta.url));

export interface InventorySubgraphOptions {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  tokenVerification: TokenVerification;
  seedDemo?: boolean;
  onQuery?: (sql: string) => void;
  /** The products subgraph's own /graphql URL (never the gateway's): asked who sells a product. */
  productsUrl: string;
  productsTimeoutMs?: number;
  /** Replaces the RemoteProductDirectory built from productsUrl. */
  productDirectory?: ProductDirectory;
  /** Publishes stock.changed (through the outbox), delivers order.status_changed, and broadcasts stock.changed to subscriptions. */
  bus: EventBus;
  /** How often this replica looks for orphaned reservations (default 60 s). */
  orphanSweepIntervalMs?: number;
  /** How long past expires_at a reservation must be to count as orphaned (default 5 minutes; orders' own expiry comes first). */
  orphanGraceMs?: number;
}

/** Opens the inventory database, migrates (and seeds) it, and serves the subgraph, its internal reservation API, its consumers and sweeper. */
export async function startInventorySubgraph(options: InventorySubgraphOptions): Promise<RunningSubgraphServer> {
  const { db, close } = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir, schema, migrationsFolder, onQuery: options.onQuery });
  if (options.seedDemo) await seedDemoInventory(db);
  const products = options.productDirectory ?? new RemoteProductDirectory({ url: options.productsUrl, timeoutMs: options.productsTimeoutMs });
  const verifier = await createTokenVerifier(options.tokenVerification);
  const relay = new OutboxRelay({ db, bus: options.bus });
  relay.start();
  const eventsRecorded = () => relay.poke();
  const unsubscribe = await startInventoryConsumers(db, options.bus, eventsRecorded);
  const sweeper = startOrphanSweeper({ db, intervalMs: options.orphanSweepIntervalMs, graceMs: options.orphanGraceMs, onReleased: eventsRecorded });
  const server = await startSubgraphServer(
    {
      name: 'inventory',
      typeDefs,
      resolvers,
      verifier,
      context: (viewer) => createContext({ db, products, bus: options.bus, eventsRecorded }, viewer),
      routes: reservationRoutes(db, eventsRecorded),
      ready: () => databaseReady(db),
      // stockChanged over graphql-ws, fed by the bus's broadcast (every replica sees every stock change).
      subscriptions: true,
    },
    options.port,
  );
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await unsubscribe();
      await sweeper.stop();
      await relay.stop();
      await close();
    },
  };
}

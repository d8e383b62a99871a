import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gql } from 'graphql-tag';
import { createTokenVerifier } from '@shop/auth';
import { databaseReady, openDatabase } from '@shop/db';
import { startSubgraphServer, type RunningServer, type TokenVerification } from '@shop/server';
import { schema } from './db/schema.js';
import { seedDemoOrders } from './domain/seed.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import { RemoteProductCatalog, type ProductCatalog } from './product-catalog.js';

export const typeDefs = gql(readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8'));
const migrationsFolder = fileURLToPath(new URL('./db/migrations', import.meta.url));

export interface OrdersSubgraphOptions {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  tokenVerification: TokenVerification;
  /** The products subgraph's /graphql URL, read by the default RemoteProductCatalog. */
  productsUrl: string;
  /** Replaces the RemoteProductCatalog (productsUrl is then unused). */
  productCatalog?: ProductCatalog;
  seedDemo?: boolean;
  onQuery?: (sql: string) => void;
}

/** Opens the orders database, migrates (and seeds) it, and serves carts, orders and User.orders. */
export async function startOrdersSubgraph(options: OrdersSubgraphOptions): Promise<RunningServer> {
  const { db, close } = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir, schema, migrationsFolder, onQuery: options.onQuery });
  if (options.seedDemo) await seedDemoOrders(db);
  const verifier = await createTokenVerifier(options.tokenVerification);
  const catalog = options.productCatalog ?? new RemoteProductCatalog({ url: options.productsUrl });
  const server = await startSubgraphServer(
    { name: 'orders', typeDefs, resolvers, verifier, context: (viewer) => createContext(db, catalog, viewer), ready: () => databaseReady(db) },
    options.port,
  );
  return { ...server, stop: async () => (await server.stop(), await close()) };
}

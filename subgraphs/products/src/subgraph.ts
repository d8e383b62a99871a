import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gql } from 'graphql-tag';
import { createTokenVerifier } from '@shop/auth';
import { databaseReady, openDatabase } from '@shop/db';
import { startSubgraphServer, type RunningServer, type TokenVerification } from '@shop/server';
import { schema } from './db/schema.js';
import { seedDemoCatalog } from './domain/seed.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';

export const typeDefs = gql(readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8'));
const migrationsFolder = fileURLToPath(new URL('./db/migrations', import.meta.url));

export interface ProductsSubgraphOptions {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  tokenVerification: TokenVerification;
  seedDemo?: boolean;
  onQuery?: (sql: string) => void;
}

/** Opens the products database, migrates (and seeds) it, and serves the catalog subgraph. */
export async function startProductsSubgraph(options: ProductsSubgraphOptions): Promise<RunningServer> {
  const { db, close } = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir, schema, migrationsFolder, onQuery: options.onQuery });
  if (options.seedDemo) await seedDemoCatalog(db);
  const verifier = await createTokenVerifier(options.tokenVerification);
  const server = await startSubgraphServer(
    { name: 'products', typeDefs, resolvers, verifier, context: (viewer) => createContext(db, viewer), ready: () => databaseReady(db) },
    options.port,
  );
  return { ...server, stop: async () => (await server.stop(), await close()) };
}

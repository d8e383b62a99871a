import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gql } from 'graphql-tag';
import { createTokenVerifier } from '@shop/auth';
import { databaseReady, openDatabase } from '@shop/db';
import { startSubgraphServer, type RunningServer, type TokenVerification } from '@shop/server';
import { schema } from './db/schema.js';
import { seedDemoPayments } from './domain/seed.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';

export const typeDefs = gql(readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8'));
const migrationsFolder = fileURLToPath(new URL('./db/migrations', import.meta.url));

export interface PaymentsSubgraphOptions {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  tokenVerification: TokenVerification;
  seedDemo?: boolean;
  onQuery?: (sql: string) => void;
}

/** Opens the payments database, migrates (and seeds) it, and serves Payment and Order.payment(s). */
export async function startPaymentsSubgraph(options: PaymentsSubgraphOptions): Promise<RunningServer> {
  const { db, close } = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir, schema, migrationsFolder, onQuery: options.onQuery });
  if (options.seedDemo) await seedDemoPayments(db);
  const verifier = await createTokenVerifier(options.tokenVerification);
  const server = await startSubgraphServer(
    { name: 'payments', typeDefs, resolvers, verifier, context: (viewer) => createContext(db, viewer), ready: () => databaseReady(db) },
    options.port,
  );
  return { ...server, stop: async () => (await server.stop(), await close()) };
}

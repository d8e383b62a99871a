import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gql } from 'graphql-tag';
import { createTokenIssuer, createTokenVerifier, keyId, publicJwks } from '@shop/auth';
import { databaseReady, openDatabase } from '@shop/db';
import { startSubgraphServer, type RunningServer } from '@shop/server';
import { schema } from './db/schema.js';
import { seedDemoUsers } from './domain/seed.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';

export const typeDefs = gql(readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8'));
const migrationsFolder = fileURLToPath(new URL('./db/migrations', import.meta.url));

export interface UsersSubgraphOptions {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  privateKeyPem: string;
  publicKeyPem: string;
  seedDemo?: boolean;
  onQuery?: (sql: string) => void;
}

/** Opens the users database, migrates (and seeds) it, and serves the subgraph plus the JWKS others verify tokens with. */
export async function startUsersSubgraph(options: UsersSubgraphOptions): Promise<RunningServer> {
  const { db, close } = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir, schema, migrationsFolder, onQuery: options.onQuery });
  if (options.seedDemo) await seedDemoUsers(db);
  const issuer = await createTokenIssuer(options.privateKeyPem, options.publicKeyPem);
  const verifier = await createTokenVerifier({ publicKeyPem: options.publicKeyPem });
  const jwks = await publicJwks(options.publicKeyPem, keyId(options.publicKeyPem));
  const server = await startSubgraphServer(
    {
      name: 'users',
      typeDefs,
      resolvers,
      verifier,
      context: (viewer) => createContext(db, issuer, viewer),
      routes: (app) => app.get('/.well-known/jwks.json', (_req, res) => void res.json(jwks)),
      ready: () => databaseReady(db),
    },
    options.port,
  );
  return { ...server, stop: async () => (await server.stop(), await close()) };
}

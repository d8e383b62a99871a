import { z } from 'zod';
import { createTokenIssuer, keyId, publicJwks } from '@shop/auth';
import { defineSubgraph } from '@shop/kernel';
import { schema } from './db/schema.js';
import { seedDemoUsers } from './domain/seed.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';

/** Accounts and sign-in: the only service holding the private key; serves the JWKS everyone else verifies with. */
export const users = defineSubgraph({
  name: 'users',
  port: 4001,
  config: {
    JWT_PRIVATE_KEY: z.string().min(1, { message: 'the Ed25519 private key (PKCS#8 PEM) that signs tokens' }),
    JWT_PUBLIC_KEY: z.string().min(1, { message: 'the matching public key (SPKI PEM)' }),
  },
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: seedDemoUsers },
  services: async ({ config }) => ({
    issuer: await createTokenIssuer(config.JWT_PRIVATE_KEY, config.JWT_PUBLIC_KEY),
    jwks: await publicJwks(config.JWT_PUBLIC_KEY, keyId(config.JWT_PUBLIC_KEY)),
  }),
  context: ({ issuer }, viewer, { db }) => createContext(db, issuer, viewer),
  routes: (app, { jwks }) => app.get('/.well-known/jwks.json', (_req, res) => void res.json(jwks)),
});

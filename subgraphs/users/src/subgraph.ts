import { z } from 'zod';
import { createTokenIssuer, keyId, publicJwks } from '@shop/auth';
import { defineSubgraph } from '@shop/kernel';
import { schema, type UserRow } from './db/schema.js';
import { clientAddressOf, zTrustProxy } from './client-address.js';
import { adminContactRoutes } from './http/admin-contacts.js';
import { addressRoutes } from './http/addresses.js';
import { RemoteProductDirectory, type ProductDirectory } from './domain/product-directory.js';
import { seedDemoUsers } from './domain/seed.js';
import { DEFAULT_SIGN_IN_LIMITS as LIMITS, pruneExpiredLimits, StoredSignInLimits, unlimitedSignIns } from './domain/sign-in-limits.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** Accounts and sign-in: the only service holding the private key; serves the JWKS everyone else verifies with. */
export const users = defineSubgraph({
  name: 'users',
  port: 4001,
  config: {
    JWT_PRIVATE_KEY: z.string().min(1, { message: 'the Ed25519 private key (PKCS#8 PEM) that signs tokens' }),
    JWT_PUBLIC_KEY: z.string().min(1, { message: 'the matching public key (SPKI PEM)' }),
    /** Sign-in limits against credential stuffing and mass sign-ups (docs/security.md); "off" only behind a limiter of your own. */
    LOGIN_LIMITS: z.enum(['on', 'off']).default('on'),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: count(LIMITS.maxFailuresPerAccount),
    LOGIN_MAX_FAILURES_PER_IP: count(LIMITS.maxFailuresPerIp),
    LOGIN_FAILURE_WINDOW_SECONDS: count(LIMITS.failureWindowSeconds),
    /** The first lockout; each further one within a day doubles, up to LOGIN_LOCKOUT_MAX_SECONDS. */
    LOGIN_LOCKOUT_SECONDS: count(LIMITS.lockoutSeconds),
    LOGIN_LOCKOUT_MAX_SECONDS: count(LIMITS.maxLockoutSeconds),
    REGISTER_MAX_PER_IP: count(LIMITS.registrationsPerIp),
    REGISTER_WINDOW_SECONDS: count(LIMITS.registrationWindowSeconds),
    /** Which peers' X-Forwarded-For names the client (the gateway's addresses); see client-address.ts. */
    TRUST_PROXY: zTrustProxy,
    /** The products subgraph itself (never the gateway): addFavorite asks it whether the product exists. */
    PRODUCTS_URL: z.string().url().default('http://localhost:4002/graphql'),
    PRODUCTS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
  },
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: seedDemoUsers },
  services: async ({ config, db, credentials }) => ({
    issuer: await createTokenIssuer(config.JWT_PRIVATE_KEY, config.JWT_PUBLIC_KEY),
    signInLimits:
      config.LOGIN_LIMITS === 'on'
        ? new StoredSignInLimits(db, {
            maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
            maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
            failureWindowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
            lockoutSeconds: config.LOGIN_LOCKOUT_SECONDS,
            maxLockoutSeconds: Math.max(config.LOGIN_LOCKOUT_MAX_SECONDS, config.LOGIN_LOCKOUT_SECONDS),
            registrationsPerIp: config.REGISTER_MAX_PER_IP,
            registrationWindowSeconds: config.REGISTER_WINDOW_SECONDS,
          })
        : unlimitedSignIns,
    jwks: await publicJwks(config.JWT_PUBLIC_KEY, keyId(config.JWT_PUBLIC_KEY)),
    products: new RemoteProductDirectory({ url: config.PRODUCTS_URL, timeoutMs: config.PRODUCTS_TIMEOUT_MS, credentials }) as ProductDirectory,
  }),
  // A user is theirs and the admins'; a seller's profile (the shop's name) is public.
  access: { owners: { User: (user: UserRow) => user.id }, publicWhen: { seller: (user: UserRow) => user.roles.includes('SELLER') } },
  context: ({ issuer, signInLimits, products }, viewer, { db, config }, request) =>
    createContext(db, issuer, viewer, { limits: signInLimits, ip: clientAddressOf(request, config.TRUST_PROXY) }, products),
  workers: (_services, { db }) => [{ name: 'rate-limits-prune', everyMs: 15 * 60_000, run: () => pruneExpiredLimits(db) }],
  routes: (app, { jwks }, { db }) => {
    app.get('/.well-known/jwks.json', (_req, res) => void res.json(jwks));
    adminContactRoutes(app, db);
    addressRoutes(app, db);
  },
});

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { readConfig, zPort } from '@shop/common';
import { stopOnSignals, tokenVerificationFrom } from '@shop/server';
import { startTracing } from '@shop/observability';
import { schemaDir } from './compose.js';
import { clientLimitsEnv, clientLimitsFromEnv } from './client-limits.js';
import { edgeEnv } from './edge.js';
import { startGateway } from './gateway.js';
import { operationLimitsEnv, operationLimitsFromEnv } from './operation-limits.js';
import { persistedOperationsEnv, persistedOperationsFromEnv } from './persisted-operations/persisted-operations.js';
import { subgraphUrls } from './services.js';

/** The gateway alone, for the distributed setup: subgraph URLs come from USERS_URL, PRODUCTS_URL, … */
const config = readConfig(
  z.object({
    PORT: zPort(4000),
    /** Loopback unless configured; the Dockerfile sets 0.0.0.0. */
    HOST: z.string().min(1).default('127.0.0.1'),
    JWT_PUBLIC_KEY: z.string().optional(),
    JWKS_URL: z.string().url().default('http://localhost:4001/.well-known/jwks.json'),
    NODE_ENV: z.string().default('development'),
    // CORS_ORIGINS and HSTS_MAX_AGE (edge.ts).
    ...edgeEnv.shape,
    // Off unless the operator opts in: on, @apollo/gateway probes cloud metadata addresses and reports usage to Apollo.
    APOLLO_TELEMETRY: z.enum(['on', 'off']).default('off'),
    ...clientLimitsEnv.shape,
    // apq by default; safelist where every client ships a manifest (docs/persisted-operations.md).
    ...persistedOperationsEnv.shape,
    // Depth, aliases, cost, tokens, body size, batching, introspection, suggestions (docs/operation-limits.md).
    ...operationLimitsEnv.shape,
    /** Where gateway replicas share client budgets (PostgreSQL); unset, each replica counts alone. */
    GATEWAY_DATABASE_URL: z.string().url().optional(),
  }),
);
// Traces only when the standard OTEL_* variables ask for them (see README, "Observing it").
const tracing = await startTracing({ serviceName: 'gateway' });
const gateway = await startGateway({
  port: config.PORT,
  supergraphSdl: readFileSync(`${schemaDir}supergraph.graphql`, 'utf8'),
  subgraphUrls: subgraphUrls(),
  tokenVerification: tokenVerificationFrom(config),
  development: config.NODE_ENV !== 'production',
  host: config.HOST,
  // Unset: the storefront on this machine and the gateway's own origin (edge.ts).
  corsOrigins: config.CORS_ORIGINS,
  hstsMaxAgeSeconds: config.HSTS_MAX_AGE,
  apolloTelemetry: config.APOLLO_TELEMETRY === 'on',
  clientLimits: clientLimitsFromEnv(config),
  databaseUrl: config.GATEWAY_DATABASE_URL,
  persistedOperations: persistedOperationsFromEnv(config),
  operationLimits: operationLimitsFromEnv(config, config.NODE_ENV !== 'production'),
});
stopOnSignals(async () => {
  await gateway.stop();
  await tracing?.shutdown();
});

import { readConfig } from '@shop/common';
import { stopOnSignals, tokenVerificationFrom } from '@shop/server';
import { startTracing } from '@shop/observability';
import { schemaDir } from './compose.js';
import { clientLimitsFromEnv } from './client-limits.js';
import { gatewayEnv } from './gateway-config.js';
import { startGateway } from './gateway.js';
import { operationLimitsFromEnv } from './operation-limits.js';
import { persistedOperationsFromEnv } from './persisted-operations/persisted-operations.js';
import { subgraphUrls } from './services.js';
import { supergraphSourceFromConfig } from './supergraph-source.js';

/** The gateway alone, for the distributed setup: subgraph URLs come from USERS_URL, PRODUCTS_URL, … */
const config = readConfig(gatewayEnv);
// Traces only when the standard OTEL_* variables ask for them (see README, "Observing it").
const tracing = await startTracing({ serviceName: 'gateway' });
const gateway = await startGateway({
  port: config.PORT,
  // Reloaded without a restart when it changes (SUPERGRAPH_PATH or SUPERGRAPH_URL, see gateway-config.ts).
  supergraphSdl: supergraphSourceFromConfig(config, `${schemaDir}supergraph.graphql`),
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

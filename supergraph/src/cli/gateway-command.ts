import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readConfig } from '@shop/common';
import { RabbitMqEventBus } from '@shop/events';
import { tokenVerificationFrom } from '@shop/server';
import { clientLimitsFromEnv } from '../client-limits.js';
import { schemaDir } from '../compose.js';
import { gatewayEnv } from '../gateway-config.js';
import { startGateway, type RunningGateway } from '../gateway.js';
import { limitHeapGrowth } from '../heap-growth.js';
import { operationLimitsFromEnv } from '../operation-limits.js';
import { persistedOperationsFromEnv } from '../persisted-operations/persisted-operations.js';
import { subgraphUrls } from '../services.js';
import { supergraphSourceFromConfig } from '../supergraph-source.js';
import type { GatewayArguments } from './arguments.js';
import { subgraphUrlOverrides } from './subgraph-urls.js';

/**
 * The gateway main.ts runs: configured by the environment, the command line winning over it. Without --supergraph,
 * this platform's supergraph with every subgraph at its *_URL or default port; with it, any supergraph, its
 * subgraphs at the URLs it names unless <NAME>_URL is set.
 */
export async function gatewayFromCommandLine(args: GatewayArguments, env: Record<string, string | undefined> = process.env): Promise<RunningGateway> {
  // npm runs scripts in the repository's root: a relative --supergraph is the caller's, from where npm was run (INIT_CWD).
  const supergraph = args.supergraph && resolve(env.INIT_CWD ?? process.cwd(), args.supergraph);
  // --supergraph names a file, so a SUPERGRAPH_URL set around it yields.
  const config = readConfig(gatewayEnv, {
    ...env,
    ...(args.port !== undefined && { PORT: String(args.port) }),
    ...(supergraph && { SUPERGRAPH_PATH: supergraph, SUPERGRAPH_URL: undefined }),
    ...(args.dedup && { GATEWAY_DEDUP: args.dedup }),
  });
  // A policy of this process, which is the gateway alone (startGateway also runs inside npm start's one process).
  limitHeapGrowth(config.GATEWAY_HEAP_GROWTH_PERCENT);
  if (config.RESPONSE_CACHE === 'on' && !config.RABBITMQ_URL) throw new Error('RESPONSE_CACHE=on needs RABBITMQ_URL: the cache is emptied by the services\' events');
  // Only broadcast is used, so no consumer topology is declared.
  const bus = config.RESPONSE_CACHE === 'on' ? await RabbitMqEventBus.connect(config.RABBITMQ_URL!, {}) : null;
  const gateway = await startGateway({
    port: config.PORT,
    // Reloaded without a restart when it changes (SUPERGRAPH_PATH or SUPERGRAPH_URL, see gateway-config.ts).
    supergraphSdl: supergraphSourceFromConfig(config, `${schemaDir}supergraph.graphql`),
    subgraphUrls: supergraph ? subgraphUrlOverrides(await readFile(supergraph, 'utf8'), env) : subgraphUrls(env),
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
    dedup: config.GATEWAY_DEDUP,
    admission: { busyConcurrency: config.GATEWAY_BUSY_CONCURRENCY },
    ...(bus && { responseCache: { bus } }),
  });
  return bus ? { ...gateway, stop: async () => { await gateway.stop(); await bus.close(); } } : gateway;
}

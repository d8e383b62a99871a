import { z } from 'zod';
import { zPort } from '@shop/common';
import { clientLimitsEnv } from './client-limits.js';
import { DEDUP_MODES, DEFAULT_DEDUP } from './deduplication.js';
import { edgeEnv } from './edge.js';
import { DEFAULT_HEAP_GROWTH_PERCENT } from './heap-growth.js';
import { DEFAULT_ADMISSION } from './execution/admission.js';
import { operationLimitsEnv } from './operation-limits.js';
import { persistedOperationsEnv } from './persisted-operations/persisted-operations.js';
import { zWorkers } from './workers.js';

/** Everything the standalone gateway reads from its environment (subgraph URLs aside: services.ts), validated once. */
export const gatewayEnv = z.object({
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
  // The supergraph (supergraph-source.ts): a file, watched and reloaded when it changes (default schema/supergraph.graphql),
  // or a URL polled every SUPERGRAPH_POLL_INTERVAL_MS; one of the two. The interval also spaces retries of a
  // supergraph refused because a subgraph it names did not answer.
  SUPERGRAPH_PATH: z.string().min(1).optional(),
  SUPERGRAPH_URL: z.string().url().optional(),
  SUPERGRAPH_POLL_INTERVAL_MS: z.coerce.number().int().min(100).default(10_000),
  /** Which identical concurrent queries are answered once: none, outbound or inbound (deduplication.ts); --dedup wins. */
  GATEWAY_DEDUP: z.enum(DEDUP_MODES).default(DEFAULT_DEDUP),
  /** Gateway processes sharing the port (workers.ts): a number, or auto (one per core); --workers wins. */
  GATEWAY_WORKERS: zWorkers.default(1),
  /** Queries run at once while the gateway's event loop is saturated; the rest wait their turn (execution/admission.ts). 0: no bound. */
  GATEWAY_BUSY_CONCURRENCY: z.coerce.number().int().min(0).default(DEFAULT_ADMISSION.busyConcurrency),
  /**
   * on: anonymous queries' responses are cached until the next domain event or mutation (response-cache/); needs the
   * services' broker (EVENT_BUS=rabbitmq, RABBITMQ_URL), since an event this gateway does not see would leave a stale answer.
   */
  RESPONSE_CACHE: z.enum(['on', 'off']).default('off'),
  /** How far the heap grows past the live size before a full collection, in percent (heap-growth.ts); 0: V8's own policy. */
  GATEWAY_HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(1000).default(DEFAULT_HEAP_GROWTH_PERCENT),
  RABBITMQ_URL: z.string().url().optional(),
});

export type GatewayConfig = z.infer<typeof gatewayEnv>;

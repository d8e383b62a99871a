import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { loadOrCreateKeyPair, type KeyPairPem } from '@shop/auth';
import { InProcessEventBus, type EventBus } from '@shop/events';
import { prepareEmbeddedDatabases } from '@shop/db';
import { startSubgraph, type AnySubgraphDefinition, type RunningSubgraph } from '@shop/kernel';
import type { RunningServer } from '@shop/server';
import { defaultSubgraphUrl, schemaDir, startGateway, SUBGRAPHS, type ClientLimitSettings, type OperationLimitSettings, type PersistedOperationSettings, type RunningGateway, type SubgraphName } from '@shop/supergraph';
import type { ServiceName } from './service-names.js';
import { SERVICES } from './topology.js';

export interface PlatformOptions {
  /** Where the embedded databases and the JWT key pair live (PGlite mode). */
  dataDir: string;
  /** postgres://…/name: each subgraph then gets its own database name_<subgraph> on that server, created if missing. */
  databaseUrl?: string;
  gatewayPort: number;
  /** Where each service listens; a service not given here takes its declared default port. */
  servicePorts?: Partial<Record<ServiceName, number>>;
  keys?: KeyPairPem;
  /** The secret the services sign and verify service tokens with; made up for this start when not given. */
  serviceSecret?: string;
  seedDemo?: boolean;
  development?: boolean;
  /**
   * Settings every service reads beneath the platform's own, as a process environment (npm start passes its own, so
   * SMTP_URL, ASSISTANT_PROVIDER, FORECAST_INTERVAL_MS… reach the services); ports, databases, keys and URLs stay the
   * platform's.
   */
  environment?: Record<string, string | undefined>;
  /** Settings of one service beyond the platform's own, as its environment would give them (e.g. FORECAST_CHECK_INTERVAL_MS). */
  serviceConfig?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Every SQL statement, by subgraph: the batching test counts them. */
  onQuery?: (service: ServiceName, sql: string) => void;
  /** Every request the gateway sends to a subgraph. */
  onSubgraphRequest?: (subgraph: SubgraphName) => void;
  /** The bus every subgraph publishes to and consumes from; one in-process bus by default. */
  bus?: EventBus;
  /** Checkout tuning (tests shorten them). */
  reservationTtlMs?: number;
  expirySweepIntervalMs?: number;
  paymentProviderLatencyMs?: number;
  /** The gateway's per-client budgets (on, with production defaults, unless given otherwise). */
  clientLimits?: Partial<ClientLimitSettings>;
  /** The gateway's persisted operations: APQ in memory unless given otherwise (docs/persisted-operations.md). */
  persistedOperations?: Partial<PersistedOperationSettings>;
  /** The gateway's operation limits (production defaults; introspection and suggestions follow `development` unless given). */
  operationLimits?: Partial<OperationLimitSettings>;
  /** Where the gateway listens: 127.0.0.1 unless given. Subgraphs always listen on loopback: only this gateway calls them. */
  gatewayHost?: string;
  /** Browser origins the gateway allows with credentials (the storefront's); the gateway's default (edge.ts) unless given. */
  corsOrigins?: readonly string[];
  /** Strict-Transport-Security max-age for the gateway; 0 (default) sends none. */
  hstsMaxAgeSeconds?: number;
  /** The gateway caches anonymous queries' responses until the next event on this platform's bus or mutation (off unless true). */
  responseCache?: boolean;
  /** Only these services (every one by default): a benchmark runs the original five to compare with earlier commits. */
  services?: readonly ServiceName[];
}

export interface Platform {
  gatewayUrl: string;
  bus: EventBus;
  subgraphUrls: Record<SubgraphName, string>;
  /** The running servers, for tests that look inside: the gateway's subscription stats, the subgraphs' liveStats(). */
  servers: { gateway: RunningGateway } & Record<ServiceName, RunningSubgraph<any, any>>;
  stop(): Promise<void>;
}

/** One database per subgraph on the given server, named after it. */
async function ensureDatabase(serverUrl: string, subgraph: ServiceName): Promise<string> {
  const url = new URL(serverUrl);
  const name = `${url.pathname.slice(1) || 'artesanias'}_${subgraph}`;
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/** Every subgraph, every worker and the gateway in this process: the embedded default behind `npm start`. */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const names = [...(options.services ?? (Object.keys(SERVICES) as ServiceName[]))];
  const dataDir = (name: ServiceName) => resolve(options.dataDir, name);
  // The embedded databases start opening now (a fresh one once a worker thread has made its cluster), while the key pair loads.
  if (!options.databaseUrl) prepareEmbeddedDatabases(names.map(dataDir));
  const keys = options.keys ?? (await loadOrCreateKeyPair(join(options.dataDir, 'keys')));
  const tokenVerification = { publicKeyPem: keys.publicKeyPem };
  // One secret for every service of this start: they trust each other's service tokens and nobody else's.
  const serviceSecret = options.serviceSecret ?? randomBytes(32).toString('base64url');
  const seedDemo = options.seedDemo ?? true;
  const ownBus = !options.bus;
  const bus = options.bus ?? new InProcessEventBus();
  const portOf = (name: ServiceName) => options.servicePorts?.[name] ?? SERVICES[name].port;
  const urls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, defaultSubgraphUrl(portOf(name), '127.0.0.1')])) as Record<SubgraphName, string>;
  // USERS_URL, PRODUCTS_URL, …: every service finds the subgraphs it calls where this start put them.
  const subgraphUrlSettings = Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${name.toUpperCase()}_URL`, urls[name]]));
  // Each service's config as its environment would give it; the platform's own options win.
  const configOf = async (name: ServiceName): Promise<Record<string, unknown>> => ({
    ...options.environment,
    PORT: portOf(name),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl ? await ensureDatabase(options.databaseUrl, name) : undefined,
    DATA_DIR: dataDir(name),
    JWT_PUBLIC_KEY: keys.publicKeyPem,
    SERVICE_SECRET: serviceSecret,
    SEED_DEMO: String(seedDemo),
    ...subgraphUrlSettings,
    // Product images are fetched through this gateway's /media unless the environment names another address (a CDN).
    MEDIA_PUBLIC_URL: options.environment?.MEDIA_PUBLIC_URL ?? `http://localhost:${options.gatewayPort}/media`,
    // The assistant asks the graph through this gateway, as the asking user.
    GATEWAY_URL: `http://127.0.0.1:${options.gatewayPort}/graphql`,
    ...(name === 'users' ? { JWT_PRIVATE_KEY: keys.privateKeyPem } : {}),
    ...(options.reservationTtlMs !== undefined ? { RESERVATION_TTL: options.reservationTtlMs } : {}),
    ...(options.expirySweepIntervalMs !== undefined ? { EXPIRY_SWEEP_INTERVAL: options.expirySweepIntervalMs } : {}),
    ...(options.paymentProviderLatencyMs !== undefined ? { PAYMENT_PROVIDER_LATENCY_MS: options.paymentProviderLatencyMs } : {}),
    ...options.serviceConfig?.[name],
  });
  const started: RunningServer[] = [];
  // The services start side by side and call each other: their periodic workers wait until every one listens.
  let allListening!: () => void;
  const everyoneListens = new Promise<void>((resolve) => (allListening = resolve));
  const start = async (name: ServiceName) => {
    const service = await startSubgraph(SERVICES[name] as AnySubgraphDefinition, {
      config: await configOf(name),
      bus,
      workersAfter: everyoneListens,
      onQuery: options.onQuery ? (sql: string) => options.onQuery!(name, sql) : undefined,
    });
    started.push(service);
    return [name, service] as const;
  };
  try {
    const servers = Object.fromEntries(await Promise.all(names.map(start))) as Record<ServiceName, RunningSubgraph<any, any>>;
    allListening();
    const gateway = await startGateway({
      port: options.gatewayPort,
      supergraphSdl: readFileSync(`${schemaDir}supergraph.graphql`, 'utf8'),
      subgraphUrls: urls,
      tokenVerification,
      development: options.development ?? true,
      onSubgraphRequest: options.onSubgraphRequest,
      clientLimits: options.clientLimits,
      persistedOperations: options.persistedOperations,
      operationLimits: options.operationLimits,
      host: options.gatewayHost,
      corsOrigins: options.corsOrigins,
      hstsMaxAgeSeconds: options.hstsMaxAgeSeconds,
      ...(options.responseCache && { responseCache: { bus } }),
    });
    started.unshift(gateway);
    return {
      gatewayUrl: gateway.url,
      bus,
      subgraphUrls: urls,
      servers: { gateway, ...servers },
      // The gateway first, then the services in reverse start order: a service stops before those it calls
      // (users last), so no worker of a running service meets a stopped peer.
      async stop() {
        await gateway.stop();
        for (const name of [...names].reverse()) await servers[name].stop();
        if (ownBus) await bus.close();
      },
    };
  } catch (error) {
    await Promise.allSettled(started.map((s) => s.stop()));
    throw error;
  }
}

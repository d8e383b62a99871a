import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateKeyPairPem, type KeyPairPem } from '@shop/auth';
// Throwaway engines when none is configured. This folder is a developer and CI tool, outside every image's import graph.
import { createTestDatabase, freePort, startPostgresServer, startRabbitMq } from '@shop/local-servers';
import { SERVICE_NAMES, type ServiceName } from '../service-names.js';
import { startTcpBalancer, type TcpBalancer, type Upstream } from './balancer.js';
import { findNginx, startNginx, type NginxBalancer } from './nginx.js';
import { DEFAULT_RUNTIME, prepareRuntime, processCommand, startReplica, type Replica, type Runtime } from './processes.js';

export type { Replica } from './processes.js';

/**
 * Two replicas of every service that holds state or consumes events (issue 18); users, products and the assistant
 * run once. The gateway runs twice.
 */
export const DEFAULT_REPLICAS: Record<ServiceName, number> = {
  users: 1,
  products: 1,
  inventory: 2,
  orders: 2,
  payments: 2,
  notifications: 2,
  support: 2,
  analytics: 2,
  assistant: 1,
  shipping: 2,
  purchasing: 2,
  assignment: 2,
};

/** The services the gateway routes to (every one but the workers), from the same list the gateway's *_URL come from. */
const SUBGRAPH_NAMES = SERVICE_NAMES.filter((name) => name !== 'assignment');

export interface DistributedOptions {
  /** A PostgreSQL server's admin URL: one database per service is created on it (and dropped by stop()). Unset: a throwaway cluster. */
  databaseUrl?: string;
  /** A RabbitMQ broker. Unset: a throwaway node. */
  rabbitUrl?: string;
  replicas?: Partial<Record<ServiceName, number>>;
  gateways?: number;
  /** nginx when installed (auto), or the Node balancer. */
  balancer?: 'auto' | 'nginx' | 'node';
  /** The load balancer's port; a free one when unset. */
  port?: number;
  /** build (bundle now, run with node: the default), dist (an existing build) or tsx (the sources); see processes.ts. */
  runtime?: Runtime;
  /** Added to every service's environment. */
  env?: Record<string, string>;
  /** Added to the gateways' environment. */
  gatewayEnv?: Record<string, string>;
  /** Database name prefix. */
  prefix?: string;
  /** How long one replica may take to answer /ready (default 240 s; a loaded machine needs more). */
  readyTimeoutMs?: number;
  /** Every line a process prints, with its replica name (the npm script prints them; tests keep the tail). */
  onOutput?: (name: string, chunk: string) => void;
}

export interface DistributedTopology {
  /** The load balancer's origin: the storefront at /, the graph at /graphql, images at /media. */
  lbUrl: string;
  graphqlUrl: string;
  balancer: 'nginx' | 'node';
  runtime: Runtime;
  gateways: Replica[];
  /** Each gateway's own GraphQL URL. */
  gatewayUrls: string[];
  /** Every replica of every service. */
  services: Record<ServiceName, Replica[]>;
  /** The URL other services and the gateways use for a service: its balancer when it has replicas. */
  serviceUrls: Record<ServiceName, string>;
  databaseUrls: Record<ServiceName, string>;
  rabbitUrl: string;
  keys: KeyPairPem;
  /** Milliseconds from start() to every replica and the balancer ready. */
  startupMs: number;
  stop(): Promise<void>;
}

const STOREFRONT_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * The production topology as local processes: PostgreSQL (one database per service), RabbitMQ, every service with its
 * replicas behind a balancer each (what compose's service DNS name does), the gateways, and a load balancer in front
 * of them (nginx rendering deploy/nginx's template, or the Node balancer). Everything independent starts in parallel.
 */
export async function startDistributed(options: DistributedOptions = {}): Promise<DistributedTopology> {
  const began = Date.now();
  const runtime = options.runtime ?? DEFAULT_RUNTIME;
  const replicaCounts = { ...DEFAULT_REPLICAS, ...options.replicas };
  const nginx = options.balancer === 'node' ? undefined : findNginx();
  if (options.balancer === 'nginx' && !nginx) throw new Error('nginx is not installed');

  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    // Last started, first stopped: the balancers and gateways, then the services, the databases, the broker.
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    cleanups.length = 0;
  };
  try {
    // Each engine is registered for teardown as soon as it is up, so a failure of another leaves nothing behind.
    const started = <T,>(promise: Promise<T>, teardown: (value: T) => Promise<unknown>) => promise.then((value) => (cleanups.push(() => teardown(value)), value));
    const engines = await Promise.allSettled([
      started(prepareRuntime(runtime), (b) => b.remove()),
      options.databaseUrl ? Promise.resolve(undefined) : started(startPostgresServer(), (pg) => pg.stop()),
      options.rabbitUrl ? Promise.resolve(undefined) : started(startRabbitMq(), (mq) => mq.stop()),
      generateKeyPairPem(),
    ]);
    const engineFailure = engines.find((e): e is PromiseRejectedResult => e.status === 'rejected');
    if (engineFailure) throw engineFailure.reason;
    const [bundles, postgres, rabbit, keys] = engines.map((e) => (e as PromiseFulfilledResult<unknown>).value) as [
      Awaited<ReturnType<typeof prepareRuntime>>,
      Awaited<ReturnType<typeof startPostgresServer>> | undefined,
      Awaited<ReturnType<typeof startRabbitMq>> | undefined,
      KeyPairPem,
    ];
    const adminUrl = options.databaseUrl ?? postgres!.url;
    const rabbitUrl = options.rabbitUrl ?? rabbit!.url;
    const prefix = options.prefix ?? 'dist';
    const databases = await Promise.all(SERVICE_NAMES.map((name) => createTestDatabase(adminUrl, `${prefix}_${name}`)));
    cleanups.push(() => Promise.all(databases.map((db) => db.drop())));
    const databaseUrls = Object.fromEntries(SERVICE_NAMES.map((name, i) => [name, databases[i]!.url])) as Record<ServiceName, string>;

    // Every port is known before anything starts, so every process gets every URL at once.
    const replicaPorts = Object.fromEntries(
      await Promise.all(SERVICE_NAMES.map(async (name) => [name, await Promise.all(Array.from({ length: replicaCounts[name] }, () => freePort()))] as const)),
    ) as Record<ServiceName, number[]>;
    const gatewayPorts = await Promise.all(Array.from({ length: options.gateways ?? 2 }, () => freePort()));
    const lbPort = options.port ?? (await freePort());
    const lbUrl = `http://127.0.0.1:${lbPort}`;

    const upstreams = (ports: number[]): Upstream[] => ports.map((port) => ({ host: '127.0.0.1', port }));
    const fronts = await Promise.all(
      SERVICE_NAMES.map(async (name) => (replicaPorts[name].length > 1 ? startTcpBalancer(upstreams(replicaPorts[name])) : undefined)),
    );
    cleanups.push(() => Promise.all(fronts.map((f) => f?.close())));
    const serviceUrls = Object.fromEntries(
      SERVICE_NAMES.map((name, i) => [name, `http://127.0.0.1:${fronts[i]?.port ?? replicaPorts[name][0]}/graphql`]),
    ) as Record<ServiceName, string>;
    const urlEnv = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, serviceUrls[name]]));

    const serviceSecret = randomBytes(32).toString('base64url');
    const common: Record<string, string> = {
      JWT_PUBLIC_KEY: keys.publicKeyPem,
      SERVICE_SECRET: serviceSecret,
      SEED_DEMO: 'true',
      EVENT_BUS: 'rabbitmq',
      RABBITMQ_URL: rabbitUrl,
      // The assistant asks the graph as a client would: through the load balancer.
      GATEWAY_URL: `${lbUrl}/graphql`,
      ...urlEnv,
      ...options.env,
    };
    const startOne = (name: ServiceName, index: number, onSpawn: (replica: Replica) => void) =>
      startReplica(`${name}-${index + 1}`, processCommand({ service: name }, bundles.dir), replicaPorts[name][index]!, {
        ...common,
        DATABASE_URL: databaseUrls[name],
        ...(name === 'users' ? { JWT_PRIVATE_KEY: keys.privateKeyPem } : {}),
      }, { onOutput: options.onOutput, timeoutMs: options.readyTimeoutMs, onSpawn });

    const services = Object.fromEntries(SERVICE_NAMES.map((name) => [name, [] as Replica[]])) as Record<ServiceName, Replica[]>;
    const gateways: Replica[] = [];
    // Every process from the moment it is spawned, so a failed start stops the ones still starting too.
    const spawned: Replica[] = [];
    const onSpawn = (replica: Replica) => spawned.push(replica);
    cleanups.push(() => Promise.all(spawned.map((r) => r.stop())));
    // Replicas of one service start together: migrations and demo seeding run under an advisory lock (packages/db).
    const serviceStarts = SERVICE_NAMES.map(async (name) => {
      services[name].push(...(await Promise.all(replicaPorts[name].map((_, i) => startOne(name, i, onSpawn)))));
    });
    // A gateway is ready once every subgraph answers /ready: it starts with them and waits.
    const gatewayStarts = gatewayPorts.map(async (port, i) => {
      const gatewayEnv = { ...urlEnv, JWT_PUBLIC_KEY: keys.publicKeyPem, SERVICE_SECRET: serviceSecret, ...options.gatewayEnv };
      gateways.push(await startReplica(`gateway-${i + 1}`, processCommand('gateway', bundles.dir), port, gatewayEnv, { onOutput: options.onOutput, timeoutMs: options.readyTimeoutMs, onSpawn }));
    });
    const lb: Promise<NginxBalancer | TcpBalancer> = (
      nginx ? startNginx(nginx, { port: lbPort, upstreams: upstreams(gatewayPorts), storefrontRoot: STOREFRONT_ROOT }) : startTcpBalancer(upstreams(gatewayPorts), { port: lbPort })
    ).then((balancer) => (cleanups.push(() => balancer.close()), balancer));
    // The first failure stops the whole start (stop() below), rather than waiting for the others to time out.
    await Promise.all([...serviceStarts, ...gatewayStarts, lb]);
    gateways.sort((a, b) => a.name.localeCompare(b.name));
    if (nginx && !existsSync(STOREFRONT_ROOT)) options.onOutput?.('nginx', `no storefront build at ${STOREFRONT_ROOT} (npm run build:web): / answers 404\n`);

    return {
      lbUrl,
      graphqlUrl: `${lbUrl}/graphql`,
      balancer: nginx ? 'nginx' : 'node',
      runtime,
      gateways,
      gatewayUrls: gateways.map((g) => g.url),
      services,
      serviceUrls,
      databaseUrls,
      rabbitUrl,
      keys,
      startupMs: Date.now() - began,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

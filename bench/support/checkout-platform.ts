/**
 * The two ways the placeOrder benchmark runs the platform: everything in one process (as `npm start` does), or each
 * service in its own process with events through RabbitMQ (as the distributed deployment does), so both cores serve.
 */
import { randomBytes } from 'node:crypto';
import type { generateKeyPairPem } from '@shop/auth';
import { createEventBus, type EventBus } from '@shop/events';
import { createTestDatabase, freePort, startRabbitMq, startServiceProcess } from '@shop/testing';
import { SERVICE_NAMES, startPlatform, type ServiceName } from '@shop/platform';

type Keys = Awaited<ReturnType<typeof generateKeyPairPem>>;

export interface BenchPlatform {
  description: string;
  gatewayUrl: string;
  /** The inventory subgraph's database, to set stock and count what was reserved. */
  inventoryDbUrl: string;
  /** A bus on which the benchmark watches payment events. */
  bus: EventBus;
  stop(): Promise<void>;
}

/**
 * The five services the platform had before the kernel redesign (baseline commit bd642bc): `--services core` runs
 * only these, so that a comparison with that commit measures the same workload rather than seven more services
 * reacting to every order. Every other service is off (nothing in placeOrder or payOrder calls one synchronously).
 */
export const CORE_SERVICES = ['users', 'products', 'inventory', 'orders', 'payments'] as const satisfies readonly ServiceName[];

const ONE_ADDRESS_MANY_CLIENTS = { requestsPerIpPerMinute: 1_000_000_000 };

/**
 * analytics' forecast batch (over a minute of CPU on 2 cores) would otherwise start about a minute in, in the middle
 * of the measured phases, and its demo year takes seconds to seed: neither is checkout. Hourly checks keep the
 * batch out of a bench run, as in the test platforms; 60 days of history are enough for its consumers.
 */
const ANALYTICS_QUIET = { FORECAST_CHECK_INTERVAL_MS: String(3_600_000), DEMO_HISTORY_DAYS: '60' };

export async function platformInOneProcess(postgresUrl: string, keys: Keys, names: readonly ServiceName[] = SERVICE_NAMES): Promise<BenchPlatform> {
  const ports = await Promise.all(Array.from({ length: names.length + 1 }, () => freePort()));
  const url = (name: string) => Object.assign(new URL(postgresUrl), { pathname: name }).toString();
  const platform = await startPlatform({
    dataDir: '/nonexistent',
    databaseUrl: url('/bench'),
    gatewayPort: ports[0]!,
    servicePorts: Object.fromEntries(names.map((name, i) => [name, ports[i + 1]!])),
    services: names,
    keys,
    development: false,
    // Every simulated buyer sends from this machine's one address: only the per-address budget is lifted, the limiter still runs.
    clientLimits: ONE_ADDRESS_MANY_CLIENTS,
    serviceConfig: { analytics: ANALYTICS_QUIET },
  });
  return { description: `one process (gateway + ${names.length} services: ${names.join(', ')}), in-process bus`, gatewayUrl: platform.gatewayUrl, inventoryDbUrl: url('/bench_inventory'), bus: platform.bus, stop: platform.stop };
}

export async function platformAsProcesses(postgresUrl: string, keys: Keys, names: readonly ServiceName[] = SERVICE_NAMES): Promise<BenchPlatform> {
  const rabbit = await startRabbitMq();
  const dbs = await Promise.all(names.map((name) => createTestDatabase(postgresUrl, `bench_${name}`)));
  const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()] as const))) as Record<ServiceName, number>;
  const urls = Object.fromEntries(names.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`]));
  const common = { ...urls, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', EVENT_BUS: 'rabbitmq', RABBITMQ_URL: rabbit.url, NODE_ENV: 'production', SERVICE_SECRET: randomBytes(32).toString('base64url') };
  const services = await Promise.all(
    names.map((name, i) =>
      startServiceProcess(name, `platform/src/serve.ts ${name}`, ports[name], { ...common, DATABASE_URL: dbs[i]!.url, ...(name === 'users' ? { JWT_PRIVATE_KEY: keys.privateKeyPem } : {}), ...(name === 'analytics' ? ANALYTICS_QUIET : {}) }),
    ),
  );
  const gateway = await startServiceProcess('gateway', 'supergraph/src/main.ts', await freePort(), { ...common, RATE_LIMIT_IP_PER_MINUTE: String(ONE_ADDRESS_MANY_CLIENTS.requestsPerIpPerMinute) });
  const bus = await createEventBus({ EVENT_BUS: 'rabbitmq', RABBITMQ_URL: rabbit.url });
  return {
    description: `one process per service (gateway + ${names.length} services: ${names.join(', ')}), RabbitMQ bus`,
    gatewayUrl: gateway.url,
    inventoryDbUrl: dbs[names.indexOf('inventory')]!.url,
    bus,
    async stop() {
      await bus.close();
      await Promise.all([gateway, ...services].map((s) => s.stop()));
      await rabbit.stop();
      for (const db of dbs) await db.drop();
    },
  };
}

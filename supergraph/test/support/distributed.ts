import { generateKeyPairPem, type KeyPairPem } from '@shop/auth';
import { SERVICE_NAMES, type ServiceName } from '@shop/platform';
import { createTestDatabase, freePort, startServiceProcess, type ServiceProcess } from '@shop/testing';
import { SUBGRAPHS } from '../../src/services.js';

/** The platform as production runs it, in miniature: every service and the gateway as its own OS process, one database each, events on a real RabbitMQ. */
export interface DistributedPlatform {
  gatewayUrl: string;
  keys: KeyPairPem;
  services: Record<ServiceName, ServiceProcess>;
  databaseUrls: Record<ServiceName, string>;
  stop(): Promise<void>;
}

export async function startDistributedPlatform(options: { databaseUrl: string; rabbitUrl: string; prefix: string; env?: Record<string, string> }): Promise<DistributedPlatform> {
  const keys = await generateKeyPairPem();
  const databases = await Promise.all(SERVICE_NAMES.map((name) => createTestDatabase(options.databaseUrl, `${options.prefix}_${name}`)));
  const ports = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (name) => [name, await freePort()] as const))) as Record<ServiceName, number>;
  const urls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`]));
  // Chosen before the services start: the assistant asks the graph through the gateway.
  const gatewayPort = await freePort();
  const started: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.allSettled(started.map((p) => p.stop()));
    await Promise.allSettled(databases.map((db) => db.drop()));
  };
  try {
    const common = {
      JWT_PUBLIC_KEY: keys.publicKeyPem,
      SEED_DEMO: 'true',
      EVENT_BUS: 'rabbitmq',
      RABBITMQ_URL: options.rabbitUrl,
      GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
      // No forecast batch (seconds of CPU) unless a test asks for one, and 60 days of demo sales, not a year.
      FORECAST_CHECK_INTERVAL_MS: String(3_600_000),
      DEMO_HISTORY_DAYS: '60',
      ...urls,
      ...options.env,
    };
    const services = Object.fromEntries(
      await Promise.all(
        SERVICE_NAMES.map(async (name, i) => {
          const env = { ...common, DATABASE_URL: databases[i]!.url, ...(name === 'users' ? { JWT_PRIVATE_KEY: keys.privateKeyPem } : {}) };
          const service = await startServiceProcess(name, `platform/src/serve.ts ${name}`, ports[name], env, 240_000);
          started.push(service);
          return [name, service] as const;
        }),
      ),
    ) as Record<ServiceName, ServiceProcess>;
    // Many test clients share one address: the per-address budgets are lifted (security tests prove them).
    const gateway = await startServiceProcess('gateway', 'supergraph/src/main.ts', gatewayPort, { ...urls, JWT_PUBLIC_KEY: keys.publicKeyPem, RATE_LIMIT_IP_PER_MINUTE: '1000000', WS_CONNECTS_PER_IP_PER_MINUTE: '1000000' }, 240_000);
    started.push(gateway);
    return { gatewayUrl: gateway.url, keys, services, databaseUrls: Object.fromEntries(SERVICE_NAMES.map((name, i) => [name, databases[i]!.url])) as Record<ServiceName, string>, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A service's /metrics URL from its GraphQL URL (workers answer /metrics at the same origin). */
export const metricsUrlOf = (service: ServiceProcess) => `${new URL(service.url).origin}/metrics`;

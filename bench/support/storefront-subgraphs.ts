/**
 * The storefront bench's subgraph process: every service as `npm start` runs them (startPlatform), on the real
 * PostgreSQL server in DATABASE_URL and the RabbitMQ broker in RABBITMQ_URL (so a gateway in another process can
 * follow the domain events), each service on a free port. Prints one JSON line (READY …) with the subgraph URLs and
 * the JWT public key.
 * startPlatform also starts its own gateway; nothing sends it a request, the bench's gateways run in their own processes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairPem } from '@shop/auth';
import { createEventBus } from '@shop/events';
import { freePort } from '@shop/local-servers';
import { SERVICE_NAMES, startPlatform, TOPOLOGY, type ServiceName } from '@shop/platform';

const databaseUrl = process.env.DATABASE_URL!;
const rabbitUrl = process.env.RABBITMQ_URL!;
const keys = await generateKeyPairPem();
const bus = await createEventBus({ EVENT_BUS: 'rabbitmq', RABBITMQ_URL: rabbitUrl }, { topology: TOPOLOGY });
const servicePorts = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (name) => [name, await freePort()] as const))) as Record<ServiceName, number>;
const platform = await startPlatform({
  dataDir: mkdtempSync(join(tmpdir(), 'storefront-bench-')),
  databaseUrl,
  gatewayPort: await freePort(),
  servicePorts,
  keys,
  bus,
  development: false,
  environment: process.env,
});
console.log(`READY ${JSON.stringify({ subgraphUrls: platform.subgraphUrls, jwtPublicKey: keys.publicKeyPem })}`);

const stop = async () => {
  await platform.stop();
  await bus.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

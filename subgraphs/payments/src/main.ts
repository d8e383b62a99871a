import { createEventBus, eventBusConfig } from '@shop/events';
import { readConfig } from '@shop/common';
import { stopOnSignals, tokenVerificationFrom } from '@shop/server';
import { readPaymentsConfig } from './config.js';
import { startPaymentsSubgraph } from './subgraph.js';

const config = readPaymentsConfig();
// EVENT_BUS=memory keeps events in this process; rabbitmq connects the replicas and the other services.
const bus = await createEventBus(readConfig(eventBusConfig));
const server = await startPaymentsSubgraph({
  port: config.PORT,
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  tokenVerification: tokenVerificationFrom(config),
  seedDemo: config.SEED_DEMO,
  bus,
  ordersUrl: config.ORDERS_URL,
  ordersTimeoutMs: config.ORDERS_TIMEOUT_MS,
  providerLatencyMs: config.PAYMENT_PROVIDER_LATENCY_MS,
});
stopOnSignals(async () => (await server.stop(), await bus.close()));

import { stopOnSignals, tokenVerificationFrom } from '@shop/server';
import { createEventBus, eventBusConfig } from '@shop/events';
import { readConfig } from '@shop/common';
import { readOrdersConfig } from './config.js';
import { startOrdersSubgraph } from './subgraph.js';

const config = readOrdersConfig();
// EVENT_BUS=memory keeps events in this process; rabbitmq connects the replicas and the other services.
const bus = await createEventBus(readConfig(eventBusConfig));
const server = await startOrdersSubgraph({
  port: config.PORT,
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  tokenVerification: tokenVerificationFrom(config),
  bus,
  productsUrl: config.PRODUCTS_URL,
  inventoryUrl: config.INVENTORY_URL,
  inventoryTimeoutMs: config.INVENTORY_TIMEOUT_MS,
  reservationTtlMs: config.RESERVATION_TTL,
  expirySweepIntervalMs: config.EXPIRY_SWEEP_INTERVAL,
  seedDemo: config.SEED_DEMO,
});
stopOnSignals(async () => (await server.stop(), await bus.close()));

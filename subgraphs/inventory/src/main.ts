import { createEventBus, eventBusConfig } from '@shop/events';
import { readConfig } from '@shop/common';
import { stopOnSignals, tokenVerificationFrom } from '@shop/server';
import { readInventoryConfig } from './config.js';
import { startInventorySubgraph } from './subgraph.js';

const config = readInventoryConfig();
// EVENT_BUS=memory keeps events in this process; rabbitmq connects the replicas and the other services.
const bus = await createEventBus(readConfig(eventBusConfig));
const server = await startInventorySubgraph({
  port: config.PORT,
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  tokenVerification: tokenVerificationFrom(config),
  seedDemo: config.SEED_DEMO,
  productsUrl: config.PRODUCTS_URL,
  productsTimeoutMs: config.PRODUCTS_TIMEOUT_MS,
  bus,
  orphanSweepIntervalMs: config.ORPHAN_SWEEP_INTERVAL_MS,
  orphanGraceMs: config.ORPHAN_GRACE_MS,
});
stopOnSignals(async () => {
  await server.stop();
  await bus.close();
});

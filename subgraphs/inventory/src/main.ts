import { stopOnSignals, tokenVerificationFrom } from '@shop/server';
import { readInventoryConfig } from './config.js';
import { startInventorySubgraph } from './subgraph.js';

const config = readInventoryConfig();
const server = await startInventorySubgraph({
  port: config.PORT,
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  tokenVerification: tokenVerificationFrom(config),
  seedDemo: config.SEED_DEMO,
  productsUrl: config.PRODUCTS_URL,
  productsTimeoutMs: config.PRODUCTS_TIMEOUT_MS,
});
stopOnSignals(server.stop);

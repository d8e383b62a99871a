import { stopOnSignals, tokenVerificationFrom } from '@shop/server';
import { readOrdersConfig } from './config.js';
import { startOrdersSubgraph } from './subgraph.js';

const config = readOrdersConfig();
const server = await startOrdersSubgraph({
  port: config.PORT,
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  tokenVerification: tokenVerificationFrom(config),
  productsUrl: config.PRODUCTS_URL,
  seedDemo: config.SEED_DEMO,
});
stopOnSignals(server.stop);

import { stopOnSignals, tokenVerificationFrom } from '@shop/server';
import { readProductsConfig } from './config.js';
import { startProductsSubgraph } from './subgraph.js';

const config = readProductsConfig();
const server = await startProductsSubgraph({
  port: config.PORT,
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  tokenVerification: tokenVerificationFrom(config),
  seedDemo: config.SEED_DEMO,
});
stopOnSignals(server.stop);

import { stopOnSignals, tokenVerificationFrom } from '@shop/server';
import { readPaymentsConfig } from './config.js';
import { startPaymentsSubgraph } from './subgraph.js';

const config = readPaymentsConfig();
const server = await startPaymentsSubgraph({
  port: config.PORT,
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  tokenVerification: tokenVerificationFrom(config),
  seedDemo: config.SEED_DEMO,
});
stopOnSignals(server.stop);

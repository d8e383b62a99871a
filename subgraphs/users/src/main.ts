import { stopOnSignals } from '@shop/server';
import { readUsersConfig } from './config.js';
import { startUsersSubgraph } from './subgraph.js';

const config = readUsersConfig();
const server = await startUsersSubgraph({
  port: config.PORT,
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  privateKeyPem: config.JWT_PRIVATE_KEY,
  publicKeyPem: config.JWT_PUBLIC_KEY,
  seedDemo: config.SEED_DEMO,
});
stopOnSignals(server.stop);

import { runStandalone } from '@shop/kernel';
import { SERVICES, TOPOLOGY, type ServiceName } from './topology.js';

/** One service in its own process, as a container runs it: `npm start -w @shop/<name>` (config from the environment). */
const name = process.argv[2] as ServiceName;
if (!(name in SERVICES)) {
  console.error(`usage: serve.ts <${Object.keys(SERVICES).join('|')}>`);
  process.exit(2);
}
await runStandalone(SERVICES[name], { topology: TOPOLOGY });

import { SERVICE_NAMES } from '../service-names.js';
import { startDistributed } from './topology.js';

/**
 * `npm run distributed`: the production topology as local processes (see topology.ts). DATABASE_URL (a server's admin
 * URL) and RABBITMQ_URL use existing engines, else throwaway ones start; PORT picks the load balancer's port;
 * LB=node forces the Node balancer. Ctrl-C / SIGTERM stops every process and removes what was created.
 */
const verbose = process.argv.includes('--verbose');
console.log('starting the distributed topology…');
const topology = await startDistributed({
  databaseUrl: process.env.DATABASE_URL,
  rabbitUrl: process.env.RABBITMQ_URL,
  port: process.env.PORT ? Number(process.env.PORT) : undefined,
  balancer: process.env.LB === 'node' ? 'node' : 'auto',
  env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  onOutput: (name, chunk) => {
    if (verbose) for (const line of chunk.trimEnd().split('\n')) console.log(`[${name}] ${line}`);
  },
});

const lines = [
  `ready in ${(topology.startupMs / 1000).toFixed(1)} s (${topology.runtime}, balancer: ${topology.balancer})`,
  `  storefront + graph   ${topology.lbUrl}  (GraphQL ${topology.graphqlUrl})`,
  ...topology.gateways.map((g) => `  ${g.name.padEnd(20)} ${g.url}`),
  ...SERVICE_NAMES.map((name) => `  ${name.padEnd(20)} ${topology.serviceUrls[name]}  replicas: ${topology.services[name].map((r) => r.port).join(', ')}`),
  `  RabbitMQ             ${topology.rabbitUrl}`,
  ...SERVICE_NAMES.map((name) => `  db ${name.padEnd(17)} ${topology.databaseUrls[name]}`),
  'Ctrl-C stops everything.',
];
console.log(lines.join('\n'));

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('stopping…');
  await topology.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

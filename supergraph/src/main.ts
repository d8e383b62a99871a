import cluster from 'node:cluster';
import { createLogger } from '@shop/common';
import { stopOnSignals } from '@shop/server';
import { startTracing } from '@shop/observability';
import { GATEWAY_USAGE, parseGatewayArguments, type GatewayArguments } from './cli/arguments.js';
import { gatewayFromCommandLine } from './cli/gateway-command.js';
import { gatewayEnv } from './gateway-config.js';
import { runPrimary } from './workers.js';

/**
 * The gateway alone: for the distributed setup (subgraph URLs from USERS_URL, PRODUCTS_URL, …), and, as
 * `npm run gateway -- --supergraph <file> --port <n> [--dedup none|outbound|inbound] [--workers <n>|auto]`, over any
 * supergraph.
 */
let args: GatewayArguments;
try {
  args = parseGatewayArguments(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${GATEWAY_USAGE}\n`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(`${GATEWAY_USAGE}\n`);
  process.exit(0);
}
const workers = args.workers ?? gatewayEnv.shape.GATEWAY_WORKERS.safeParse(process.env.GATEWAY_WORKERS || undefined).data;
if (workers === undefined) {
  process.stderr.write('GATEWAY_WORKERS: a positive number or auto\n');
  process.exit(2);
}
if (workers > 1 && cluster.isPrimary) {
  // Every worker runs this same command and takes the branch below.
  runPrimary(workers, createLogger('gateway'));
} else {
  // Traces only when the standard OTEL_* variables ask for them (see README, "Observing it").
  const tracing = await startTracing({ serviceName: 'gateway' });
  const gateway = await gatewayFromCommandLine(args);
  stopOnSignals(async () => {
    await gateway.stop();
    await tracing?.shutdown();
  });
}

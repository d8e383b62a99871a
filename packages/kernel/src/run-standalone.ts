import { instrumentDrizzleQueries, startTracing } from '@shop/observability';
import { stopOnSignals } from '@shop/server';
import type { AnyServiceDefinition } from './define-subgraph.js';
import { startSubgraph } from './start-subgraph.js';

/**
 * One service as its own process (a container, a replica): config from the environment, traces when OTEL_* asks for
 * them, and SIGTERM/SIGINT stop it in order (stop accepting, finish in-flight work, flush the outbox, close).
 */
export async function runStandalone(definition: AnyServiceDefinition, options: { topology: Record<string, readonly string[]> }): Promise<void> {
  const tracing = await startTracing({ serviceName: definition.name });
  if (tracing) instrumentDrizzleQueries();
  const service = await startSubgraph(definition, { config: process.env, topology: options.topology });
  stopOnSignals(async () => {
    await service.stop();
    await tracing?.shutdown();
  });
}

/** Bench child: the gateway alone (startGateway), so its RSS is the gateway's. Reports memory and subscription stats on request. */
import { createLogger } from '@shop/common';
import { startTracing } from '@shop/observability';
import { startGateway } from '../../supergraph/src/gateway.js';
import { DEFAULT_HEAP_GROWTH_PERCENT, limitHeapGrowth } from '../../supergraph/src/heap-growth.js';

interface Start {
  type: 'start';
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  publicKeyPem: string;
}

const gc = (globalThis as { gc?: () => void }).gc;
let gateway: Awaited<ReturnType<typeof startGateway>> | null = null;
let tracing: Awaited<ReturnType<typeof startTracing>> = null;

process.on('message', async (message: Start | { type: 'stats'; gc?: boolean } | { type: 'stop' }) => {
  if (message.type === 'start') {
    // Traced as the gateway's main.ts is when the OTEL_* variables ask for it, to measure its cost.
    tracing = await startTracing({ serviceName: 'gateway' });
    // As gatewayFromCommandLine does with GATEWAY_HEAP_GROWTH_PERCENT unset.
    limitHeapGrowth(DEFAULT_HEAP_GROWTH_PERCENT);
    gateway = await startGateway({
      port: 0,
      supergraphSdl: message.supergraphSdl,
      subgraphUrls: message.subgraphUrls,
      tokenVerification: { publicKeyPem: message.publicKeyPem },
      logger: createLogger('gateway'),
      // Thousands of simulated subscribers share this machine's one address: the per-address bounds are lifted, the limiter still runs.
      clientLimits: { requestsPerIpPerMinute: 1_000_000_000, wsConnectionsPerIp: 1_000_000, wsConnectsPerIpPerMinute: 1_000_000_000 },
    });
    process.send!({ type: 'ready', url: gateway.url });
  } else if (message.type === 'stats') {
    if (message.gc) gc?.();
    const memory = process.memoryUsage();
    process.send!({ type: 'stats', rss: memory.rss, heapUsed: memory.heapUsed, cpu: process.cpuUsage(), subscriptions: gateway!.subscriptions.stats() });
  } else {
    await gateway?.stop();
    await tracing?.shutdown();
    process.exit(0);
  }
});
// The bench process went away (finished or crashed): do not linger.
process.on('disconnect', () => process.exit(0));

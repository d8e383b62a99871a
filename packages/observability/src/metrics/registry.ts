import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Registry, type Metric } from 'prom-client';

let processMetrics: Registry | undefined;

/**
 * CPU, memory, event loop and GC metrics, collected once per process: each collectDefaultMetrics call starts its own
 * GC observer and event-loop monitor, which live as long as the process, so one per service registry would leak.
 */
function processMetricsRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

/**
 * A fresh registry for one service, every series labelled service="<name>". The process metrics are the same
 * objects in every registry (they describe the one process); each registry adds its own service label on output.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  for (const metric of processMetricsRegistry().getMetricsAsArray()) registry.registerMetric(metric as unknown as Metric);
  return registry;
}

/** GET /metrics for Prometheus; a failing collector answers 500 (the scrape shows as failed), never an exception. */
export function metricsHandler(registry: Pick<Registry, 'metrics' | 'contentType'>): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (_req, res) => {
    try {
      const body = await registry.metrics();
      res.statusCode = 200;
      res.setHeader('Content-Type', registry.contentType);
      res.end(body);
    } catch {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      }
      res.end('metrics collection failed\n');
    }
  };
}

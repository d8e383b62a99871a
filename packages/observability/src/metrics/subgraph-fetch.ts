import type { Registry } from 'prom-client';
import { DURATION_BUCKETS, histogram } from './instruments.js';

export interface SubgraphFetchMetrics {
  observe(subgraph: string, seconds: number, outcome: 'ok' | 'error'): void;
}

/** gateway_subgraph_fetch_duration_seconds{subgraph,outcome}: one observation per fetch the gateway sends. */
export function subgraphFetchMetrics(registry: Registry): SubgraphFetchMetrics {
  const fetches = histogram(registry, {
    name: 'gateway_subgraph_fetch_duration_seconds',
    help: 'Duration of the gateway\'s fetches to subgraphs.',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
  });
  return {
    observe(subgraph, seconds, outcome) {
      fetches.observe({ subgraph, outcome }, seconds);
    },
  };
}

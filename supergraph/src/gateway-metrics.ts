import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { createMetricsRegistry } from '@shop/observability';
import type { Admission } from './execution/admission.js';
import type { SubscriptionStats } from './subscriptions/subscription-hub.js';

const SUBSCRIPTION_GAUGES: { name: string; help: string; read: (stats: SubscriptionStats) => number }[] = [
  { name: 'gateway_subscriptions', help: 'Client subscriptions the gateway is serving.', read: (s) => s.clients },
  { name: 'gateway_subscription_selection_groups', help: 'Distinct (document, variables, scope) groups; each event is resolved once per group.', read: (s) => s.selectionGroups },
  { name: 'gateway_upstream_subscriptions', help: 'Subscriptions the gateway holds open on subgraphs.', read: (s) => s.upstreamSubscriptions },
  { name: 'gateway_upstream_connections', help: 'WebSockets the gateway holds open to subgraphs.', read: (s) => s.upstreamConnections },
];

/**
 * The gateway's registry (service="gateway"): the GraphQL request series come from graphqlMetricsPlugin and the
 * subgraph fetch histogram from subgraphFetchMetrics; here the subscription gauges, read from the hub per scrape.
 */
export function gatewayMetricsRegistry(subscriptionStats: () => SubscriptionStats | null): Registry {
  const registry = createMetricsRegistry('gateway');
  for (const gauge of SUBSCRIPTION_GAUGES) {
    new Gauge({
      name: gauge.name,
      help: gauge.help,
      registers: [registry],
      collect() {
        const stats = subscriptionStats();
        this.set(stats ? gauge.read(stats) : 0);
      },
    });
  }
  let droppedSoFar = 0;
  new Counter({
    name: 'gateway_subscription_dropped_events_total',
    help: 'Subscription events dropped for clients that could not keep up.',
    registers: [registry],
    collect() {
      const dropped = subscriptionStats()?.droppedEvents ?? droppedSoFar;
      if (dropped > droppedSoFar) this.inc(dropped - droppedSoFar);
      droppedSoFar = dropped;
    },
  });
  return registry;
}

/** Requests, sockets and subscriptions refused by the client limits, by which bound refused them. */
export const rateLimitedCounter = (registry: Registry) =>
  new Counter({ name: 'gateway_rate_limited_total', help: 'Requests, connections and subscriptions refused by a client limit.', labelNames: ['scope'], registers: [registry] });

/** Requests answered by joining an identical one in flight (deduplication.ts): inbound (client) or outbound (subgraph). */
export const deduplicatedCounter = (registry: Registry) =>
  new Counter({
    name: 'gateway_deduplicated_requests_total',
    help: 'Requests answered by an identical one already in flight: inbound (client queries), outbound (subgraph fetches).',
    labelNames: ['direction'],
    registers: [registry],
  });

/** Queries waiting for the busy gateway (execution/admission.ts): how many wait now, and how long each waited. */
export function admissionMetrics(registry: Registry, admission: Admission): Histogram {
  new Gauge({
    name: 'gateway_admission_waiting',
    help: 'Queries waiting to start because the gateway\'s event loop is saturated.',
    registers: [registry],
    collect() {
      this.set(admission.waiting);
    },
  });
  return new Histogram({
    name: 'gateway_admission_wait_seconds',
    help: 'How long a query that had to wait for the busy gateway waited before it started.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
}

import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Gauge, type Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { asyncGauge, createMetricsRegistry, graphqlMetricsPlugin, MAX_OPERATION_NAMES, metricsHandler, subgraphFetchMetrics } from '../src/index.js';
import { fakeGateway } from './fake-gateway.js';

const typeDefs = `#graphql
  type Query { products: [String!]! broken: String  forbidden: String }
  type Mutation { placeOrder: String! }
`;
const resolvers = {
  Query: {
    products: () => ['vase'],
    broken: () => {
      throw new Error('boom');
    },
    forbidden: () => {
      throw new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
    },
  },
  Mutation: { placeOrder: () => 'ord_1' },
};

async function tinyServer(registry: Registry): Promise<ApolloServer> {
  const server = new ApolloServer({ typeDefs, resolvers, plugins: [graphqlMetricsPlugin(registry)] });
  await server.start();
  servers.push(server);
  return server;
}
const servers: ApolloServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

/** The value of one sample as the registry serves it (service label included), 0 when there is none. */
async function value(registry: Registry, sample: string, labels: Record<string, string | number>): Promise<number> {
  for (const metric of await registry.getMetricsAsJSON()) {
    for (const v of metric.values as { metricName?: string; labels: Record<string, string | number>; value: number }[]) {
      if ((v.metricName ?? metric.name) !== sample) continue;
      if (Object.entries(labels).every(([k, l]) => v.labels[k] === l)) return v.value;
    }
  }
  return 0;
}

describe('createMetricsRegistry', () => {
  it('gives each of six services in one process its own registry, labelled with its name, with the process metrics', async () => {
    const services = ['gateway', 'users', 'products', 'inventory', 'orders', 'payments'];
    const registries = services.map((s) => createMetricsRegistry(s));
    for (const [i, registry] of registries.entries()) {
      const text = await registry.metrics();
      expect(text).toMatch(new RegExp(`^process_cpu_user_seconds_total\\{service="${services[i]}"\\} `, 'm'));
      expect(text).toMatch(new RegExp(`^nodejs_heap_size_used_bytes\\{service="${services[i]}"\\} `, 'm'));
      expect(text).not.toContain(`service="${services[(i + 1) % 6]}"`);
    }
  });

  it('collects the process metrics once: a new registry reuses the same collectors instead of starting more observers', () => {
    const a = createMetricsRegistry('orders');
    const b = createMetricsRegistry('orders');
    expect(a).not.toBe(b);
    expect(a.getSingleMetric('nodejs_gc_duration_seconds')).toBeDefined();
    expect(a.getSingleMetric('nodejs_gc_duration_seconds')).toBe(b.getSingleMetric('nodejs_gc_duration_seconds'));
    expect(a.getSingleMetric('nodejs_eventloop_lag_seconds')).toBe(b.getSingleMetric('nodejs_eventloop_lag_seconds'));
  });
});

describe('metricsHandler', () => {
  async function scrape(registry: Registry): Promise<{ status: number; type: string | null; body: string }> {
    const handled: Promise<void>[] = [];
    const server = http.createServer((req, res) => void handled.push(metricsHandler(registry)(req, res)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/metrics`);
      const answer = { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
      // The handler itself never rejects: express would otherwise turn it into its own error page.
      await expect(Promise.all(handled)).resolves.toHaveLength(1);
      return answer;
    } finally {
      server.close();
    }
  }

  it('serves the registry in the Prometheus text format', async () => {
    const registry = createMetricsRegistry('users');
    const { status, type, body } = await scrape(registry);
    expect(status).toBe(200);
    expect(type).toBe(registry.contentType);
    expect(body).toContain('# TYPE process_cpu_user_seconds_total counter');
  });

  it('answers 500 without a stack trace when a collector throws', async () => {
    const registry = createMetricsRegistry('users');
    new Gauge({
      name: 'explodes',
      help: 'throws on collect',
      registers: [registry],
      collect() {
        throw new Error('secret internals');
      },
    });
    const { status, body } = await scrape(registry);
    expect(status).toBe(500);
    expect(body).not.toContain('secret internals');
  });
});

describe('graphqlMetricsPlugin', () => {
  it('counts and times each request by operation name and type', async () => {
    const registry = createMetricsRegistry('products');
    const server = await tinyServer(registry);
    const labels = { operation_name: 'products', operation_type: 'query' };
    await server.executeOperation({ query: 'query products { products }' });
    await server.executeOperation({ query: 'query products { products }' });
    await server.executeOperation({ query: 'mutation placeOrder { placeOrder }' });
    expect(await value(registry, 'graphql_requests_total', labels)).toBe(2);
    expect(await value(registry, 'graphql_requests_total', { operation_name: 'placeOrder', operation_type: 'mutation' })).toBe(1);
    expect(await value(registry, 'graphql_request_duration_seconds_count', { ...labels, service: 'products' })).toBe(2);
    expect(await value(registry, 'graphql_request_duration_seconds_bucket', { ...labels, le: 10 })).toBe(2);
    const buckets = (await registry.getSingleMetric('graphql_request_duration_seconds')!.get()).values.filter((v) => v.labels.le !== undefined);
    expect([...new Set(buckets.map((b) => b.labels.le))]).toEqual([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, '+Inf']);
  });

  it('labels anonymous operations "anonymous" and documents that do not parse or validate "unknown"', async () => {
    const registry = createMetricsRegistry('products');
    const server = await tinyServer(registry);
    await server.executeOperation({ query: '{ products }' });
    await server.executeOperation({ query: 'query broken { products', operationName: 'broken' });
    await server.executeOperation({ query: 'query invalid { nope }' });
    expect(await value(registry, 'graphql_requests_total', { operation_name: 'anonymous', operation_type: 'query' })).toBe(1);
    expect(await value(registry, 'graphql_requests_total', { operation_name: 'broken', operation_type: 'unknown' })).toBe(1);
    expect(await value(registry, 'graphql_requests_total', { operation_name: 'anonymous', operation_type: 'unknown' })).toBe(1);
    expect(await value(registry, 'graphql_errors_total', { code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    expect(await value(registry, 'graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
  });

  it(`keeps at most ${MAX_OPERATION_NAMES} operation names, then labels new ones "other", whatever clients send`, async () => {
    const registry = createMetricsRegistry('products');
    const server = await tinyServer(registry);
    for (let i = 0; i < MAX_OPERATION_NAMES + 50; i++) await server.executeOperation({ query: `query op${i} { products }` });
    await server.executeOperation({ query: 'query op0 { products }' });
    const { values } = await registry.getSingleMetric('graphql_requests_total')!.get();
    const names = new Set(values.map((v) => v.labels.operation_name));
    expect(names.size).toBe(MAX_OPERATION_NAMES + 1);
    expect(await value(registry, 'graphql_requests_total', { operation_name: 'other', operation_type: 'query' })).toBe(50);
    expect(await value(registry, 'graphql_requests_total', { operation_name: 'op0' })).toBe(2);
    // A second server on the same registry (a restart) does not get a fresh budget.
    await (await tinyServer(registry)).executeOperation({ query: 'query brandNew { products }' });
    expect(await value(registry, 'graphql_requests_total', { operation_name: 'other', operation_type: 'query' })).toBe(51);
  });

  it('never takes a label from an operation name that is not a GraphQL name (sent with a document that does not parse)', async () => {
    const registry = createMetricsRegistry('products');
    const server = await tinyServer(registry);
    await server.executeOperation({ query: '{', operationName: 'x'.repeat(5000) });
    await server.executeOperation({ query: '{', operationName: 'drop table; --' });
    expect(await value(registry, 'graphql_requests_total', { operation_name: 'other', operation_type: 'unknown' })).toBe(2);
  });

  it('counts errors by extensions.code, and errors without one as INTERNAL_SERVER_ERROR', async () => {
    const registry = createMetricsRegistry('products');
    const server = await tinyServer(registry);
    await server.executeOperation({ query: '{ broken forbidden }' });
    await server.executeOperation({ query: '{ forbidden }' });
    expect(await value(registry, 'graphql_errors_total', { code: 'INTERNAL_SERVER_ERROR' })).toBe(1);
    expect(await value(registry, 'graphql_errors_total', { code: 'FORBIDDEN' })).toBe(2);
  });

  it('counts the code the client was sent, after formatError rewrote it', async () => {
    const registry = createMetricsRegistry('gateway');
    const server = new ApolloServer({
      typeDefs,
      resolvers,
      plugins: [graphqlMetricsPlugin(registry)],
      formatError: (formatted) => (formatted.extensions?.code === 'FORBIDDEN' ? { ...formatted, extensions: { code: 'RATE_LIMITED' } } : formatted),
    });
    await server.start();
    await server.executeOperation({ query: '{ forbidden }' });
    expect(await value(registry, 'graphql_errors_total', { code: 'RATE_LIMITED' })).toBe(1);
    expect(await value(registry, 'graphql_errors_total', { code: 'FORBIDDEN' })).toBe(0);
    await server.stop();
  });

  it('counts gateway requests, which have no resolver pass', async () => {
    const registry = createMetricsRegistry('gateway');
    let executed = 0;
    const gateway = fakeGateway('type Query { products: [String!]! }', async () => {
      executed++;
      return { data: { products: ['vase'] } };
    });
    const server = new ApolloServer({ gateway, plugins: [graphqlMetricsPlugin(registry)] });
    await server.start();
    servers.push(server);
    const response = await server.executeOperation({ query: 'query storefront { products }' });
    expect(response.body.kind === 'single' && response.body.singleResult.data).toEqual({ products: ['vase'] });
    expect(executed).toBe(1);
    expect(await value(registry, 'graphql_requests_total', { operation_name: 'storefront', operation_type: 'query', service: 'gateway' })).toBe(1);
    expect(await value(registry, 'graphql_request_duration_seconds_count', { operation_name: 'storefront', operation_type: 'query' })).toBe(1);
  });
});

describe('subgraphFetchMetrics', () => {
  it('observes fetch durations by subgraph and outcome', async () => {
    const registry = createMetricsRegistry('gateway');
    const fetches = subgraphFetchMetrics(registry);
    fetches.observe('orders', 0.012, 'ok');
    fetches.observe('orders', 0.3, 'error');
    fetches.observe('orders', 0.02, 'ok');
    const sample = 'gateway_subgraph_fetch_duration_seconds';
    expect(await value(registry, `${sample}_count`, { subgraph: 'orders', outcome: 'ok', service: 'gateway' })).toBe(2);
    expect(await value(registry, `${sample}_count`, { subgraph: 'orders', outcome: 'error' })).toBe(1);
    expect(await value(registry, `${sample}_bucket`, { subgraph: 'orders', outcome: 'ok', le: 0.025 })).toBe(2);
    expect(await value(registry, `${sample}_bucket`, { subgraph: 'orders', outcome: 'ok', le: 0.01 })).toBe(0);
  });
});

describe('asyncGauge', () => {
  it('reads its value on each scrape', async () => {
    const registry = createMetricsRegistry('orders');
    let backlog = 3;
    asyncGauge(registry, { name: 'outbox_backlog', help: 'Unsent events.', read: async () => backlog });
    expect(await registry.metrics()).toContain('outbox_backlog{service="orders"} 3');
    backlog = 7;
    expect(await registry.metrics()).toContain('outbox_backlog{service="orders"} 7');
  });

  it('keeps the last value when a read fails or hangs, and the scrape still succeeds', async () => {
    const registry = createMetricsRegistry('orders');
    const failures: unknown[] = [];
    let read: () => Promise<number> = async () => 42;
    asyncGauge(registry, { name: 'outbox_oldest_unsent_age_seconds', help: 'Age.', read: () => read(), timeoutMs: 50, onError: (e) => failures.push(e) });
    expect(await registry.metrics()).toContain('outbox_oldest_unsent_age_seconds{service="orders"} 42');
    read = async () => {
      throw new Error('database down');
    };
    const afterFailure = await registry.metrics();
    expect(afterFailure).toContain('outbox_oldest_unsent_age_seconds{service="orders"} 42');
    expect(afterFailure).toContain('process_cpu_user_seconds_total');
    read = () => new Promise(() => {});
    expect(await registry.metrics()).toContain('outbox_oldest_unsent_age_seconds{service="orders"} 42');
    read = () => {
      throw new Error('synchronous throw');
    };
    expect(await registry.metrics()).toContain('outbox_oldest_unsent_age_seconds{service="orders"} 42');
    expect(failures).toHaveLength(3);
  });

  it('sets one series per label set, dropping label sets a later read no longer returns', async () => {
    const registry = createMetricsRegistry('orders');
    let readings = [
      { labels: { topic: 'order' }, value: 2 },
      { labels: { topic: 'payment' }, value: 5 },
    ];
    asyncGauge(registry, { name: 'outbox_backlog_by_topic', help: 'Unsent events by topic.', labelNames: ['topic'], read: async () => readings });
    const first = await registry.metrics();
    expect(first).toContain('outbox_backlog_by_topic{topic="order",service="orders"} 2');
    expect(first).toContain('outbox_backlog_by_topic{topic="payment",service="orders"} 5');
    readings = [{ labels: { topic: 'order' }, value: 1 }];
    const second = await registry.metrics();
    expect(second).toContain('outbox_backlog_by_topic{topic="order",service="orders"} 1');
    expect(second).not.toContain('topic="payment"');
  });
});

import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest, scrapeMetrics, type Scrape } from '@shop/testing';
import { startTestPlatform } from '../support/platform.js';
import { collect, login, payOrder, placeOrder, until, wsClient } from '../live/support.js';

/**
 * What an operator's dashboard reads: every service's /metrics, scraped before and after one checkout (and one
 * refused query, one live subscription), moves the named series by exactly what happened.
 */
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let token: string;

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'), { paymentProviderLatencyMs: 20 });
  token = await login(platform.gatewayUrl, demo.customer);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

type Service = 'gateway' | 'orders' | 'inventory' | 'payments';
const metricsUrl = (service: Service) => (service === 'gateway' ? platform.gatewayUrl : platform.subgraphUrls[service]).replace(/\/graphql$/, '/metrics');
const scrapeAll = async () => {
  const services: Service[] = ['gateway', 'orders', 'inventory', 'payments'];
  return Object.fromEntries(await Promise.all(services.map(async (s) => [s, await scrapeMetrics(metricsUrl(s))] as const))) as Record<Service, Scrape>;
};
const ORDER = `query OrderStatus($id: ID!) { order(id: $id) { status } }`;

it('moves request, fetch, event, reservation and outbox series by one checkout', async () => {
  const before = await scrapeAll();
  const moved = (after: Record<Service, Scrape>, service: Service, name: string, labels?: Record<string, string>) => after[service].value(name, labels) - before[service].value(name, labels);

  const orderId = await placeOrder(platform.gatewayUrl, token, demo.products[6]!.id, randomUUID());
  const placed = await scrapeAll();
  // Held until the payment settles it.
  expect(moved(placed, 'inventory', 'inventory_reservations_held')).toBe(1);

  await payOrder(platform.gatewayUrl, token, orderId, randomUUID());
  let status = '';
  const deadline = Date.now() + 15_000;
  while (status !== 'PAID' && Date.now() < deadline) status = (await graphqlRequest(platform.gatewayUrl, ORDER, { id: orderId }, token)).data?.order.status;
  expect(status).toBe('PAID');

  // Consumers run after the PAID order reads back; wait for inventory's, then read everything once.
  let after = await scrapeAll();
  const committed = { consumer: 'inventory', type: 'order.status_changed', outcome: 'applied' };
  const settle = Date.now() + 10_000;
  const unsent = (scrape: Record<Service, Scrape>) => (['orders', 'inventory', 'payments'] as const).some((s) => scrape[s].value('outbox_unpublished_events') > 0);
  while ((moved(after, 'inventory', 'events_consumed_total', committed) < 1 || unsent(after)) && Date.now() < settle) after = await scrapeAll();

  // The gateway: the two mutations by name, each timed, each a fetch to its subgraph.
  expect(moved(after, 'gateway', 'graphql_requests_total', { operation_name: 'anonymous', operation_type: 'mutation' })).toBe(2);
  expect(moved(after, 'gateway', 'graphql_request_duration_seconds_count', { operation_type: 'mutation' })).toBe(2);
  expect(moved(after, 'gateway', 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'orders', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  expect(moved(after, 'gateway', 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'payments', outcome: 'ok' })).toBe(1);
  expect(moved(after, 'gateway', 'gateway_subgraph_fetch_duration_seconds_count', { outcome: 'error' })).toBe(0);
  // The subgraphs: the same mutations as they saw them.
  expect(moved(after, 'orders', 'graphql_requests_total', { operation_type: 'mutation' })).toBe(1);
  expect(moved(after, 'payments', 'graphql_requests_total', { operation_type: 'mutation' })).toBe(1);
  // The events: orders applied the capture; inventory skipped AWAITING_PAYMENT (nothing to do) and applied PAID; nothing failed.
  expect(moved(after, 'orders', 'events_consumed_total', { type: 'payment.status_changed', outcome: 'applied' })).toBeGreaterThanOrEqual(1);
  expect(moved(after, 'inventory', 'events_consumed_total', committed)).toBe(1);
  expect(moved(after, 'inventory', 'events_consumed_total', { type: 'order.status_changed', outcome: 'skipped' })).toBe(1);
  for (const service of ['orders', 'inventory', 'payments'] as const) expect(moved(after, service, 'events_consumed_total', { outcome: 'failed' })).toBe(0);
  // Paid: nothing held any more, nothing waiting in any outbox.
  expect(moved(after, 'inventory', 'inventory_reservations_held')).toBe(0);
  for (const service of ['orders', 'inventory', 'payments'] as const) {
    expect(after[service].value('outbox_unpublished_events')).toBe(0);
    expect(after[service].has('outbox_oldest_unpublished_age_seconds')).toBe(true);
  }
  // Every series carries its service's label.
  expect(after.orders.value('graphql_requests_total', { service: 'orders' })).toBe(after.orders.value('graphql_requests_total'));
});

it('counts a refused query by its error code and a live subscription while it is open', async () => {
  const before = await scrapeAll();
  const refused = await graphqlRequest(platform.gatewayUrl, `query Nope { noSuchField }`);
  expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  const afterError = await scrapeAll();
  expect(afterError.gateway.value('graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' }) - before.gateway.value('graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);

  expect(before.gateway.value('gateway_subscriptions')).toBe(0);
  const client = wsClient(platform.gatewayUrl.replace(/^http/, 'ws'), token);
  try {
    const stock = collect(client, `subscription { stockChanged(productIds: ["${demo.products[7]!.id}"]) { id } }`);
    await until(() => platform.servers.inventory.liveStats().subscriptions === 1, 'the subscription to reach inventory');
    const open = await scrapeAll();
    expect(open.gateway.value('gateway_subscriptions')).toBe(1);
    expect(open.gateway.value('gateway_subscription_selection_groups')).toBe(1);
    expect(open.gateway.value('gateway_upstream_connections')).toBe(1);
    expect(open.inventory.value('graphql_ws_subscriptions')).toBe(1);
    stock.unsubscribe();
    await until(() => platform.servers.gateway.subscriptions.stats().upstreamConnections === 0, 'the subscription to be released');
  } finally {
    await client.dispose();
  }
  const closed = await scrapeAll();
  expect(closed.gateway.value('gateway_subscriptions')).toBe(0);
  expect(closed.inventory.value('graphql_ws_subscriptions')).toBe(0);
});

it('exposes exactly the series docs/architecture.md ("Observing it") documents, besides Node\'s process metrics', async () => {
  const docs = readFileSync(new URL('../../../docs/architecture.md', import.meta.url), 'utf8');
  const documented = new Set([...docs.matchAll(/^\| `([a-z_]+)` \| (?:counter|gauge|histogram) \|/gm)].map((m) => m[1]!));
  const scrapes = await scrapeAll();
  const exposed = new Set(
    Object.values(scrapes)
      .flatMap((scrape) => [...scrape.text.matchAll(/^# TYPE ([a-z_]+) /gm)].map((m) => m[1]!))
      .filter((name) => !/^(process|nodejs)_/.test(name)),
  );
  expect([...exposed].sort()).toEqual([...documented].sort());
});

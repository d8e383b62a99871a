import { randomBytes, randomUUID } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { instrumentDrizzleQueries, startInMemoryTracing, type InMemoryTracing, type ReadableSpan } from '@shop/observability';
import { graphqlRequest } from '@shop/testing';
import { startTestPlatform } from '../support/platform.js';
import { CARD_OK, login, until } from '../live/support.js';

/**
 * One checkout is one trace: the shopper's client sends the same W3C traceparent with placeOrder and payOrder, and
 * every span of the gateway, the subgraphs it reaches, the service-to-service calls, the SQL statements and the event
 * consumers that run because of them (payment captured → order paid → reservation committed) joins that trace.
 */
let tracing: InMemoryTracing;
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let token: string;

beforeAll(async () => {
  tracing = startInMemoryTracing();
  await instrumentDrizzleQueries();
  platform = await startTestPlatform(inject('databaseUrl'), { paymentProviderLatencyMs: 20 });
  token = await login(platform.gatewayUrl, demo.customer);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
  await tracing?.shutdown();
});

const PLACE = `mutation PlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } errors { code } } }`;
const PAY = `mutation PayOrder($input: PayOrderInput!) { payOrder(input: $input) { payment { id status } errors { code } } }`;
const ORDER = `query OrderStatus($id: ID!) { order(id: $id) { status } }`;

it('follows placeOrder → payOrder → CAPTURED → PAID across the gateway, four subgraphs and their event consumers as one trace', async () => {
  const traceId = randomBytes(16).toString('hex');
  const clientSpanId = randomBytes(8).toString('hex');
  const headers = { traceparent: `00-${traceId}-${clientSpanId}-01` };
  const productId = demo.products[4]!.id;

  const placed = await graphqlRequest(platform.gatewayUrl, PLACE, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey: randomUUID() } }, token, headers);
  expect(placed.data?.placeOrder.errors, JSON.stringify(placed)).toEqual([]);
  const orderId = placed.data.placeOrder.order.id as string;
  const paid = await graphqlRequest(platform.gatewayUrl, PAY, { input: { orderId, method: 'CARD', card: CARD_OK, idempotencyKey: randomUUID() } }, token, headers);
  expect(paid.data?.payOrder.errors, JSON.stringify(paid)).toEqual([]);

  let status = '';
  const deadline = Date.now() + 15_000;
  while (status !== 'PAID' && Date.now() < deadline) {
    status = (await graphqlRequest(platform.gatewayUrl, ORDER, { id: orderId }, token)).data?.order.status;
    if (status !== 'PAID') await new Promise((r) => setTimeout(r, 50));
  }
  expect(status).toBe('PAID');
  const inTrace = () => tracing.spans().filter((s) => s.spanContext().traceId === traceId);
  // The reservation is committed by inventory's consumer of the PAID event, after the order reads PAID.
  await until(() => inTrace().some((s) => s.name === 'consume order.status_changed' && s.instrumentationScope.name === 'inventory' && hasChild(s, 'db.query')), 'inventory to consume the PAID event', 10_000);
  // analytics consumes the placed and the PAID event too (a span is recorded when it ends, its queries before it).
  await until(() => inTrace().filter((s) => s.name === 'consume order.status_changed' && s.instrumentationScope.name === 'analytics' && hasChild(s, 'db.query')).length >= 2, 'analytics to consume the placed and PAID events', 10_000);

  // Other consumers may still be inside the trace (a span is recorded when it ends, after its queries): wait until
  // every recorded span reaches the client's span through recorded parents, which a broken context never does.
  const connected = (all: ReadableSpan[]) => {
    const byId = new Map(all.map((s) => [s.spanContext().spanId, s]));
    const reaches = (span: ReadableSpan | undefined, hops = 0): boolean =>
      span !== undefined && hops < 50 && (span.parentSpanContext?.spanId === clientSpanId || reaches(byId.get(span.parentSpanContext?.spanId ?? ''), hops + 1));
    return all.every((span) => reaches(span));
  };
  await until(() => connected(inTrace()), 'every span of the trace to be recorded with its parents', 10_000);

  const spans = inTrace();
  const parentOf = (span: ReadableSpan) => spans.find((p) => p.spanContext().spanId === span.parentSpanContext?.spanId);
  const one = (service: string, name: string, kind: SpanKind, parent?: ReadableSpan) => {
    const found = spans.filter((s) => s.instrumentationScope.name === service && s.name === name && s.kind === kind && (!parent || parentOf(s) === parent));
    expect(found, `${service} ${SpanKind[kind]} "${name}"${parent ? ` under "${parent.name}"` : ''}\n${describe(spans)}`).toHaveLength(1);
    return found[0]!;
  };

  // Every span hangs, parent by parent, from the client's own span: one tree, nothing orphaned.
  const reachesClient = (span: ReadableSpan | undefined, hops = 0): boolean =>
    span !== undefined && hops < 50 && (span.parentSpanContext?.spanId === clientSpanId || reachesClient(parentOf(span), hops + 1));
  for (const span of spans) expect(reachesClient(span), `${span.instrumentationScope.name} "${span.name}" is not connected to the client's span`).toBe(true);
  expect(new Set(spans.map((s) => s.instrumentationScope.name))).toEqual(new Set(['gateway', 'apollo/gateway-js', 'orders', 'products', 'inventory', 'payments', 'notifications', 'support', 'analytics']));

  // placeOrder: gateway → orders, which reads prices from products and holds stock in inventory.
  const place = one('gateway', 'mutation PlaceOrder', SpanKind.SERVER);
  expect(place.parentSpanContext?.spanId).toBe(clientSpanId);
  const toOrders = one('gateway', 'fetch orders', SpanKind.CLIENT);
  const ordersServer = one('orders', 'mutation PlaceOrder__orders__0', SpanKind.SERVER, toOrders);
  one('orders', 'Mutation.placeOrder', SpanKind.INTERNAL, ordersServer);
  one('products', 'query', SpanKind.SERVER, one('orders', 'fetch products Product', SpanKind.CLIENT, ordersServer));
  const reserve = one('inventory', 'POST /internal/reservations/batch', SpanKind.SERVER, one('orders', 'inventory reserve batch', SpanKind.CLIENT, ordersServer));
  expect(spans.some((s) => s.name === 'db.query' && parentOf(s) === reserve && /insert into "reservations"/i.test(String(s.attributes['db.statement'])))).toBe(true);

  // payOrder: gateway → payments, which reads the order from orders; the capture runs after the answer, same trace.
  expect(one('gateway', 'mutation PayOrder', SpanKind.SERVER).parentSpanContext?.spanId).toBe(clientSpanId);
  const paymentsServer = one('payments', 'mutation PayOrder__payments__0', SpanKind.SERVER, one('gateway', 'fetch payments', SpanKind.CLIENT));
  one('payments', 'Mutation.payOrder', SpanKind.INTERNAL, paymentsServer);
  one('orders', 'query', SpanKind.SERVER, one('payments', 'fetch orders Order', SpanKind.CLIENT, paymentsServer));

  // The events: payment.status_changed (CAPTURED) consumed by orders, whose order.status_changed (PAID) inventory consumes.
  const paidByOrders = one('orders', 'consume payment.status_changed', SpanKind.CONSUMER, paymentsServer);
  const committed = one('inventory', 'consume order.status_changed', SpanKind.CONSUMER, paidByOrders);
  for (const consumer of [paidByOrders, committed]) expect(spans.filter((s) => s.name === 'db.query' && parentOf(s) === consumer).length).toBeGreaterThan(0);
  // Statements are recorded without their parameters: no customer data in traces.
  expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain(demo.customer.email);
});

function describe(spans: ReadableSpan[]): string {
  return spans.map((s) => `${s.instrumentationScope.name} ${SpanKind[s.kind]} ${s.name}`).join('\n');
}
function hasChild(span: ReadableSpan, name: string) {
  return tracing.spans().some((s) => s.name === name && s.parentSpanContext?.spanId === span.spanContext().spanId);
}

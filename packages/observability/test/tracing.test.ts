import { Writable } from 'node:stream';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { createLogger } from '@shop/common';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { injectTraceHeaders, runInExtractedContext, startInMemoryTracing, startTracing, traceHttpRequests, withClientSpan, type InMemoryTracing, type ReadableSpan } from '../src/index.js';
import { serve, type TestServer } from './http-helpers.js';

let tracing: InMemoryTracing;
beforeAll(() => {
  tracing = startInMemoryTracing();
});
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const named = (name: string) => tracing.spans().find((s) => s.name === name);
const parentId = (span: ReadableSpan | undefined) => span?.parentSpanContext?.spanId;

describe('startInMemoryTracing', () => {
  it('is what a test process keeps: a second call returns it and startTracing leaves it in place', async () => {
    expect(startInMemoryTracing()).toBe(tracing);
    expect(await startTracing({ serviceName: 'orders', env: { OTEL_TRACES_EXPORTER: 'console' } })).toBeNull();
    trace.getTracer('orders').startSpan('still in memory').end();
    expect(named('still in memory')?.instrumentationScope.name).toBe('orders');
  });
});

describe('traceHttpRequests and injectTraceHeaders', () => {
  let gateway: TestServer;
  let orders: TestServer;
  beforeAll(async () => {
    orders = await serve((app) => {
      app.use(express.json(), traceHttpRequests('orders'));
      app.post('/graphql', async (_req, res) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        trace.getTracer('orders').startSpan('orders work').end();
        res.json({ ok: true });
      });
      app.post('/fail', (_req, res) => void res.status(503).json({ ok: false }));
    });
    gateway = await serve((app) => {
      app.use(express.json(), traceHttpRequests('gateway'));
      app.post('/graphql', async (req, res) => {
        // An outgoing call from a continuation of the request, as a subgraph fetch is.
        await new Promise((resolve) => setImmediate(resolve));
        const answer = await fetch(`${orders.url}${req.body.path}`, { method: 'POST', headers: injectTraceHeaders({ 'content-type': 'application/json' }), body: '{}' });
        res.status(answer.status).json(await answer.json());
      });
    });
  });
  afterAll(async () => {
    await Promise.all([gateway.close(), orders.close()]);
  });

  it('puts two services\' server spans in one trace, the callee a child of the caller, each under its own tracer', async () => {
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`${gateway.url}/graphql?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ path: '/graphql' }),
    });
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(tracing.spans().filter((s) => s.kind === SpanKind.SERVER)).toHaveLength(2));
    const [ordersSpan, gatewaySpan] = tracing.spans().filter((s) => s.kind === SpanKind.SERVER);
    expect(gatewaySpan!.instrumentationScope.name).toBe('gateway');
    expect(ordersSpan!.instrumentationScope.name).toBe('orders');
    expect(gatewaySpan!.name).toBe('POST /graphql');
    expect(gatewaySpan!.spanContext().traceId).toBe(callerTrace);
    expect(parentId(gatewaySpan)).toBe('00f067aa0ba902b7');
    expect(ordersSpan!.spanContext().traceId).toBe(callerTrace);
    expect(parentId(ordersSpan)).toBe(gatewaySpan!.spanContext().spanId);
    expect(parentId(named('orders work'))).toBe(ordersSpan!.spanContext().spanId);
    expect(gatewaySpan!.attributes).toMatchObject({ 'http.request.method': 'POST', 'url.path': '/graphql', 'http.response.status_code': 200 });
    expect(gatewaySpan!.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('starts a new trace when the request carries none, and marks a 5xx answer as an error', async () => {
    const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '/fail' }) });
    expect(response.status).toBe(503);
    await vi.waitFor(() => expect(tracing.spans().filter((s) => s.kind === SpanKind.SERVER)).toHaveLength(2));
    const [ordersSpan, gatewaySpan] = tracing.spans().filter((s) => s.kind === SpanKind.SERVER);
    expect(gatewaySpan!.parentSpanContext).toBeUndefined();
    expect(parentId(ordersSpan)).toBe(gatewaySpan!.spanContext().spanId);
    for (const span of [ordersSpan!, gatewaySpan!]) {
      expect(span.attributes['http.response.status_code']).toBe(503);
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
    }
  });

  it('writes into anything with set(), such as fetch Headers, and writes nothing outside a span', () => {
    expect(injectTraceHeaders({})).toEqual({});
    const span = trace.getTracer('gateway').startSpan('outgoing');
    const headers = context.with(trace.setSpan(context.active(), span), () => injectTraceHeaders(new Headers()));
    span.end();
    expect(headers.get('traceparent')).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
  });
});

describe('runInExtractedContext', () => {
  it('runs an event consumer in a CONSUMER span that is a child of the context the event was recorded in', async () => {
    const producer = trace.getTracer('orders').startSpan('placeOrder');
    const eventHeaders = context.with(trace.setSpan(context.active(), producer), () => injectTraceHeaders({}));
    producer.end();
    const result = await runInExtractedContext('payments', 'consume order.placed', eventHeaders, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      trace.getTracer('payments').startSpan('charge').end();
      return 'charged';
    });
    expect(result).toBe('charged');
    const consumer = named('consume order.placed')!;
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(consumer.instrumentationScope.name).toBe('payments');
    expect(consumer.spanContext().traceId).toBe(producer.spanContext().traceId);
    expect(parentId(consumer)).toBe(producer.spanContext().spanId);
    expect(parentId(named('charge'))).toBe(consumer.spanContext().spanId);
  });

  it('records the exception, ends the span and rethrows when the consumer fails', async () => {
    await expect(
      runInExtractedContext('payments', 'consume order.placed', undefined, async () => {
        throw new Error('card declined');
      }),
    ).rejects.toThrow('card declined');
    const consumer = named('consume order.placed')!;
    expect(consumer.status).toMatchObject({ code: SpanStatusCode.ERROR, message: 'card declined' });
    expect(consumer.events.map((e) => e.name)).toEqual(['exception']);
    expect(consumer.parentSpanContext).toBeUndefined();
  });

  it('does not parent an event on whatever span the consumer loop happens to run in', async () => {
    const loop = trace.getTracer('payments').startSpan('poll');
    await context.with(trace.setSpan(context.active(), loop), () => runInExtractedContext('payments', 'consume', {}, async () => {}));
    loop.end();
    expect(named('consume')!.spanContext().traceId).not.toBe(loop.spanContext().traceId);
  });
});

describe('withClientSpan', () => {
  it('makes the call a CLIENT child of the active span and sends that child as the traceparent', async () => {
    const request = trace.getTracer('orders').startSpan('placeOrder');
    const headers: Record<string, string> = {};
    const answer = await context.with(trace.setSpan(context.active(), request), () =>
      withClientSpan('inventory reserve batch', headers, async () => 'reserved', { attributes: { 'shop.lines': 2 } }),
    );
    request.end();
    expect(answer).toBe('reserved');
    const client = named('inventory reserve batch')!;
    expect(client.kind).toBe(SpanKind.CLIENT);
    expect(client.attributes['shop.lines']).toBe(2);
    expect(parentId(client)).toBe(request.spanContext().spanId);
    expect(headers.traceparent).toBe(`00-${client.spanContext().traceId}-${client.spanContext().spanId}-01`);
  });

  it('marks the span failed, ends it and rethrows when the call fails, under the tracer it is given', async () => {
    const headers = new Headers();
    await expect(withClientSpan('fetch products Product', headers, async () => Promise.reject(new Error('ECONNREFUSED')), { service: 'gateway' })).rejects.toThrow('ECONNREFUSED');
    const client = named('fetch products Product')!;
    expect(client.instrumentationScope.name).toBe('gateway');
    expect(client.status).toMatchObject({ code: SpanStatusCode.ERROR, message: 'ECONNREFUSED' });
    expect(client.events.map((e) => e.name)).toEqual(['exception']);
    expect(client.endTime[0] + client.endTime[1]).toBeGreaterThan(0);
    expect(headers.get('traceparent')).toContain(client.spanContext().spanId);
  });
});

describe('log correlation', () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    return { lines, stream };
  }

  it('adds trace_id and span_id to lines written inside a span, nothing outside one, and still redacts', () => {
    vi.stubEnv('LOG_LEVEL', 'info');
    const { lines, stream } = capture();
    const logger = createLogger('orders', stream);
    const span = trace.getTracer('orders').startSpan('placeOrder');
    context.with(trace.setSpan(context.active(), span), () => logger.info({ password: 'hunter2', card: '4242' }, 'inside'));
    span.end();
    logger.info('outside');
    vi.unstubAllEnvs();
    expect(lines[0]).toMatchObject({ msg: 'inside', trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId, password: '[redacted]', card: '[redacted]' });
    expect(lines[1]).toMatchObject({ msg: 'outside' });
    expect(lines[1]).not.toHaveProperty('trace_id');
    expect(lines[1]).not.toHaveProperty('span_id');
  });
});

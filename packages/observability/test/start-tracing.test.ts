import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, metrics, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { graphqlTracingPlugin, injectTraceHeaders, runInExtractedContext, startTracing, traceHttpRequests, tracesRequested, tracingEnabled } from '../src/index.js';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('tracesRequested', () => {
  it.each([
    [{}, false],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, true],
    [{ OTEL_TRACES_EXPORTER: 'console' }, true],
    [{ OTEL_TRACES_EXPORTER: 'none' }, false],
    [{ OTEL_TRACES_EXPORTER: 'console,none' }, false],
    [{ OTEL_TRACES_EXPORTER: ' ' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
    [{ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }, false],
    [{ OTEL_SDK_DISABLED: ' TRUE ', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
    [{ OTEL_SDK_DISABLED: 'false', OTEL_TRACES_EXPORTER: 'otlp' }, true],
  ])('%o -> %s', (env, expected) => {
    expect(tracesRequested(env)).toBe(expected);
  });
});

// These run first, in a process where nothing has registered an OpenTelemetry provider.
describe('tracing off', () => {
  it('startTracing returns null without OTEL variables, or when OTEL_SDK_DISABLED=true, and registers nothing', async () => {
    expect(await startTracing({ serviceName: 'orders', env: {} })).toBeNull();
    expect(await startTracing({ serviceName: 'orders', env: { OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'console' } })).toBeNull();
    expect(tracingEnabled()).toBe(false);
    const span = trace.getTracer('orders').startSpan('nothing');
    expect(span.isRecording()).toBe(false);
    // No propagator either: an incoming traceparent is neither read nor written on.
    const extracted = propagation.extract(ROOT_CONTEXT, { traceparent: TRACEPARENT });
    expect(trace.getSpanContext(extracted)).toBeUndefined();
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), carrier);
    expect(carrier).toEqual({});
  });

  it('leaves the request paths untouched: no span, no listeners, no per-field hook', async () => {
    const res = new http.ServerResponse({ method: 'POST' } as IncomingMessage) as ServerResponse;
    const next = vi.fn();
    traceHttpRequests('orders')({ method: 'POST', url: '/graphql', headers: { traceparent: TRACEPARENT } } as unknown as IncomingMessage, res, next);
    expect(next).toHaveBeenCalledOnce();
    expect(res.listenerCount('finish') + res.listenerCount('close')).toBe(0);
    expect(await graphqlTracingPlugin('orders').requestDidStart!({} as never)).toBeUndefined();
    expect(injectTraceHeaders({ accept: 'application/json' })).toEqual({ accept: 'application/json' });
    expect(await runInExtractedContext('orders', 'consume', { traceparent: TRACEPARENT }, () => trace.getActiveSpan())).toBeUndefined();
  });
});

describe('tracing on', () => {
  // A stand-in OTLP/HTTP collector: the only place the SDK may connect to.
  const received: { path: string; body: Buffer }[] = [];
  const collector = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  afterAll(() => {
    collector.close();
    vi.unstubAllEnvs();
  });

  it('starts the SDK once per process, exports spans to the configured endpoint only, and stops on shutdown', async () => {
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', `http://127.0.0.1:${(collector.address() as { port: number }).port}`);
    const [first, second] = await Promise.all([startTracing({ serviceName: 'gateway' }), startTracing({ serviceName: 'orders' })]);
    expect(first).not.toBeNull();
    expect(second).toBe(first);
    expect(await startTracing({ serviceName: 'users' })).toBe(first);
    expect(tracingEnabled()).toBe(true);

    const span = trace.getTracer('orders').startSpan('checkout-probe');
    expect(span.isRecording()).toBe(true);
    const headers = context.with(trace.setSpan(context.active(), span), () => injectTraceHeaders({}));
    expect(headers).toEqual({ traceparent: `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01` });
    const extracted = propagation.extract(ROOT_CONTEXT, { traceparent: TRACEPARENT });
    expect(trace.getSpanContext(extracted)?.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    span.end();
    // Metrics are prom-client's: one recorded through the OpenTelemetry API must not be exported on shutdown.
    metrics.getMeter('orders').createCounter('probe_total').add(1);

    await first!.shutdown();
    await first!.shutdown();
    expect(received.map((r) => r.path)).toEqual(['/v1/traces']);
    const body = received[0]!.body.toString('latin1');
    expect(body).toContain('checkout-probe');
    // The resource is named by the first service that started the SDK; the span's scope by its own service.
    expect(body).toContain('gateway');
    expect(body).toContain('orders');

    expect(tracingEnabled()).toBe(false);
    expect(trace.getTracer('orders').startSpan('after').isRecording()).toBe(false);
  });
});

import { createRequire } from 'node:module';
import { context, propagation, trace, ProxyTracerProvider } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { tracingState } from './state.js';

export interface InMemoryTracing {
  /** Ended spans, oldest first. */
  spans(): ReadableSpan[];
  reset(): void;
  /** Unregisters the provider; the spans are gone afterwards. */
  shutdown(): Promise<void>;
}

const require = createRequire(import.meta.url);

/**
 * For tests: a global tracer provider that keeps every ended span in memory, with the AsyncLocalStorage context
 * manager and the W3C propagator, exactly as startTracing would register. Call it before the platform starts;
 * startTracing then leaves it in place.
 */
export function startInMemoryTracing(): InMemoryTracing {
  const state = tracingState();
  if (state.inMemory) return state.inMemory as InMemoryTracing;
  if (state.sdk) throw new Error('startTracing already registered the OpenTelemetry SDK in this process.');
  // Required here rather than imported: services that never trace in memory do not load the SDK's modules.
  const { AlwaysOnSampler, InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { W3CTraceContextPropagator } = require('@opentelemetry/core') as typeof import('@opentelemetry/core');
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ sampler: new AlwaysOnSampler(), spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  // The API refuses a second registration silently; a test reading an empty span list would not say why.
  if ((trace.getTracerProvider() as ProxyTracerProvider).getDelegate() !== provider) {
    throw new Error('Another OpenTelemetry tracer provider is already registered in this process.');
  }
  state.enabled = true;
  let stopping: Promise<void> | undefined;
  const handle: InMemoryTracing = {
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    shutdown: () =>
      (stopping ??= (async () => {
        state.enabled = false;
        state.inMemory = undefined;
        await provider.shutdown();
        trace.disable();
        context.disable();
        propagation.disable();
      })()),
  };
  state.inMemory = handle;
  return handle;
}

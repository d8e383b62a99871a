import { context, propagation, trace } from '@opentelemetry/api';
import { tracingState } from './state.js';

export interface TracingHandle {
  /** Flushes and stops tracing for the whole process (every service shares the one SDK); safe to call twice. */
  shutdown(): Promise<void>;
}

export interface StartTracingOptions {
  /** service.name of the resource, unless OTEL_SERVICE_NAME names it. */
  serviceName: string;
  /** Decides whether to start; the SDK's exporters read their settings from process.env. Default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Traces are wanted when an exporter or an OTLP endpoint is named: OTEL_TRACES_EXPORTER with no "none" in it, or,
 * when that is unset, OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT. OTEL_SDK_DISABLED=true wins.
 */
export function tracesRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  if (exporters.length > 0) return !exporters.includes('none');
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/**
 * Starts the OpenTelemetry NodeSDK when the OTEL_* environment asks for traces; otherwise returns null and
 * registers nothing, so @opentelemetry/api keeps handing out no-op tracers. The first call in a process starts it,
 * later ones (npm start runs six services in one process) get the same handle. While a test's in-memory tracing
 * is registered this returns null: the test owns tracing.
 */
export async function startTracing(options: StartTracingOptions): Promise<TracingHandle | null> {
  const state = tracingState();
  if (state.inMemory) return null;
  if (state.sdk) return state.sdk;
  const env = options.env ?? process.env;
  if (!tracesRequested(env)) return null;
  const starting = startSdk(env.OTEL_SERVICE_NAME ? undefined : options.serviceName);
  state.sdk = starting;
  starting.catch(() => {
    if (state.sdk === starting) state.sdk = undefined;
  });
  return starting;
}

async function startSdk(serviceName: string | undefined): Promise<TracingHandle> {
  // Loaded only when tracing is on: the SDK and its exporters are most of OpenTelemetry's start-up cost.
  const [{ NodeSDK }, { envDetector, hostDetector, processDetector }, { W3CTraceContextPropagator }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/core'),
  ]);
  const sdk = new NodeSDK({
    serviceName,
    // We instrument by hand: no monkey-patching of modules we did not ask for.
    instrumentations: [],
    // Local detectors only; OTEL_NODE_RESOURCE_DETECTORS could otherwise name cloud ones that probe metadata endpoints.
    resourceDetectors: [envDetector, hostDetector, processDetector],
    textMapPropagator: new W3CTraceContextPropagator(),
    // Metrics are prom-client's and logs are pino's; the SDK's defaults would export both over OTLP.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  const state = tracingState();
  state.enabled = true;
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    state.enabled = false;
    try {
      await sdk.shutdown();
    } finally {
      // Back to the no-op API, so a later start (tests) can register again.
      trace.disable();
      context.disable();
      propagation.disable();
      state.sdk = undefined;
    }
  };
  return { shutdown: () => (stopping ??= stop()) };
}

import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type TextMapSetter } from '@opentelemetry/api';
import { FALLBACK_TRACER, serviceOf, withService } from './context-values.js';
import { tracingEnabled } from './state.js';

/** A plain header object, or anything with set(name, value): fetch Headers, Apollo's HeaderMap. */
export type HeaderCarrier = Record<string, string> | { set(name: string, value: string): unknown };

const callSet: TextMapSetter<{ set(name: string, value: string): unknown }> = {
  set: (carrier, key, value) => void carrier.set(key, value),
};

/** Adds traceparent/tracestate of the active span (none when tracing is off); returns the same carrier. */
export function injectTraceHeaders<T extends HeaderCarrier>(headers: T): T {
  if (tracingEnabled()) injectInto(context.active(), headers);
  return headers;
}

function injectInto(ctx: Context, headers: HeaderCarrier): void {
  if (typeof headers.set === 'function') propagation.inject(ctx, headers, callSet as TextMapSetter<HeaderCarrier>);
  else propagation.inject(ctx, headers);
}

/**
 * Runs fn in a CONSUMER span whose parent is the trace context in headers (e.g. an event's, written by
 * injectTraceHeaders where the event was recorded), so the consumer's work joins the trace that caused it. Without
 * such headers the span starts a trace of its own. The span ends when fn settles and records its exception.
 */
export async function runInExtractedContext<T>(
  serviceName: string,
  spanName: string,
  headers: Record<string, string> | null | undefined,
  fn: () => T | Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return fn();
  // From the root: a consumer loop's own context must not become the parent of every event it handles.
  const parent = headers ? propagation.extract(ROOT_CONTEXT, headers) : ROOT_CONTEXT;
  const span = trace.getTracer(serviceName).startSpan(spanName, { kind: SpanKind.CONSUMER }, parent);
  return runInSpan(span, withService(trace.setSpan(parent, span), serviceName), fn);
}

/**
 * Runs an outgoing call in a CLIENT span, child of the active one, with its traceparent added to headers, so the
 * callee's server span is the call's child. The span is the active service's (or options.service's); it ends when
 * call settles, and a thrown error marks it failed.
 */
export async function withClientSpan<T>(spanName: string, headers: HeaderCarrier, call: () => Promise<T>, options: { service?: string; attributes?: Attributes } = {}): Promise<T> {
  if (!tracingEnabled()) return call();
  const active = context.active();
  const span = trace.getTracer(options.service ?? serviceOf(active) ?? FALLBACK_TRACER).startSpan(spanName, { kind: SpanKind.CLIENT, attributes: options.attributes }, active);
  const ctx = trace.setSpan(active, span);
  injectInto(ctx, headers);
  return runInSpan(span, ctx, call);
}

/** Runs fn with ctx active; a thrown error marks span failed; span ends when fn settles. */
async function runInSpan<T>(span: Span, ctx: Context, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await context.with(ctx, fn);
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}

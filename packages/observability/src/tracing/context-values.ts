import { createContextKey, type Context, type Span } from '@opentelemetry/api';

const SERVICE = createContextKey('@shop/observability.service');
const REQUEST_SPAN = createContextKey('@shop/observability.request-span');

/** Several services share one process and one provider; the context says whose work a span is (its tracer name). */
export function withService(ctx: Context, serviceName: string): Context {
  return ctx.setValue(SERVICE, serviceName);
}

/** The tracer name of spans made outside any service's work (a test's own span, say). */
export const FALLBACK_TRACER = '@shop/observability';

export function serviceOf(ctx: Context): string | undefined {
  return ctx.getValue(SERVICE) as string | undefined;
}

/** Marks the HTTP server span of a request, which the GraphQL plugin renames after the operation. */
export function withRequestSpan(ctx: Context, span: Span): Context {
  return ctx.setValue(REQUEST_SPAN, span);
}

/** The request's server span, only while it is the active one (not from inside some deeper span). */
export function activeRequestSpan(ctx: Context, active: Span | undefined): Span | undefined {
  const span = ctx.getValue(REQUEST_SPAN) as Span | undefined;
  return span && span === active ? span : undefined;
}

import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { FALLBACK_TRACER, serviceOf } from './context-values.js';

export const MAX_STATEMENT_LENGTH = 500;
const WRAPPED = Symbol.for('@shop/observability.drizzle-wrapped');

type QueryMethod = ((this: { queryString: string }, ...args: unknown[]) => Promise<unknown>) & { [WRAPPED]?: true };

/**
 * Makes each statement drizzle runs through postgres.js or PGlite a CLIENT span "db.query" under the active span,
 * by wrapping the drivers' prepared-query execute/all once per process. Statements outside any span (the outbox
 * relay's polling, migrations) get none, rather than a trace each. Parameters are never recorded: they hold
 * customer data. Call it only when tracing is on.
 */
export async function instrumentDrizzleQueries(): Promise<void> {
  // The ESM modules the application itself loads: patching a CommonJS twin would change nothing.
  const drivers = await Promise.allSettled([
    import('drizzle-orm/postgres-js/session').then((m) => m.PostgresJsPreparedQuery.prototype),
    // Imports @electric-sql/pglite; a deployment without it simply has no PGlite sessions to trace.
    import('drizzle-orm/pglite/session').then((m) => m.PglitePreparedQuery.prototype),
  ]);
  for (const driver of drivers) {
    if (driver.status !== 'fulfilled') continue;
    const prototype = driver.value as unknown as Record<'execute' | 'all', QueryMethod>;
    prototype.execute = traced(prototype.execute);
    prototype.all = traced(prototype.all);
  }
}

function traced(original: QueryMethod): QueryMethod {
  if (original[WRAPPED]) return original;
  const wrapped: QueryMethod = function (this, ...args) {
    const active = context.active();
    if (!trace.getSpan(active)?.isRecording()) return original.apply(this, args);
    const span = trace.getTracer(serviceOf(active) ?? FALLBACK_TRACER).startSpan(
      'db.query',
      { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql', 'db.statement': truncate(this.queryString) } },
      active,
    );
    return original.apply(this, args).then(
      (result) => {
        span.end();
        return result;
      },
      (error: unknown) => {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        span.end();
        throw error;
      },
    );
  };
  wrapped[WRAPPED] = true;
  return wrapped;
}

function truncate(statement: string): string {
  return statement.length > MAX_STATEMENT_LENGTH ? `${statement.slice(0, MAX_STATEMENT_LENGTH)}…` : statement;
}

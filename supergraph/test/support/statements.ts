import { randomBytes } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import { startInMemoryTracing } from '@shop/observability';
import type { ServiceName } from '@shop/platform';

export interface Statement {
  subgraph: ServiceName;
  sql: string;
  /** The trace it ran in: background work (consumers, e-mail, sweepers, the payment driver) never shares a request's. */
  traceId?: string;
}

/**
 * SQL statements by the request that caused them. Call before the platform starts (it registers in-memory tracing);
 * pass `onQuery` to it, send the request with `headers` of a `newTrace()`, and count `of(traceId)`.
 */
export function statementsByTrace() {
  const tracing = startInMemoryTracing();
  const all: Statement[] = [];
  return {
    onQuery: (subgraph: ServiceName, sql: string) => void all.push({ subgraph, sql, traceId: trace.getActiveSpan()?.spanContext().traceId }),
    newTrace() {
      const traceId = randomBytes(16).toString('hex');
      return { traceId, headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` } };
    },
    of: (traceId: string) => all.filter((s) => s.traceId === traceId),
    stop: () => tracing.shutdown(),
  };
}

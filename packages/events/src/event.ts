import { randomUUID } from 'node:crypto';

/** What every service publishes: an immutable fact about one aggregate, with a unique id consumers dedupe on. */
export interface DomainEvent<TPayload = Record<string, unknown>> {
  id: string;
  /** Routing key, e.g. order.status_changed, stock.changed, payment.status_changed. */
  type: string;
  version: number;
  occurredAt: string;
  /** The order, product or payment the event is about. */
  aggregateId: string;
  /** The subgraph that published it. */
  source: string;
  payload: TPayload;
  /** Transport metadata such as W3C trace context (traceparent, tracestate); not part of the fact itself. */
  headers?: Record<string, string>;
}

export function newEvent<TPayload extends Record<string, unknown>>(
  source: string,
  type: string,
  aggregateId: string,
  payload: TPayload,
  version = 1,
): DomainEvent<TPayload> {
  return { id: randomUUID(), type, version, occurredAt: new Date().toISOString(), aggregateId, source, payload };
}

/** AMQP topic matching: words split by '.', '*' is one word, '#' is zero or more. */
export function matchesTopic(pattern: string, type: string): boolean {
  const p = pattern.split('.');
  const t = type.split('.');
  const match = (i: number, j: number): boolean => {
    if (i === p.length) return j === t.length;
    if (p[i] === '#') return match(i + 1, j) || (j < t.length && match(i, j + 1));
    return j < t.length && (p[i] === '*' || p[i] === t[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}

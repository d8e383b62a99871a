import type { z } from 'zod';
import { newEvent, type DomainEvent } from './event.js';

/**
 * One event as its publisher defines it: the routing key, the payload's zod schema (its TypeScript type flows from
 * it) and which aggregate it is about. Publishers create events with it; consumers parse with the same schema, so
 * one event has one shape everywhere.
 */
export interface EventContract<TPayload extends Record<string, unknown> = Record<string, unknown>> {
  readonly type: string;
  readonly source: string;
  readonly version: number;
  readonly schema: z.ZodType<TPayload>;
  create(payload: TPayload): DomainEvent<TPayload>;
  /** The payload, or the zod issues when the event does not match the contract. */
  parse(event: DomainEvent): { ok: true; payload: TPayload } | { ok: false; issues: z.core.$ZodIssue[] };
}

export type PayloadOf<C> = C extends EventContract<infer P> ? P : never;

export function defineEvent<S extends z.ZodType<Record<string, unknown>>>(spec: {
  source: string;
  type: string;
  schema: S;
  aggregateId: (payload: z.infer<S>) => string;
  version?: number;
}): EventContract<z.infer<S>> {
  const version = spec.version ?? 1;
  return {
    type: spec.type,
    source: spec.source,
    version,
    schema: spec.schema as unknown as z.ZodType<z.infer<S>>,
    create: (payload) => newEvent(spec.source, spec.type, spec.aggregateId(payload), payload, version),
    parse(event) {
      const parsed = spec.schema.safeParse(event.payload);
      return parsed.success ? { ok: true, payload: parsed.data as z.infer<S> } : { ok: false, issues: parsed.error.issues };
    },
  };
}

/** A service's durable subscriptions: its queue (named after it) and the event types bound to it. */
export interface ConsumerDeclaration {
  consumer: string;
  events: readonly EventContract<any>[];
}

/** The broker topology (queue per consumer, bound to its event types), derived from the services' declarations. */
export function topologyOf(declarations: readonly ConsumerDeclaration[]): Record<string, string[]> {
  const topology: Record<string, string[]> = {};
  for (const { consumer, events } of declarations) {
    const types = (topology[consumer] ??= []);
    for (const { type } of events) if (!types.includes(type)) types.push(type);
  }
  return topology;
}

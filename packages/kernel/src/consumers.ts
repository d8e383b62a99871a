import { Counter, type Registry } from 'prom-client';
import type { Logger } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import { handleOnce, type DomainEvent, type EventBus, type Unsubscribe } from '@shop/events';
import { runInExtractedContext } from '@shop/observability';
import type { ConsumerSpec } from './define-subgraph.js';

export type Outcome = 'applied' | 'duplicate' | 'skipped' | 'malformed' | 'failed';

export interface ConsumersOptions<TServices, TSchema extends Record<string, unknown>> {
  /** The service's name: its queue and its inbox rows go by it. */
  name: string;
  db: Database<TSchema>;
  bus: EventBus;
  logger: Logger;
  registry: Registry;
  services: TServices;
  consumers: readonly ConsumerSpec<TServices, TSchema>[];
}

/**
 * Subscribes the service's one durable queue to every declared event type. Each delivery is parsed with its
 * publisher's contract (a malformed event is logged and acknowledged: redelivering cannot fix it), then applied inside
 * the inbox, in a span that continues the trace the event was recorded in. A handler that throws rolls back (inbox row
 * included) and the bus delivers the event again.
 */
export async function startConsumers<TServices, TSchema extends Record<string, unknown>>(options: ConsumersOptions<TServices, TSchema>): Promise<{ stop(): Promise<void> }> {
  const { name, db, logger, services } = options;
  if (options.consumers.length === 0) return { stop: async () => undefined };
  const byType = consumersByType(options.consumers);
  const consumed = new Counter({
    name: 'events_consumed_total',
    help: 'Deliveries to this service by outcome: applied, duplicate (a redelivery already applied), skipped (nothing to do), malformed, failed (will be redelivered).',
    labelNames: ['consumer', 'type', 'outcome'] as const,
    registers: [options.registry],
  });

  const target = { name, db, logger, services, byType };
  const deliver = async (event: DomainEvent): Promise<void> => {
    let outcome: Outcome = 'failed';
    try {
      outcome = await applyEvent(target, event);
    } finally {
      consumed.inc({ consumer: name, type: event.type, outcome });
    }
  };

  const unsubscribe: Unsubscribe = await options.bus.consume(name, [...byType.keys()], deliver);
  return { stop: unsubscribe };
}

export const consumersByType = <TServices, TSchema extends Record<string, unknown>>(consumers: readonly ConsumerSpec<TServices, TSchema>[]) =>
  new Map(consumers.flatMap((consumer) => consumer.events.map((contract) => [contract.type, consumer] as const)));

export interface ConsumerTarget<TServices, TSchema extends Record<string, unknown>> {
  name: string;
  db: Database<TSchema>;
  logger: Logger;
  services: TServices;
  byType: ReadonlyMap<string, ConsumerSpec<TServices, TSchema>>;
}

/** One delivery, as every consumer gets it: parsed with the publisher's contract, applied at most once (the inbox). Throws to be redelivered. */
export async function applyEvent<TServices, TSchema extends Record<string, unknown>>(target: ConsumerTarget<TServices, TSchema>, event: DomainEvent): Promise<Exclude<Outcome, 'failed'>> {
  const consumer = target.byType.get(event.type);
  const contract = consumer?.events.find((c) => c.type === event.type);
  if (!consumer || !contract) return 'skipped';
  const parsed = contract.parse(event);
  if (!parsed.ok) {
    target.logger.error({ eventId: event.id, type: event.type, issues: parsed.issues }, 'event does not match its contract; acknowledged without effect');
    return 'malformed';
  }
  if (consumer.wants && !consumer.wants(parsed.payload, event)) return 'skipped';
  const applied = await runInExtractedContext(target.name, `consume ${event.type}`, event.headers, () =>
    handleOnce(target.db, target.name, event, (tx) => consumer.handle(tx as Transaction<TSchema>, parsed.payload, event, target.services)),
  );
  return applied ? 'applied' : 'duplicate';
}

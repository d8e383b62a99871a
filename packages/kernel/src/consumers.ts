import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Express } from 'express';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import { deadLetters, describeError, handleOnce, isTransient, type DomainEvent, type EventBus, type Unsubscribe } from '@shop/events';
import { asyncGauge, runInExtractedContext } from '@shop/observability';
import { graphqlBodyParsing } from '@shop/server';
import { deadLetterPaths, replayRequest, type DeadLetterEntry, type ReplayAnswer } from './dead-letters-contract.js';
import type { ConsumerSpec } from './define-subgraph.js';

export type Outcome = 'applied' | 'duplicate' | 'skipped' | 'malformed' | 'failed' | 'dead_lettered';

export interface ConsumersOptions<TServices, TSchema extends Record<string, unknown>> {
  /** The service's name: its queue, its inbox rows and its dead letters go by it. */
  name: string;
  db: Database<TSchema>;
  bus: EventBus;
  logger: Logger;
  registry: Registry;
  services: TServices;
  consumers: readonly ConsumerSpec<TServices, TSchema>[];
  /** Counted failed deliveries of one event before it becomes a dead letter (EVENT_MAX_DELIVERIES). */
  maxDeliveries: number;
}

export interface RunningConsumers {
  stop(): Promise<void>;
  /** GET /internal/dead-letters and POST /internal/dead-letters/replay (dead-letters-contract.ts); none without consumers. */
  routes(app: Express): void;
}

/**
 * Subscribes the service's one durable queue to every declared event type. Each delivery is parsed with its
 * publisher's contract, then applied inside the inbox, in a span that continues the trace the event was recorded in.
 * A handler that throws rolls back (inbox row included) and the bus delivers the event again, with its backoff.
 *
 * Poison messages: failures are counted per event in the service's own dead_letters table, so every replica and
 * every restart adds to one count. When an event has failed maxDeliveries times it becomes a dead letter: kept with
 * its last error, acknowledged so the queue moves on, counted in events_dead_lettered_total and shown in the
 * events_dead_letters gauge until an operator replays it (replay() applies it through the inbox, so once). An event
 * that does not match its contract cannot succeed by being redelivered: it becomes a dead letter at once (a replay
 * after a consumer that understands it is deployed applies it).
 *
 * What counts as an attempt: a delivery whose handler threw an error that is not transient (failures.ts in
 * @shop/events) and whose failure could be written down. A dependency or the database being down, a dropped
 * connection, a deadlock: retried with backoff without counting, however long the outage lasts, so an outage never
 * dead-letters the events that arrive during it. The count lives in the database rather than in the broker (a
 * quorum queue's delivery-limit, x-death headers) because the broker counts every redelivery, outages and replicas
 * killed mid-handler included, cannot tell which failures are the event's, and keeps dead letters where they can
 * only be browsed by consuming them; a table gives one policy for both buses and a listing and replay by event id.
 */
export async function startConsumers<TServices, TSchema extends Record<string, unknown>>(options: ConsumersOptions<TServices, TSchema>): Promise<RunningConsumers> {
  const { name, db, logger, services, maxDeliveries } = options;
  if (options.consumers.length === 0) return { stop: async () => undefined, routes: () => undefined };
  const byType = consumersByType(options.consumers);
  const consumed = new Counter({
    name: 'events_consumed_total',
    help: 'Deliveries to this service by outcome: applied, duplicate (a redelivery already applied), skipped (nothing to do), malformed (kept as a dead letter), failed (will be redelivered), dead_lettered (failed too often; kept for a replay).',
    labelNames: ['consumer', 'type', 'outcome'] as const,
    registers: [options.registry],
  });
  const deadLettered = new Counter({
    name: 'events_dead_lettered_total',
    help: 'Events this service stopped redelivering and kept as dead letters: failed EVENT_MAX_DELIVERIES times, or not matching their contract.',
    labelNames: ['consumer', 'type'] as const,
    registers: [options.registry],
  });
  asyncGauge(options.registry, {
    name: 'events_dead_letters',
    help: 'Dead letters waiting for a replay (npm run dead-letters).',
    labelNames: ['consumer'] as const,
    read: async () => [{ labels: { consumer: name }, value: await waitingDeadLetters(db, name) }],
  });

  const target = { name, db, logger, services, byType };
  const store = new DeadLetterStore(db, name, maxDeliveries);

  /** Moves a delivery to the dead letters; false when that could not be written (it is then redelivered). */
  const kill = async (event: DomainEvent, failure: { error: unknown } | { malformed: string }): Promise<boolean> => {
    const dead = 'malformed' in failure ? await store.recordMalformed(event, failure.malformed) : await store.recordFailure(event, failure.error);
    if (!dead) return false;
    deadLettered.inc({ consumer: name, type: event.type });
    logger.error({ eventId: event.id, type: event.type, attempts: dead.attempts, err: 'error' in failure ? failure.error : undefined }, 'event dead-lettered: it is no longer redelivered and waits for a replay');
    return true;
  };

  const deliver = async (event: DomainEvent): Promise<void> => {
    let outcome: Outcome = 'failed';
    try {
      try {
        outcome = await applyEvent(target, event);
      } catch (error) {
        if (isTransient(error)) throw error;
        const dead = await kill(event, { error }).catch((failure: unknown) => {
          logger.warn({ err: failure, eventId: event.id }, 'could not count the failed delivery; it is redelivered uncounted');
          return false;
        });
        if (!dead) throw error;
        outcome = 'dead_lettered';
      }
      // Written before the ack: when it cannot be, the bus redelivers and it is tried again.
      if (outcome === 'malformed') await kill(event, { malformed: malformedReason(target, event) });
    } finally {
      consumed.inc({ consumer: name, type: event.type, outcome });
    }
  };

  /** One dead letter applied again through the inbox: gone when that worked, kept with the new error when not. */
  const replayOne = async (row: typeof deadLetters.$inferSelect): Promise<ReplayAnswer['results'][number]> => {
    const result = { eventId: row.eventId, type: row.type };
    let outcome: Outcome;
    try {
      outcome = await applyEvent(target, row.event);
    } catch (error) {
      consumed.inc({ consumer: name, type: row.type, outcome: 'failed' });
      await store.replayFailed(row.eventId, error);
      return { ...result, outcome: 'failed', error: describeError(error) };
    }
    consumed.inc({ consumer: name, type: row.type, outcome });
    if (outcome === 'malformed') {
      const reason = malformedReason(target, row.event);
      await store.replayFailed(row.eventId, new Error(reason));
      return { ...result, outcome: 'malformed', error: reason };
    }
    await store.remove(row.eventId);
    return { ...result, outcome: outcome as 'applied' | 'duplicate' | 'skipped' };
  };

  const replay = async (eventIds: readonly string[] | 'all'): Promise<ReplayAnswer> => {
    const rows = await store.dead(eventIds);
    const results: ReplayAnswer['results'] = [];
    // One at a time, oldest dead letter first: the order they failed in is the closest to the order they were sent.
    for (const row of rows) results.push(await replayOne(row));
    if (eventIds !== 'all') for (const id of eventIds) if (!rows.some((row) => row.eventId === id)) results.push({ eventId: id, type: null, outcome: 'not_found' });
    logger.info({ replayed: results.length, outcomes: results.map((r) => r.outcome) }, 'dead letters replayed');
    return { consumer: name, results };
  };

  const unsubscribe: Unsubscribe = await options.bus.consume(name, [...byType.keys()], deliver);
  return {
    stop: unsubscribe,
    routes(app) {
      app.get(deadLetterPaths.list, async (_req, res, next) => {
        try {
          res.json({ consumer: name, deadLetters: (await store.dead('all')).map(entryOf) });
        } catch (error) {
          next(error);
        }
      });
      app.post(deadLetterPaths.replay, ...graphqlBodyParsing('64kb'), async (req, res, next) => {
        try {
          const body = replayRequest.safeParse(req.body);
          if (!body.success) return void res.status(422).json({ error: { code: 'INVALID_INPUT', message: 'Send { "eventIds": [<event id>, …] } or { "all": true }.' } });
          res.json(await replay('all' in body.data ? 'all' : body.data.eventIds));
        } catch (error) {
          next(error);
        }
      });
    },
  };
}

const entryOf = (row: typeof deadLetters.$inferSelect): DeadLetterEntry => ({
  eventId: row.eventId,
  type: row.type,
  attempts: row.attempts,
  error: row.error,
  errorStack: row.errorStack,
  firstFailedAt: row.firstFailedAt.toISOString(),
  deadAt: row.deadAt!.toISOString(),
  event: row.event as unknown as Record<string, unknown>,
});

/** Why an event does not match its consumer's contract (applyEvent said it does not). */
function malformedReason<TServices, TSchema extends Record<string, unknown>>(target: ConsumerTarget<TServices, TSchema>, event: DomainEvent): string {
  const parsed = target.byType.get(event.type)?.events.find((c) => c.type === event.type)?.parse(event);
  const issues = parsed && !parsed.ok ? JSON.stringify(parsed.issues) : '';
  return `the event does not match its contract ${event.type}: ${issues}`.slice(0, 4000);
}

/** Rows of events that failed but never died (they later succeeded): of no use once redelivery is over. */
export async function pruneRetriedFailures(db: Database<any>, olderThanDays: number): Promise<void> {
  await db.delete(deadLetters).where(sql`dead_at is null and last_failed_at < now() - make_interval(days => ${olderThanDays})`);
}

export async function waitingDeadLetters(db: Database<any>, consumer: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(deadLetters).where(and(eq(deadLetters.consumer, consumer), isNotNull(deadLetters.deadAt)));
  return Number(row?.n ?? 0);
}

/** The dead_letters rows of one consumer. */
class DeadLetterStore {
  constructor(
    private readonly db: Database<any>,
    private readonly consumer: string,
    private readonly maxDeliveries: number,
  ) {}

  /** Counts one failed delivery; the row when that made (or found) it a dead letter. */
  async recordFailure(event: DomainEvent, error: unknown): Promise<{ attempts: number } | undefined> {
    const t = deadLetters;
    const message = describeError(error);
    const stack = error instanceof Error ? (error.stack ?? null) : null;
    const [row] = await this.db
      .insert(t)
      .values({ consumer: this.consumer, eventId: event.id, type: event.type, event, attempts: 1, error: message, errorStack: stack, deadAt: this.maxDeliveries <= 1 ? sql`now()` : null })
      .onConflictDoUpdate({
        target: [t.consumer, t.eventId],
        set: { attempts: sql`${t.attempts} + 1`, error: message, errorStack: stack, lastFailedAt: sql`now()`, deadAt: sql`coalesce(${t.deadAt}, case when ${t.attempts} + 1 >= ${this.maxDeliveries} then now() end)` },
      })
      .returning({ attempts: t.attempts, deadAt: t.deadAt });
    return row?.deadAt ? { attempts: row.attempts } : undefined;
  }

  /** An event that does not match its contract: a dead letter at once. */
  async recordMalformed(event: DomainEvent, reason: string): Promise<{ attempts: number }> {
    const t = deadLetters;
    const [row] = await this.db
      .insert(t)
      .values({ consumer: this.consumer, eventId: event.id, type: event.type, event, attempts: 1, error: reason, errorStack: null, deadAt: sql`now()` })
      .onConflictDoUpdate({ target: [t.consumer, t.eventId], set: { attempts: sql`${t.attempts} + 1`, error: reason, lastFailedAt: sql`now()`, deadAt: sql`coalesce(${t.deadAt}, now())` } })
      .returning({ attempts: t.attempts });
    return { attempts: row?.attempts ?? 1 };
  }

  dead(eventIds: readonly string[] | 'all') {
    const t = deadLetters;
    return this.db
      .select()
      .from(t)
      .where(and(eq(t.consumer, this.consumer), isNotNull(t.deadAt), eventIds === 'all' ? undefined : inArray(t.eventId, [...eventIds])))
      .orderBy(asc(t.deadAt), asc(t.eventId))
      .limit(1000);
  }

  async replayFailed(eventId: string, error: unknown): Promise<void> {
    const t = deadLetters;
    await this.db
      .update(t)
      .set({ attempts: sql`${t.attempts} + 1`, error: describeError(error), errorStack: error instanceof Error ? (error.stack ?? null) : null, lastFailedAt: sql`now()` })
      .where(and(eq(t.consumer, this.consumer), eq(t.eventId, eventId)));
  }

  async remove(eventId: string): Promise<void> {
    await this.db.delete(deadLetters).where(and(eq(deadLetters.consumer, this.consumer), eq(deadLetters.eventId, eventId)));
  }
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
export async function applyEvent<TServices, TSchema extends Record<string, unknown>>(target: ConsumerTarget<TServices, TSchema>, event: DomainEvent): Promise<Exclude<Outcome, 'failed' | 'dead_lettered'>> {
  const consumer = target.byType.get(event.type);
  const contract = consumer?.events.find((c) => c.type === event.type);
  if (!consumer || !contract) return 'skipped';
  const parsed = contract.parse(event);
  if (!parsed.ok) {
    target.logger.error({ eventId: event.id, type: event.type, issues: parsed.issues }, 'event does not match its contract; acknowledged without effect (a dead letter when delivered by the bus)');
    return 'malformed';
  }
  if (consumer.wants && !consumer.wants(parsed.payload, event)) return 'skipped';
  const applied = await runInExtractedContext(target.name, `consume ${event.type}`, event.headers, () =>
    handleOnce(target.db, target.name, event, (tx) => consumer.handle(tx as Transaction<TSchema>, parsed.payload, event, target.services)),
  );
  return applied ? 'applied' : 'duplicate';
}

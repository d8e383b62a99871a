import { asc, inArray, isNull, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { context, propagation } from '@opentelemetry/api';
import { createLogger, Scheduler, type Logger, type ScheduledTask } from '@shop/common';
import type { EventBus } from './bus.js';
import type { DomainEvent } from './event.js';
import { outbox } from './tables.js';

// Any drizzle database or transaction whose schema includes the outbox table.
type Db = PgDatabase<PgQueryResultHKT, any, any>;

/** Transactions (and databases) whose commit must wake a relay, with what marks them as having recorded events. */
const commitHooks = new WeakMap<object, () => void>();

/**
 * Writes events in the caller's transaction: they exist exactly when the change they describe was committed. Each
 * carries the active trace context, and the relay of a database opened with wakeOnCommit publishes them right
 * after the commit, so no call site has to remember to.
 */
export async function recordEvents(tx: Db, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const traceHeaders = currentTraceHeaders();
  await tx.insert(outbox).values(
    events.map((e) => ({
      id: e.id, type: e.type, version: e.version, aggregateId: e.aggregateId, source: e.source, payload: e.payload, occurredAt: e.occurredAt,
      headers: e.headers ?? traceHeaders,
    })),
  );
  commitHooks.get(tx)?.();
}

/** traceparent/tracestate of the active span; null when tracing is off (the no-op propagator writes nothing). */
function currentTraceHeaders(): Record<string, string> | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length ? carrier : null;
}

/**
 * Makes every transaction on db that recorded events call wake once it has committed (nested transactions count
 * for their outermost one); recordEvents straight on db, outside a transaction, wakes at once.
 */
export function wakeOnCommit<TDb extends Db>(db: TDb, wake: () => void): TDb {
  commitHooks.set(db, wake);
  const transaction = db.transaction.bind(db);
  (db as { transaction: Db['transaction'] }).transaction = async (fn, config) => {
    let recorded = false;
    const result = await transaction((tx) => fn(markTransaction(tx, () => (recorded = true))), config);
    if (recorded) wake();
    return result;
  };
  return db;
}

function markTransaction<T extends Db>(tx: T, mark: () => void): T {
  commitHooks.set(tx, mark);
  const nested = tx.transaction.bind(tx);
  (tx as { transaction: Db['transaction'] }).transaction = (fn, config) => nested((inner) => fn(markTransaction(inner, mark)), config);
  return tx;
}

/** What an operator watches: unsent events and how long the oldest has waited. */
export async function outboxBacklog(db: Db): Promise<{ events: number; oldestAgeSeconds: number }> {
  const [row] = await db
    .select({ events: sql<number>`count(*)::int`, oldest: sql<number | null>`extract(epoch from now() - min(${outbox.occurredAt}))::float8` })
    .from(outbox)
    .where(isNull(outbox.publishedAt));
  return { events: row?.events ?? 0, oldestAgeSeconds: Math.max(0, row?.oldest ?? 0) };
}

export interface OutboxRelayOptions {
  db: Db;
  bus: EventBus;
  logger?: Logger;
  /** How often to look for unpublished events when nobody pokes the relay. */
  intervalMs?: number;
  batchSize?: number;
  maxBackoffMs?: number;
}

/**
 * Publishes the outbox in commit order, at least once. Rows are locked with SKIP LOCKED, so several replicas can
 * run a relay over one database without publishing a row twice at the same time; a row is marked published only
 * after the bus confirmed it, so a broker outage leaves it for the next attempt (with backoff). Paced by a Scheduler
 * (the service's own, or one of its own) and woken by wakeOnCommit.
 */
export class OutboxRelay {
  private task: ScheduledTask | undefined;
  private ownScheduler: Scheduler | undefined;
  private stopped = true;
  private readonly logger: Logger;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? createLogger('outbox-relay');
  }

  start(scheduler?: Scheduler): void {
    this.stopped = false;
    if (!scheduler) scheduler = this.ownScheduler = new Scheduler(this.logger);
    const batchSize = this.options.batchSize ?? 100;
    this.task = scheduler.add({
      name: 'outbox-relay',
      everyMs: this.options.intervalMs ?? 250,
      maxBackoffMs: this.options.maxBackoffMs ?? 5000,
      run: async () => !this.stopped && (await this.publishBatch()) === batchSize,
    });
  }

  /** Publishes now instead of at the next tick (wakeOnCommit calls it after every commit that recorded events). */
  poke(): void {
    if (!this.stopped) this.task?.wake();
  }

  /** Stops the relay's own pacing; with a shared scheduler, stopping that scheduler waits for a run under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.ownScheduler?.stop();
  }

  /** Publishes until the outbox is empty; returns how many were published. For tests and shutdown. */
  async flush(): Promise<number> {
    let total = 0;
    for (let n = await this.publishBatch(); n > 0; n = await this.publishBatch()) total += n;
    return total;
  }

  private async publishBatch(): Promise<number> {
    const { db, bus } = this.options;
    const { count, error } = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outbox)
        .where(isNull(outbox.publishedAt))
        .orderBy(asc(outbox.seq))
        .limit(this.options.batchSize ?? 100)
        .for('update', { skipLocked: true });
      const published: number[] = [];
      let error: unknown;
      for (const row of rows) {
        try {
          await bus.publish({
            id: row.id, type: row.type, version: row.version, aggregateId: row.aggregateId, source: row.source,
            occurredAt: new Date(row.occurredAt).toISOString(), payload: row.payload as Record<string, unknown>, ...(row.headers ? { headers: row.headers } : {}),
          });
          published.push(row.seq);
        } catch (failure) {
          error = failure;
          await tx.update(outbox).set({ attempts: sql`${outbox.attempts} + 1` }).where(inArray(outbox.seq, [row.seq]));
          break;
        }
      }
      // What was confirmed stays confirmed (committed) even when a later row in the batch failed.
      if (published.length) await tx.update(outbox).set({ publishedAt: sql`now()` }).where(inArray(outbox.seq, published));
      return { count: rows.length, error };
    });
    if (error) throw error;
    return count;
  }
}

import { asc, inArray, isNull, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { createLogger, type Logger } from '@shop/common';
import type { EventBus } from './bus.js';
import type { DomainEvent } from './event.js';
import { outbox } from './tables.js';

// Any drizzle database or transaction whose schema includes the outbox table.
type Db = PgDatabase<PgQueryResultHKT, any, any>;

/** Writes events in the caller's transaction: they exist exactly when the change they describe was committed. */
export async function recordEvents(tx: Db, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(outbox).values(
    events.map((e) => ({ id: e.id, type: e.type, version: e.version, aggregateId: e.aggregateId, source: e.source, payload: e.payload, occurredAt: e.occurredAt })),
  );
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
 * after the bus confirmed it, so a broker outage leaves it for the next attempt (with backoff).
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private failures = 0;
  private readonly logger: Logger;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? createLogger('outbox-relay');
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Call after a commit that wrote events: publishes now instead of at the next tick. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Publishes until the outbox is empty; returns how many were published. For tests and shutdown. */
  async flush(): Promise<number> {
    let total = 0;
    for (let n = await this.publishBatch(); n > 0; n = await this.publishBatch()) total += n;
    return total;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    let delay = this.options.intervalMs ?? 250;
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while (!this.stopped && (await this.publishBatch()) === (this.options.batchSize ?? 100));
        } while (this.again && !this.stopped);
        this.failures = 0;
      } catch (err) {
        this.failures += 1;
        delay = Math.min(100 * 2 ** this.failures, this.options.maxBackoffMs ?? 5000);
        this.logger.warn({ err, retryInMs: delay }, 'outbox publish failed; will retry');
      }
    })();
    await this.running;
    this.running = undefined;
    if (!this.stopped) this.schedule(this.again ? 0 : delay);
  }

  private async publishBatch(): Promise<number> {
    const { db, bus } = this.options;
    return db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outbox)
        .where(isNull(outbox.publishedAt))
        .orderBy(asc(outbox.seq))
        .limit(this.options.batchSize ?? 100)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return 0;
      const published: number[] = [];
      try {
        for (const row of rows) {
          await bus.publish({ id: row.id, type: row.type, version: row.version, aggregateId: row.aggregateId, source: row.source, occurredAt: new Date(row.occurredAt).toISOString(), payload: row.payload as Record<string, unknown> });
          published.push(row.seq);
        }
      } finally {
        // What was confirmed stays confirmed even when a later row in the batch failed.
        if (published.length) await tx.update(outbox).set({ publishedAt: sql`now()` }).where(inArray(outbox.seq, published));
      }
      return rows.length;
    });
  }
}

import { asc, getTableName, gt, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@shop/db';
import type { DomainEvent } from '@shop/events';
import { eventLog, readModel, type AnalyticsSchema } from '../db/schema.js';
import { bulkInsert } from './bulk-insert.js';
import { DbStore } from './db-store.js';
import { MemoryStore } from './memory-store.js';
import { project } from './projection.js';

/** Events read per page when replaying. */
const PAGE = 5000;

/** The envelope as stored: transport headers (trace context) are not part of the fact. */
const envelopeOf = ({ headers: _headers, ...event }: DomainEvent): DomainEvent => event;

/** A live event, in its consumer's transaction (the inbox already made it once): logged, then projected. */
export async function recordAndProject(tx: Transaction<AnalyticsSchema>, event: DomainEvent): Promise<void> {
  const logged = await tx.insert(eventLog).values(logRow(event)).onConflictDoNothing().returning({ seq: eventLog.seq });
  if (logged.length === 0) return; // already in the history (e.g. written by the seed): its effect is in the read model
  await project(new DbStore(tx), event);
}

const logRow = (event: DomainEvent) => ({ eventId: event.id, type: event.type, occurredAt: new Date(event.occurredAt), envelope: envelopeOf(event) });

/** Appends many events at once (the seed); the caller projects them. */
export async function appendEvents(tx: Transaction<AnalyticsSchema>, events: DomainEvent[]): Promise<void> {
  await bulkInsert(tx, eventLog, events.map(logRow), { onConflictDoNothing: true });
}

/** Projects events into an empty read model in memory, then writes it in bulk. */
export async function projectIntoEmpty(tx: Transaction<AnalyticsSchema>, events: Iterable<DomainEvent> | AsyncIterable<DomainEvent>): Promise<number> {
  const store = new MemoryStore();
  let n = 0;
  for await (const event of events) {
    await project(store, event);
    n += 1;
  }
  await store.flush(tx);
  return n;
}

/**
 * rebuildAnalytics: empties the read model and replays event_log into it, in one transaction (readers see the old
 * figures until it commits). The table lock keeps consumers from projecting into it halfway; they wait and go on after.
 */
export async function rebuildReadModel(db: Database<AnalyticsSchema>): Promise<{ events: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table event_log in share row exclusive mode`);
    const tables = Object.values(readModel).map((t) => sql.identifier(getTableName(t)));
    await tx.execute(sql`truncate ${sql.join(tables, sql`, `)}`);
    const events = await projectIntoEmpty(tx, pages(tx));
    return { events };
  });
}

async function* pages(tx: Transaction<AnalyticsSchema>): AsyncIterable<DomainEvent> {
  let after = 0;
  for (;;) {
    const rows = await tx.select({ seq: eventLog.seq, envelope: eventLog.envelope }).from(eventLog).where(gt(eventLog.seq, after)).orderBy(asc(eventLog.seq)).limit(PAGE);
    for (const row of rows) yield row.envelope;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.seq;
  }
}

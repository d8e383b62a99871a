import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { DomainEvent } from './event.js';
import { inbox } from './tables.js';

type Db = PgDatabase<PgQueryResultHKT, any, any>;

/**
 * Applies an event's effect exactly once per consumer: the inbox row and the effect commit in one transaction,
 * so a redelivered (or concurrently delivered) event finds the row and does nothing. Returns whether it ran.
 */
export async function handleOnce<TDb extends Db>(db: TDb, consumer: string, event: DomainEvent, effect: (tx: Parameters<Parameters<TDb['transaction']>[0]>[0]) => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(inbox).values({ consumer, eventId: event.id }).onConflictDoNothing().returning({ id: inbox.eventId });
    if (inserted.length === 0) return false;
    await effect(tx as never);
    return true;
  });
}

/** Old inbox rows can go once redelivery is no longer possible (the broker keeps nothing that long). */
export async function pruneInbox(db: Db, olderThanDays = 7): Promise<void> {
  await db.delete(inbox).where(sql`handled_at < now() - make_interval(days => ${olderThanDays})`);
}

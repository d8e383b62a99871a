import { fileURLToPath } from 'node:url';
import { count, countDistinct, eq } from 'drizzle-orm';
import { openDatabase, type Database } from '@shop/db';
import { createTestDatabase } from '@shop/testing';
import { newEvent, type DomainEvent } from '../src/event.js';
import * as schema from './schema.js';

export type TestDb = Database<typeof schema>;

/** A fresh database on the test cluster with the outbox, inbox and effects tables, migrated by drizzle. */
export async function openTestDatabase(adminUrl: string, prefix: string): Promise<{ db: TestDb; url: string; close(): Promise<void> }> {
  const database = await createTestDatabase(adminUrl, prefix);
  const opened = await openDatabase({ url: database.url, schema, migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)), maxConnections: 20 });
  return {
    db: opened.db,
    url: database.url,
    async close() {
      await opened.close();
      await database.drop();
    },
  };
}

export const testEvent = (n: number, type = 'test.happened'): DomainEvent => newEvent('events-test', type, `aggregate-${n}`, { n });

/** Rows the consumer's effect wrote: total and distinct events. Equal totals and distinct counts mean nothing was applied twice. */
export async function effectCounts(db: TestDb, consumer: string): Promise<{ total: number; distinct: number }> {
  const [row] = await db.select({ total: count(), distinct: countDistinct(schema.effects.eventId) }).from(schema.effects).where(eq(schema.effects.consumer, consumer));
  return { total: Number(row?.total ?? 0), distinct: Number(row?.distinct ?? 0) };
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

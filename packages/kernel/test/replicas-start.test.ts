import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '@shop/testing';
import { defineWorker, startSubgraph, type RunningSubgraph } from '../src/index.js';
import { schema, seeded } from './fixtures/echo-worker/schema.js';

const migrations = new URL('./fixtures/echo-worker/migrations', import.meta.url);

/** A worker whose demo seed checks, then inserts, as the services' seeds do: two at once would both insert. */
const seededWorker = defineWorker({
  name: 'seeded',
  port: 0,
  config: {},
  database: {
    schema,
    migrations,
    seed: async (db) => {
      const [row] = await db.select({ n: count() }).from(seeded);
      if (Number(row?.n) > 0) return;
      // Give a racing replica every chance to check too.
      await db.execute(sql`select pg_sleep(0.05)`);
      await db.insert(seeded).values([{ note: 'one' }, { note: 'two' }, { note: 'three' }]);
    },
  },
  services: () => ({}),
});

const REPLICAS = 4;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const replicas: RunningSubgraph<typeof schema, object>[] = [];

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseUrl'), 'kernel_replicas_start');
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await database?.drop();
});

describe('replicas of one service starting together on an empty database', () => {
  it('all become ready, each migration is applied once and the demo seed runs once', async () => {
    const started = await Promise.allSettled(Array.from({ length: REPLICAS }, () => startSubgraph(seededWorker, { config: { PORT: 0, DATABASE_URL: database.url, SEED_DEMO: 'true' } })));
    for (const result of started) if (result.status === 'fulfilled') replicas.push(result.value);
    expect(started.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);

    for (const replica of replicas) expect(await (await fetch(new URL('/ready', replica.url))).json()).toEqual({ status: 'ready' });
    const journal = await import('./fixtures/echo-worker/migrations/meta/_journal.json', { with: { type: 'json' } });
    // postgres.js answers execute() with the rows.
    const applied = (await replicas[0]!.db.execute(sql`select hash from drizzle.__drizzle_migrations`)) as unknown as { hash: string }[];
    expect(applied.length).toBe(journal.default.entries.length);
    expect(new Set(applied.map((row) => row.hash)).size).toBe(applied.length);
    expect((await replicas[0]!.db.select({ note: seeded.note }).from(seeded)).map((row) => row.note).sort()).toEqual(['one', 'three', 'two']);
  });

  it('a replica starting later gets the lock (each one let it go), migrates nothing and seeds nothing more', async () => {
    const late = await startSubgraph(seededWorker, { config: { PORT: 0, DATABASE_URL: database.url, SEED_DEMO: 'true' } });
    replicas.push(late);
    const [row] = await late.db.select({ n: count() }).from(seeded);
    expect(Number(row?.n)).toBe(3);
    expect([...((await late.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { n: number }[])]).toEqual([{ n: 2 }]);
  });
});

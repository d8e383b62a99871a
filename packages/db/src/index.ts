import type { PGlite as PGliteType } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { EXTRA_START_PARAMS, openPGlite, takePreparedPGlite } from './embedded.js';

export { prepareEmbeddedDatabases } from './embedded.js';
export { newestFirstKeyset } from './newest-first.js';

/** One type for both drivers, so domain code never knows whether PGlite or PostgreSQL is underneath. */
export type Database<TSchema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, TSchema, ExtractTablesWithRelations<TSchema>>;
export type Transaction<TSchema extends Record<string, unknown>> = PgTransaction<PgQueryResultHKT, TSchema, ExtractTablesWithRelations<TSchema>>;

export interface OpenDatabaseOptions<TSchema extends Record<string, unknown>> {
  /** postgres://… selects postgres.js; otherwise PGlite stores the database in dataDir (or in memory when absent). */
  url?: string;
  dataDir?: string;
  schema: TSchema;
  migrationsFolder: string;
  /** Pool size for postgres.js. */
  maxConnections?: number;
  /** Called with every SQL statement; tests count queries with it. */
  onQuery?: (sql: string) => void;
  /**
   * Work to do once the schema is current, under the same lock as the migrations (demo seeding): replicas started
   * together run it one after the other, so a check-then-insert seed sees the rows the first one wrote.
   */
  seed?: (db: Database<TSchema>) => Promise<unknown>;
}

export interface OpenedDatabase<TSchema extends Record<string, unknown>> {
  db: Database<TSchema>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** Opens the subgraph's own database and applies its drizzle-kit migrations. */
export async function openDatabase<TSchema extends Record<string, unknown>>(options: OpenDatabaseOptions<TSchema>): Promise<OpenedDatabase<TSchema>> {
  const logger = options.onQuery ? { logQuery: (query: string) => options.onQuery!(query) } : undefined;
  if (options.url && /^postgres(ql)?:\/\//.test(options.url)) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const client = postgres(options.url, { max: options.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzle(client, { schema: options.schema, logger });
    try {
      await underAdvisoryLock(options.url, MIGRATE_AND_SEED_LOCK, async () => {
        await migrate(db, { migrationsFolder: options.migrationsFolder });
        await options.seed?.(db as unknown as Database<TSchema>);
      });
    } catch (error) {
      await client.end({ timeout: 5 });
      throw error;
    }
    return { db: db as unknown as Database<TSchema>, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  // On disk, a fresh folder gets a copy of one cluster made in a worker thread, rather than an initdb or a restore here.
  const client = options.dataDir ? await (takePreparedPGlite(options.dataDir) ?? openPGlite(options.dataDir)) : await openInMemory();
  const db = drizzle(client, { schema: options.schema, logger });
  // PGlite is one process's own database: nobody else can migrate it at the same time, so no lock.
  await migrate(db, { migrationsFolder: options.migrationsFolder });
  await options.seed?.(db as unknown as Database<TSchema>);
  return { db: db as unknown as Database<TSchema>, kind: 'pglite', close: () => client.close() };
}

/**
 * Replicas of a service that start together share its database: drizzle's migrator is not safe to run twice at once
 * (both see a migration as pending and apply it; even its CREATE SCHEMA IF NOT EXISTS can collide), and the demo seeds
 * check, then insert. So both run under one session-level advisory lock. Advisory locks are scoped to the database,
 * so one key serves every service's own database. The lock lives on a connection of its own, outside the pool (a
 * pool of one would otherwise wait on itself), and a replica that dies holding it releases it with its session.
 */
export const MIGRATE_AND_SEED_LOCK = 'artesanias:migrate-and-seed';

async function underAdvisoryLock<T>(url: string, key: string, work: () => Promise<T>): Promise<T> {
  const { default: postgres } = await import('postgres');
  const session = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await session`select pg_advisory_lock(hashtext(${key}))`;
    try {
      return await work();
    } finally {
      await session`select pg_advisory_unlock(hashtext(${key}))`.catch(() => {});
    }
  } finally {
    await session.end({ timeout: 5 });
  }
}

/** For /ready: the database answers a trivial query. */
export async function databaseReady(db: { execute(query: SQL): Promise<unknown> }): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}

let emptyCluster: Promise<Blob> | undefined;
/** In memory (tests): each database restores one initialised, empty cluster, made once per process, rather than running initdb. */
async function openInMemory(): Promise<PGliteType> {
  const { PGlite } = await import('@electric-sql/pglite');
  const startParams = [...PGlite.defaultStartParams, ...EXTRA_START_PARAMS];
  emptyCluster ??= (async () => {
    const pg = new PGlite({ startParams });
    await pg.waitReady;
    const dump = await pg.dumpDataDir('none');
    await pg.close();
    return dump;
  })();
  return new PGlite({ loadDataDir: await emptyCluster, startParams });
}

import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import type { PGlite as PGliteType } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';

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
    await migrate(db, { migrationsFolder: options.migrationsFolder });
    return { db: db as unknown as Database<TSchema>, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const fresh = !options.dataDir || !existsSync(options.dataDir) || readdirSync(options.dataDir).length === 0;
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // A new cluster is restored from one dump rather than running initdb again: five databases start in a third of the time.
  const client = fresh ? new PGlite(options.dataDir, { loadDataDir: await emptyClusterDump() }) : new PGlite(options.dataDir);
  const db = drizzle(client, { schema: options.schema, logger });
  await migrate(db, { migrationsFolder: options.migrationsFolder });
  return { db: db as unknown as Database<TSchema>, kind: 'pglite', close: () => client.close() };
}

/** For /ready: the database answers a trivial query. */
export async function databaseReady(db: { execute(query: SQL): Promise<unknown> }): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}

let emptyCluster: Promise<Blob> | undefined;
/** An initialised, empty PGlite cluster as a tarball, made once per process. */
function emptyClusterDump(): Promise<Blob> {
  emptyCluster ??= (async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const pg: PGliteType = new PGlite();
    await pg.waitReady;
    const dump = await pg.dumpDataDir('none');
    await pg.close();
    return dump;
  })();
  return emptyCluster;
}

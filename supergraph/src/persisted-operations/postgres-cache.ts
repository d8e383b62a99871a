import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { sql } from 'drizzle-orm';
import type { Database } from '@shop/db';

/**
 * Apollo's KeyValueCache in a PostgreSQL table, so every gateway replica on the same database sees an APQ registered
 * through any of them. TTLs are honoured on read (an expired row is a miss) and expired rows are swept now and then.
 */
export class PostgresKeyValueCache implements KeyValueCache<string> {
  private lastSweep = Date.now();

  constructor(
    private readonly db: Database<any>,
    private readonly options: { table?: string; sweepEveryMs?: number } = {},
  ) {}

  private get table() {
    return sql.identifier(this.options.table ?? 'gateway_cache');
  }

  /** Idempotent, and safe when replicas start together ("if not exists" alone races in the catalog). */
  async createTable(): Promise<void> {
    const name = this.options.table ?? 'gateway_cache';
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
      await tx.execute(sql`create table if not exists ${this.table} (key text primary key, value text not null, expires_at timestamptz)`);
    });
  }

  async get(key: string): Promise<string | undefined> {
    const result = await this.db.execute(sql`select value from ${this.table} where key = ${key} and (expires_at is null or expires_at > now())`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { value: string }[];
    return rows[0]?.value;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl;
    const expiresAt = ttl ? sql`now() + make_interval(secs => ${ttl})` : sql`null`;
    await this.db.execute(
      sql`insert into ${this.table} (key, value, expires_at) values (${key}, ${value}, ${expiresAt})
          on conflict (key) do update set value = excluded.value, expires_at = excluded.expires_at`,
    );
    await this.sweepNowAndThen();
  }

  async delete(key: string): Promise<boolean> {
    const result = await this.db.execute(sql`delete from ${this.table} where key = ${key} returning key`);
    const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
    return rows.length > 0;
  }

  /** Expired rows are already misses; deleting them keeps the table from growing. One replica's sweep serves all. */
  private async sweepNowAndThen(): Promise<void> {
    if (Date.now() - this.lastSweep < (this.options.sweepEveryMs ?? 60_000)) return;
    this.lastSweep = Date.now();
    await this.db.execute(sql`delete from ${this.table} where expires_at <= now()`);
  }
}

import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '@shop/db';
import type { AnalyticsSchema } from '../db/schema.js';

/** Rows per statement: each chunk travels as one JSON text. */
const CHUNK = 5000;

/**
 * Inserts many rows as one jsonb parameter per chunk (jsonb_populate_recordset) instead of thousands of bind
 * parameters: on embedded PGlite binding is what costs, and this is several times faster there (the seed, rebuild).
 * Columns are those the first row sets; values go through JSON (dates as ISO strings).
 */
export async function bulkInsert<T extends PgTable>(tx: Transaction<AnalyticsSchema>, table: T, rows: readonly T['$inferInsert'][], options: { onConflictDoNothing?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => (rows[0] as Record<string, unknown>)[key] !== undefined);
  const names = sql.join(columns.map(([, column]) => sql.identifier(column.name)), sql`, `);
  const tableName = sql.identifier(getTableName(table));
  const conflict = options.onConflictDoNothing ? sql` on conflict do nothing` : sql``;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((row) => Object.fromEntries(columns.map(([key, column]) => [column.name, (row as Record<string, unknown>)[key] ?? null])));
    await tx.execute(sql`insert into ${tableName} (${names}) select ${names} from jsonb_populate_recordset(null::${tableName}, ${JSON.stringify(chunk)}::jsonb)${conflict}`);
  }
}

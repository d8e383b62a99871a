import { and, asc, eq, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Keyset paging of a newest-first list on (created_at desc nulls last, id), spelled as drizzle writes a `.desc()`
 * index so the index serves the page (a plain DESC means NULLS FIRST, and PostgreSQL sorts the whole table).
 * The cursor keeps created_at as PostgreSQL's microsecond text: a JS Date would round it to milliseconds and
 * skip or repeat rows.
 */
export function newestFirstKeyset(createdAt: AnyColumn, id: AnyColumn) {
  return {
    /** Select this beside the row; it goes into the cursor. */
    createdAtText: sql<string>`to_char(${createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    orderBy: [sql`${createdAt} desc nulls last`, asc(id)] as const,
    /** The rows after a decoded cursor (decodeTimeIdCursor): older ones, or as old with a greater id. */
    after(cursor: { at: string; id: string }): SQL {
      const at = sql`${cursor.at}::timestamptz`;
      return or(lt(createdAt, at), and(eq(createdAt, at), sql`${id} > ${cursor.id}::uuid`))!;
    },
  };
}

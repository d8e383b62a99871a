import { and, asc, count, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '@shop/auth';
import { decodeTimeIdCursor, encodeCursor, toConnection, type Connection } from '@shop/common';
import type { Database } from '@shop/db';
import { users, type UserRow, type UsersSchema } from '../db/schema.js';

export interface UserListFilter {
  /** Found anywhere in the name or the e-mail, ignoring case; taken literally (no wildcards). */
  search?: string | null;
  role?: Role | null;
}

/** LIKE's own characters, escaped so a search for "50%" or "a_b" finds exactly that (backslash is PostgreSQL's default ESCAPE). */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

// created_at as PostgreSQL's microsecond text, so a cursor never rounds through a JS Date.
const createdAtText = sql<string>`to_char(${users.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function conditionsOf({ search, role }: UserListFilter): SQL[] {
  const conditions: SQL[] = [];
  if (search) {
    const pattern = `%${likeLiteral(search)}%`;
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (role) conditions.push(sql`${role}::role = any(${users.roles})`);
  return conditions;
}

function afterCursor(after: string): SQL {
  const { at: afterAt, id: afterId } = decodeTimeIdCursor(after);
  const at = sql`${afterAt}::timestamptz`;
  return or(lt(users.createdAt, at), and(eq(users.createdAt, at), sql`${users.id} > ${afterId}::uuid`))!;
}

/** Accounts newest first (ties by id), by keyset on (created_at desc nulls last, id), spelled as users_created_idx is so it serves it; totalCount counts the filter's accounts. */
export async function listUsers(db: Database<UsersSchema>, filter: UserListFilter, first: number, after?: string | null): Promise<Connection<UserRow>> {
  const conditions = conditionsOf(filter);
  const page = after ? [...conditions, afterCursor(after)] : conditions;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select({ user: users, createdAtText }).from(users).where(and(...page)).orderBy(sql`${users.createdAt} desc nulls last`, asc(users.id)).limit(first + 1),
    db.select({ total: count() }).from(users).where(and(...conditions)),
  ]);
  const connection = toConnection(rows, first, (row) => encodeCursor([row.createdAtText, row.user.id]), total);
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.user })) };
}

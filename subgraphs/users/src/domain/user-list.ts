import { and, count, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '@shop/auth';
import { decodeTimeIdCursor, encodeCursor, toConnection, type Connection } from '@shop/common';
import { newestFirstKeyset, type Database } from '@shop/db';
import { users, type UserRow, type UsersSchema } from '../db/schema.js';

export interface UserListFilter {
  /** Found anywhere in the name or the e-mail, ignoring case; taken literally (no wildcards). */
  search?: string | null;
  role?: Role | null;
}

/** LIKE's own characters, escaped so a search for "50%" or "a_b" finds exactly that (backslash is PostgreSQL's default ESCAPE). */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

// users_created_idx is (created_at desc, id).
const keyset = newestFirstKeyset(users.createdAt, users.id);

function conditionsOf({ search, role }: UserListFilter): SQL[] {
  const conditions: SQL[] = [];
  if (search) {
    const pattern = `%${likeLiteral(search)}%`;
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (role) conditions.push(sql`${role}::role = any(${users.roles})`);
  return conditions;
}

/** Accounts newest first (ties by id), by keyset on (created_at desc nulls last, id); totalCount counts the filter's accounts. */
export async function listUsers(db: Database<UsersSchema>, filter: UserListFilter, first: number, after?: string | null): Promise<Connection<UserRow>> {
  const conditions = conditionsOf(filter);
  const page = after ? [...conditions, keyset.after(decodeTimeIdCursor(after))] : conditions;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select({ user: users, createdAtText: keyset.createdAtText }).from(users).where(and(...page)).orderBy(...keyset.orderBy).limit(first + 1),
    db.select({ total: count() }).from(users).where(and(...conditions)),
  ]);
  const connection = toConnection(rows, first, (row) => encodeCursor([row.createdAtText, row.user.id]), total);
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.user })) };
}

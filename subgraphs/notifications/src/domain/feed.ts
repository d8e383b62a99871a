import { and, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { decodeTimeIdCursor, encodeCursor, toConnection, type Connection } from '@shop/common';
import { newestFirstKeyset, type Database } from '@shop/db';
import { notifications, type NotificationRow, type NotificationsSchema } from '../db/schema.js';

type Db = Database<NotificationsSchema>;

// notifications_user_created_idx (and its unread-only partial twin) are (user_id, created_at desc, id).
const keyset = newestFirstKeyset(notifications.createdAt, notifications.id);

const feedOf = (userId: string, unreadOnly: boolean): SQL[] => [eq(notifications.userId, userId), ...(unreadOnly ? [isNull(notifications.readAt)] : [])];

/** One user's notifications, newest first (ties by id), in keyset pages; totalCount counts the whole list. */
export async function listFeed(db: Db, userId: string, page: { first: number; after?: string | null; unreadOnly: boolean }): Promise<Connection<NotificationRow>> {
  const conditions = feedOf(userId, page.unreadOnly);
  const paged = page.after ? [...conditions, keyset.after(decodeTimeIdCursor(page.after))] : conditions;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({ notification: notifications, createdAtText: keyset.createdAtText })
      .from(notifications)
      .where(and(...paged))
      .orderBy(...keyset.orderBy)
      .limit(page.first + 1),
    db.select({ total: count() }).from(notifications).where(and(...conditions)),
  ]);
  const connection = toConnection(rows, page.first, (row) => encodeCursor([row.createdAtText, row.notification.id]), total);
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.notification })) };
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(...feedOf(userId, true)));
  return row?.n ?? 0;
}

/**
 * Marks the user's notifications read: these ids, or every one when ids is null. Ids of other users' notifications
 * (or of none) match nothing, so they change nothing. Returns the unread count after.
 */
export async function markRead(db: Db, userId: string, ids: readonly string[] | null): Promise<number> {
  if (ids?.length !== 0) {
    await db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(...feedOf(userId, true), ...(ids ? [inArray(notifications.id, [...ids])] : [])));
  }
  return unreadCount(db, userId);
}

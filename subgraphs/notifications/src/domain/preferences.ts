import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@shop/db';
import { NOTIFICATION_KINDS, notificationPreferences, type NotificationKind, type NotificationsSchema } from '../db/schema.js';

type Db = Database<NotificationsSchema> | Transaction<NotificationsSchema>;

/** One kind's setting as the API shows it. */
export interface NotificationPreferenceView {
  kind: NotificationKind;
  email: boolean;
}

/**
 * Whether a kind is e-mailed when the user never chose: every kind but LOW_STOCK, which can fire often for a seller
 * with many products near their thresholds (the feed still shows it; SOLD_OUT, BACK_IN_STOCK and REORDER_SUGGESTED are e-mailed).
 */
export const emailByDefault = (kind: NotificationKind): boolean => kind !== 'LOW_STOCK';

/** Every kind with the user's setting, in the enum's order. */
export async function preferencesOf(db: Db, userId: string): Promise<NotificationPreferenceView[]> {
  const rows = await db.select({ kind: notificationPreferences.kind, email: notificationPreferences.email }).from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((row) => [row.kind, row.email]));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, email: chosen.get(kind) ?? emailByDefault(kind) }));
}

/** Which of these users want this kind e-mailed. */
export async function emailWanted(db: Db, userIds: readonly string[], kind: NotificationKind): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: notificationPreferences.userId, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.kind, kind), inArray(notificationPreferences.userId, [...userIds])));
  const chosen = new Map(rows.map((row) => [row.userId, row.email]));
  return new Set(userIds.filter((id) => chosen.get(id) ?? emailByDefault(kind)));
}

export async function setPreference(db: Db, userId: string, kind: NotificationKind, email: boolean): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values({ userId, kind, email })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { email, updatedAt: sql`now()` } });
}

import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@shop/db';
import type { FavoriteChangePayload } from '@shop/users/contract';
import { productWatchers, type NotificationsSchema } from '../db/schema.js';

type Tx = Transaction<NotificationsSchema>;

/**
 * Applies a favourite change to the product's watchers: the newest change wins, by the time the user made it, so
 * favorite.added and favorite.removed applied out of order (a redelivery, two replicas) end as the user left them.
 */
export async function recordWatch(tx: Tx, change: FavoriteChangePayload, watching: boolean, at: Date): Promise<void> {
  await tx
    .insert(productWatchers)
    .values({ productId: change.productId, userId: change.userId, watching, changedAt: at })
    .onConflictDoUpdate({ target: [productWatchers.productId, productWatchers.userId], set: { watching, changedAt: at }, setWhere: sql`${productWatchers.changedAt} < excluded.changed_at` });
}

/** Everyone who has the product among their favourites now, by user id. */
export async function watchersOf(tx: Tx, productId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: productWatchers.userId })
    .from(productWatchers)
    .where(and(eq(productWatchers.productId, productId), eq(productWatchers.watching, true)))
    .orderBy(productWatchers.userId);
  return rows.map((row) => row.userId);
}

import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { recordEvents } from '@shop/events';
import { favoriteAdded, favoriteRemoved } from '../contract.js';
import { favorites, users, type UsersSchema } from '../db/schema.js';

/** The most favourites one user keeps: enough for any shopper, and it bounds User.favorites and the fan-out per user. */
export const MAX_FAVORITES = 500;

export type AddFavoriteOutcome = 'added' | 'already' | 'limit' | 'no-user';

/**
 * Marks a product as the user's favourite, with its favorite.added event in the same transaction; nothing changes
 * (and no event) when it already is one. The caller has checked the product exists.
 */
export async function addFavorite(db: Database<UsersSchema>, userId: string, productId: string): Promise<AddFavoriteOutcome> {
  return db.transaction(async (tx) => {
    // One user's adds take turns on their account row, so two at once cannot both pass the limit.
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) return 'no-user';
    const [existing] = await tx.select({ productId: favorites.productId }).from(favorites).where(and(eq(favorites.userId, userId), eq(favorites.productId, productId)));
    if (existing) return 'already';
    const [{ kept }] = (await tx.select({ kept: count() }).from(favorites).where(eq(favorites.userId, userId))) as [{ kept: number }];
    if (kept >= MAX_FAVORITES) return 'limit';
    await tx.insert(favorites).values({ userId, productId });
    await recordEvents(tx, [favoriteAdded.create({ userId, productId })]);
    return 'added';
  });
}

/** Unmarks a favourite, with its favorite.removed event; false (and no event) when it was not one. */
export async function removeFavorite(db: Database<UsersSchema>, userId: string, productId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx.delete(favorites).where(and(eq(favorites.userId, userId), eq(favorites.productId, productId))).returning({ productId: favorites.productId });
    if (removed.length === 0) return false;
    await recordEvents(tx, [favoriteRemoved.create({ userId, productId })]);
    return true;
  });
}

/** Each user's favourite product ids, most recently added first (ties by product id), in one query. */
export async function favoritesOf(db: Database<UsersSchema>, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: favorites.userId, productId: favorites.productId })
    .from(favorites)
    .where(inArray(favorites.userId, [...new Set(userIds)]))
    .orderBy(favorites.userId, desc(favorites.createdAt), asc(favorites.productId));
  for (const row of rows) byUser.get(row.userId)?.push(row.productId);
  return byUser;
}

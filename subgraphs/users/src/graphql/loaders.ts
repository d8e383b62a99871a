import DataLoader from 'dataloader';
import type { Database } from '@shop/db';
import type { AddressRow, UserRow, UsersSchema } from '../db/schema.js';
import { findUsersByIds } from '../domain/accounts.js';
import { listAddresses } from '../domain/addresses.js';
import { favoritesOf } from '../domain/favorites.js';

/** One SQL query per request for every User the gateway asks about (entity references, me). */
export function createLoaders(db: Database<UsersSchema>) {
  return {
    userById: new DataLoader<string, UserRow | null>(async (ids) => {
      const rows = await findUsersByIds(db, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Each user's saved addresses (User.addresses), one query for every user of a request. */
    addressesByUserId: new DataLoader<string, AddressRow[]>(async (ids) => {
      const rows = await listAddresses(db, ids);
      return ids.map((id) => rows.filter((row) => row.userId === id));
    }),
    /** Each user's favourite product ids (User.favorites), one query for every user of a request. */
    favoriteIds: new DataLoader<string, string[]>(async (ids) => {
      const byUser = await favoritesOf(db, ids);
      return ids.map((id) => byUser.get(id) ?? []);
    }),
  };
}
export type UsersLoaders = ReturnType<typeof createLoaders>;

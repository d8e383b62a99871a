import type { Express } from 'express';
import { asc, sql } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { users, type UsersSchema } from '../db/schema.js';
import { userPaths, type Contact } from '../contract.js';

/** Every admin account, oldest first: a handful of rows, read whole. */
export const adminContacts = (db: Database<UsersSchema>): Promise<Contact[]> =>
  db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(sql`'ADMIN' = any(${users.roles})`).orderBy(asc(users.createdAt), asc(users.id));

/** GET /internal/admin-contacts (the kernel has verified the service token on /internal). */
export function adminContactRoutes(app: Express, db: Database<UsersSchema>): void {
  app.get(userPaths.adminContacts, async (_req, res, next) => {
    try {
      res.json({ admins: await adminContacts(db) });
    } catch (error) {
      next(error);
    }
  });
}

import { sql } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import type { Database } from '@shop/db';
import { users, type UsersSchema } from '../db/schema.js';
import { hashPassword } from './passwords.js';

/** Seeds the demo accounts once: a database that already has users is left alone. */
export async function seedDemoUsers(db: Database<UsersSchema>): Promise<boolean> {
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if (count > 0) return false;
  const rows = await Promise.all(
    demo.users.map(async (u) => ({ id: u.id, email: u.email, name: u.name, roles: u.roles, passwordHash: await hashPassword(u.password) })),
  );
  await db.insert(users).values(rows).onConflictDoNothing();
  return true;
}

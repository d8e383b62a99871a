import { eq, sql } from 'drizzle-orm';
import { demo, stableId } from '@shop/demo-store';
import type { Database } from '@shop/db';
import { addresses, users, type UsersSchema } from '../db/schema.js';
import { hashPassword } from './passwords.js';

/** The demo customer's saved addresses: one in Bogotá, one in Medellín (two shipping regions). */
export const demoAddresses = [
  { id: stableId('address', 'customer-bogota'), userId: demo.customer.id, recipient: demo.customer.name, line1: 'Carrera 7 # 72-41', line2: 'Apartamento 502', city: 'Bogotá', region: 'Bogotá D.C.', postalCode: '110231', country: 'CO', phone: '+57 601 555 0142' },
  { id: stableId('address', 'customer-medellin'), userId: demo.customer.id, recipient: 'Lucía Rojas', line1: 'Calle 10 # 43D-25', line2: null, city: 'Medellín', region: 'Antioquia', postalCode: '050021', country: 'CO', phone: '+57 604 555 0187' },
];

/** Seeds the demo accounts, then the demo addresses; each once: a database that already has users (addresses) is left alone. */
export async function seedDemoUsers(db: Database<UsersSchema>): Promise<boolean> {
  const seededUsers = await seedAccounts(db);
  const seededAddresses = await seedDemoAddresses(db);
  return seededUsers || seededAddresses;
}

/** Apart from the accounts, so a database made before saved addresses existed gets them too. */
async function seedDemoAddresses(db: Database<UsersSchema>): Promise<boolean> {
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(addresses);
  if (count > 0) return false;
  const [customer] = await db.select({ id: users.id }).from(users).where(eq(users.id, demo.customer.id));
  if (!customer) return false;
  // A second apart, so "oldest first" lists Bogotá first.
  const at = (i: number) => new Date(Date.now() - (demoAddresses.length - i) * 1000);
  await db
    .insert(addresses)
    .values(demoAddresses.map((address, i) => ({ ...address, createdAt: at(i), updatedAt: at(i) })))
    .onConflictDoNothing();
  return true;
}

async function seedAccounts(db: Database<UsersSchema>): Promise<boolean> {
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if (count > 0) return false;
  const rows = await Promise.all(
    demo.users.map(async (u) => ({ id: u.id, email: u.email, name: u.name, roles: u.roles, passwordHash: await hashPassword(u.password) })),
  );
  await db.insert(users).values(rows).onConflictDoNothing();
  return true;
}

import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { fail, issuesToUserErrors, ok, type Result, userError, zText } from '@shop/common';
import type { Database } from '@shop/db';
import type { Role } from '@shop/auth';
import { users, type UserRow, type UsersSchema } from '../db/schema.js';
import { UsersErrorCode } from '../errors.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';

type Db = Database<UsersSchema>;

const registerInput = z.object({
  email: z.string().trim().toLowerCase().max(254, { message: 'Must be at most 254 characters.' }).pipe(z.email({ message: 'Must be a valid email address.' })),
  password: z.string().min(8, { message: 'Must be at least 8 characters.' }).max(128, { message: 'Must be at most 128 characters.' }),
  name: zText(100),
  roles: z.array(z.enum(['CUSTOMER', 'SELLER', 'ADMIN'])).max(3).nullish(),
});

export type RegisterInput = z.input<typeof registerInput>;

/** Creates an account; roles default to CUSTOMER and can never include ADMIN. */
export async function register(db: Db, input: RegisterInput): Promise<Result<UserRow>> {
  const parsed = registerInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const { email, password, name } = parsed.data;
  const roles: Role[] = [...new Set(parsed.data.roles?.length ? parsed.data.roles : ['CUSTOMER' as const])];
  if (roles.includes('ADMIN')) return fail(userError(UsersErrorCode.Forbidden, 'The ADMIN role cannot be self-assigned.', ['input', 'roles']));
  const passwordHash = await hashPassword(password);
  const [row] = await db.insert(users).values({ email, passwordHash, name, roles }).onConflictDoNothing({ target: users.email }).returning();
  if (!row) return fail(userError(UsersErrorCode.EmailTaken, 'An account with this email already exists.', ['input', 'email']));
  return ok(row);
}

/** Checks credentials; an unknown email and a wrong password give the same answer and take the same time. */
export async function authenticate(db: Db, email: string, password: string): Promise<Result<UserRow>> {
  const normalized = email.trim().toLowerCase();
  const invalid = fail<UserRow>(userError(UsersErrorCode.InvalidCredentials, 'The email or password is not correct.'));
  if (normalized.length > 254 || password.length > 128) return invalid;
  const [row] = await db.select().from(users).where(eq(users.email, normalized)).limit(1);
  const matches = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
  return row && matches ? ok(row) : invalid;
}

export async function findUsersByIds(db: Db, ids: readonly string[]): Promise<UserRow[]> {
  return ids.length ? db.select().from(users).where(inArray(users.id, [...ids])) : [];
}

import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { fail, issuesToUserErrors, ok, type Result, userError, zText } from '@shop/common';
import type { Database } from '@shop/db';
import type { Role } from '@shop/auth';
import { users, type UserRow, type UsersSchema } from '../db/schema.js';
import { UsersErrorCode } from '../errors.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import { normalizeEmail, type SignInLimits, unlimitedSignIns } from './sign-in-limits.js';

type Db = Database<UsersSchema>;

const registerInput = z.object({
  email: z.string().trim().toLowerCase().max(254, { message: 'Must be at most 254 characters.' }).pipe(z.email({ message: 'Must be a valid email address.' })),
  password: z.string().min(8, { message: 'Must be at least 8 characters.' }).max(128, { message: 'Must be at most 128 characters.' }),
  name: zText(100),
  roles: z.array(z.enum(['CUSTOMER', 'SELLER', 'ADMIN'])).max(3).nullish(),
});

export type RegisterInput = z.input<typeof registerInput>;

/** Who is asking, for the sign-in limits: the client's address when it is known. */
export interface Caller {
  ip?: string;
  limits: SignInLimits;
}

const unlimitedCaller: Caller = { limits: unlimitedSignIns };

/**
 * Creates an account; roles default to CUSTOMER and can never include ADMIN. Valid requests count against the
 * caller's address (RateLimited is thrown when it has created too many); invalid ones cost nothing and are not counted.
 */
export async function register(db: Db, input: RegisterInput, caller: Caller = unlimitedCaller): Promise<Result<UserRow>> {
  const parsed = registerInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const { email, password, name } = parsed.data;
  const roles: Role[] = [...new Set(parsed.data.roles?.length ? parsed.data.roles : ['CUSTOMER' as const])];
  if (roles.includes('ADMIN')) return fail(userError(UsersErrorCode.Forbidden, 'The ADMIN role cannot be self-assigned.', ['input', 'roles']));
  await caller.limits.admitRegistration(caller.ip);
  const passwordHash = await hashPassword(password);
  const [row] = await db.insert(users).values({ email, passwordHash, name, roles }).onConflictDoNothing({ target: users.email }).returning();
  if (!row) return fail(userError(UsersErrorCode.EmailTaken, 'An account with this email already exists.', ['input', 'email']));
  return ok(row);
}

/** Checks credentials; an unknown email and a wrong password give the same answer and take the same time. */
export async function authenticate(db: Db, email: string, password: string): Promise<Result<UserRow>> {
  const normalized = normalizeEmail(email);
  const invalid = fail<UserRow>(userError(UsersErrorCode.InvalidCredentials, 'The email or password is not correct.'));
  if (normalized.length > 254 || password.length > 128) return invalid;
  const [row] = await db.select().from(users).where(eq(users.email, normalized)).limit(1);
  const matches = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
  return row && matches ? ok(row) : invalid;
}

/**
 * A login under the sign-in limits: while the account or the caller's address is locked, RateLimited is thrown and
 * the password is not looked at (a locked account tells nothing about it); a success clears the account's failures.
 */
export async function logIn(db: Db, email: string, password: string, caller: Caller = unlimitedCaller): Promise<Result<UserRow>> {
  const attempt = await caller.limits.beginLogin(email, caller.ip);
  const result = await authenticate(db, email, password);
  await (result.ok ? attempt.succeeded() : attempt.failed());
  return result;
}

export async function findUsersByIds(db: Db, ids: readonly string[]): Promise<UserRow[]> {
  return ids.length ? db.select().from(users).where(inArray(users.id, [...ids])) : [];
}

import { and, asc, count, eq, inArray } from 'drizzle-orm';
import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { fail, issuesToUserErrors, ok, type Result, userError, zId, zText } from '@shop/common';
import type { Database } from '@shop/db';
import { addresses, users, type AddressRow, type UsersSchema } from '../db/schema.js';
import { UsersErrorCode } from '../errors.js';

type Db = Database<UsersSchema>;

/** Saved addresses per user: enough for home, work and family, few enough to list whole. */
export const MAX_ADDRESSES_PER_USER = 20;

const alpha2 = new Set(Object.keys(countries.getAlpha2Codes()));

/** Trimmed text up to max characters; blank or absent is null (the optional fields). */
const optionalText = (max: number, pattern?: { regex: RegExp; message: string }) =>
  z
    .string()
    .trim()
    .max(max, { message: `Must be at most ${max} characters.` })
    .refine((text) => !pattern || text === '' || pattern.regex.test(text), { message: pattern?.message })
    .nullish()
    .transform((text) => (text ? text : null));

const addressInput = z.object({
  recipient: zText(200),
  line1: zText(200),
  line2: optionalText(200),
  city: zText(100),
  region: zText(100),
  postalCode: optionalText(20, { regex: /^[A-Za-z0-9 -]+$/, message: 'Must be letters, digits, spaces and - only.' }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => alpha2.has(code), { message: 'Must be an ISO 3166-1 alpha-2 country code, e.g. CO.' }),
  phone: optionalText(30, { regex: /^[0-9 +\-()]+$/, message: 'Must be digits, spaces, +, -, ( and ) only.' }),
});
export type AddressInput = z.input<typeof addressInput>;
type ValidAddress = z.output<typeof addressInput>;

function validate(input: AddressInput): Result<ValidAddress> {
  const parsed = addressInput.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(...issuesToUserErrors(parsed.error, ['input']));
}

/** The same answer for an id that is no address and for someone else's: existence is never told. */
const notFound = () => fail<AddressRow>(userError(UsersErrorCode.NotFound, 'You have no saved address with this id.', ['id']));

/** A valid token whose account was deleted since: nothing to save an address for. */
export class AccountGoneError extends Error {
  constructor(userId: string) {
    super(`user ${userId} no longer has an account`);
    this.name = 'AccountGoneError';
  }
}

/** Many users' saved addresses, each user's oldest first. */
export async function listAddresses(db: Db, userIds: readonly string[]): Promise<AddressRow[]> {
  return userIds.length ? db.select().from(addresses).where(inArray(addresses.userId, [...userIds])).orderBy(asc(addresses.createdAt), asc(addresses.id)) : [];
}

/** One of the user's addresses; undefined when the id is no address of theirs. */
export async function findAddress(db: Db, userId: string, addressId: string): Promise<AddressRow | undefined> {
  if (!zId.safeParse(addressId).success) return undefined;
  const [row] = await db.select().from(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
  return row;
}

/**
 * Saves an address for the user, at most MAX_ADDRESSES_PER_USER. The user's row is locked while counting, so two
 * concurrent adds at 19 cannot both pass the limit.
 */
export async function addAddress(db: Db, userId: string, input: AddressInput): Promise<Result<AddressRow>> {
  const valid = validate(input);
  if (!valid.ok) return valid;
  return db.transaction(async (tx) => {
    const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    if (!owner) throw new AccountGoneError(userId);
    const [{ saved } = { saved: 0 }] = await tx.select({ saved: count() }).from(addresses).where(eq(addresses.userId, userId));
    if (saved >= MAX_ADDRESSES_PER_USER) {
      return fail<AddressRow>(userError(UsersErrorCode.LimitReached, `You can save at most ${MAX_ADDRESSES_PER_USER} addresses; remove one first.`));
    }
    const [row] = await tx.insert(addresses).values({ userId, ...valid.value }).returning();
    return ok(row!);
  });
}

/** Replaces one of the user's addresses; orders keep the copy they were placed with. */
export async function updateAddress(db: Db, userId: string, addressId: string, input: AddressInput): Promise<Result<AddressRow>> {
  if (!zId.safeParse(addressId).success) return notFound();
  const valid = validate(input);
  if (!valid.ok) return valid;
  const [row] = await db
    .update(addresses)
    .set({ ...valid.value, updatedAt: new Date() })
    .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
    .returning();
  return row ? ok(row) : notFound();
}

/** Deletes one of the user's addresses and answers it as it was. */
export async function removeAddress(db: Db, userId: string, addressId: string): Promise<Result<AddressRow>> {
  if (!zId.safeParse(addressId).success) return notFound();
  const [row] = await db.delete(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, userId))).returning();
  return row ? ok(row) : notFound();
}

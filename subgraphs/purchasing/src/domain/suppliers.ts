import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { fail, issuesToUserErrors, ok, type Result, userError, zId, zText } from '@shop/common';
import type { Database } from '@shop/db';
import { SubgraphUnavailableError } from '@shop/server';
import { productSuppliers, suppliers, type PurchasingSchema, type SupplierRow } from '../db/schema.js';
import { PurchasingErrorCode } from '../errors.js';
import { maySee, type Actor } from './access.js';
import type { ProductSellers } from './directories.js';

type Db = Database<PurchasingSchema>;

/** The most suppliers a list answers. */
export const MAX_SUPPLIERS_LISTED = 100;

export const supplierInput = z.object({
  name: zText(200),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { message: 'Must be at most 254 characters.' })
    .pipe(z.email({ message: 'Must be a valid email address.' }))
    .nullish()
    .transform((email) => email ?? null),
  leadTimeDays: z.number().int({ message: 'Must be a whole number.' }).min(0, { message: 'Must be at least 0.' }).max(365, { message: 'Must be at most 365.' }),
});

const supplierNotFound = (field: string[]) => userError(PurchasingErrorCode.NotFound, 'No supplier has this id.', field);
export const productsUnavailable = () => userError(PurchasingErrorCode.ServiceUnavailable, 'The product catalogue is not answering; try again shortly.');

/** A supplier for the actor (a seller) or for the seller an admin names. */
export async function createSupplier(db: Db, actor: Actor, input: unknown, sellerId: string | null | undefined): Promise<Result<SupplierRow>> {
  const parsed = supplierInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  let owner: string;
  if (sellerId !== null && sellerId !== undefined) {
    if (!zId.safeParse(sellerId).success) return fail(userError(PurchasingErrorCode.InvalidInput, 'Must be a valid ID.', ['sellerId']));
    if (!actor.admin && sellerId !== actor.id) return fail(userError(PurchasingErrorCode.Forbidden, "A seller keeps only their own suppliers.", ['sellerId']));
    owner = sellerId;
  } else if (actor.seller) {
    owner = actor.id;
  } else {
    return fail(userError(PurchasingErrorCode.InvalidInput, 'Name the seller whose supplier this is.', ['sellerId']));
  }
  const [row] = await db.insert(suppliers).values({ ...parsed.data, sellerId: owner }).returning();
  return ok(row!);
}

/** Replaces a supplier's name, contact and lead time: its seller or an admin; anyone else's is NOT_FOUND. */
export async function updateSupplier(db: Db, actor: Actor, id: string, input: unknown): Promise<Result<SupplierRow>> {
  if (!zId.safeParse(id).success) return fail(supplierNotFound(['id']));
  const parsed = supplierInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const [existing] = await db.select({ sellerId: suppliers.sellerId }).from(suppliers).where(eq(suppliers.id, id));
  if (!existing || !maySee(actor, existing)) return fail(supplierNotFound(['id']));
  const [row] = await db.update(suppliers).set({ ...parsed.data, updatedAt: new Date() }).where(eq(suppliers.id, id)).returning();
  return ok(row!);
}

/** The actor's suppliers by name (every seller's, for an admin), at most MAX_SUPPLIERS_LISTED. */
export function listSuppliers(db: Db, actor: Actor): Promise<SupplierRow[]> {
  const query = db.select().from(suppliers);
  return (actor.admin ? query : query.where(eq(suppliers.sellerId, actor.id))).orderBy(asc(suppliers.name), asc(suppliers.id)).limit(MAX_SUPPLIERS_LISTED);
}

/** The product's seller, or why the actor cannot act on it: unknown NOT_FOUND, someone else's FORBIDDEN, products down SERVICE_UNAVAILABLE. */
export async function sellerOfProduct(products: ProductSellers, actor: Actor, productId: string, field: string[]): Promise<Result<string>> {
  if (!zId.safeParse(productId).success) return fail(userError(PurchasingErrorCode.NotFound, 'No product has this id.', field));
  let sellerId: string | undefined;
  try {
    sellerId = (await products.sellersOf([productId])).get(productId);
  } catch (error) {
    if (error instanceof SubgraphUnavailableError) return fail(productsUnavailable());
    throw error;
  }
  if (!sellerId) return fail(userError(PurchasingErrorCode.NotFound, 'No product has this id.', field));
  if (!actor.admin && sellerId !== actor.id) return fail(userError(PurchasingErrorCode.Forbidden, "Only the product's seller or an admin may do this.", field));
  return ok(sellerId);
}

/**
 * Who a product is restocked from (one of its seller's suppliers), or nobody (null). The product's seller or an
 * admin; a supplier of another seller is NOT_FOUND for a seller and INVALID_INPUT for an admin.
 */
export async function setProductSupplier(db: Db, products: ProductSellers, actor: Actor, productId: string, supplierId: string | null | undefined): Promise<Result<{ productId: string }>> {
  const seller = await sellerOfProduct(products, actor, productId, ['productId']);
  if (!seller.ok) return seller;
  if (supplierId === null || supplierId === undefined) {
    await db.delete(productSuppliers).where(eq(productSuppliers.productId, productId));
    return ok({ productId });
  }
  if (!zId.safeParse(supplierId).success) return fail(supplierNotFound(['supplierId']));
  const [supplier] = await db.select({ sellerId: suppliers.sellerId }).from(suppliers).where(eq(suppliers.id, supplierId));
  if (!supplier || !maySee(actor, supplier)) return fail(supplierNotFound(['supplierId']));
  if (supplier.sellerId !== seller.value) return fail(userError(PurchasingErrorCode.InvalidInput, "The supplier must be one of the product's seller's.", ['supplierId']));
  await db
    .insert(productSuppliers)
    .values({ productId, supplierId, sellerId: seller.value })
    .onConflictDoUpdate({ target: productSuppliers.productId, set: { supplierId, sellerId: seller.value, updatedAt: sql`now()` } });
  return ok({ productId });
}

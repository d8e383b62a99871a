import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { fail, issuesToUserErrors, ok, type Result, userError, zId } from '@shop/common';
import { hasRole, isAdmin, type Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import { products, type ProductRow, type ProductsSchema } from '../db/schema.js';
import { ProductsErrorCode } from '../errors.js';
import { productColumns } from './catalog.js';
import { categoryExists } from './categories.js';
import { zCostPrice, zCurrency, zDescription, zName, zPrice, zSku, zStatus, zWeightGrams } from './fields.js';
import { recordProductsChanged } from './product-events.js';
import { canManageProduct } from './visibility.js';

type Db = Database<ProductsSchema>;

const createInput = z.object({
  sku: zSku,
  name: zName,
  description: zDescription,
  price: zPrice,
  costPrice: zCostPrice.nullish().transform((v) => v ?? null),
  currency: zCurrency.nullish().transform((v) => v ?? 'COP'),
  categoryId: zId.nullish().transform((v) => v ?? null),
  status: zStatus.nullish().transform((v) => v ?? 'ACTIVE'),
  weightGrams: zWeightGrams.nullish().transform((v) => v ?? null),
});
export type CreateProductInput = z.input<typeof createInput>;

/** Omitted or null means "leave as it is", except categoryId, costPrice and weightGrams, where null removes the value. */
const updateInput = z.object({
  name: zName.nullish(),
  description: zDescription.nullish(),
  price: zPrice.nullish(),
  costPrice: zCostPrice.nullish(),
  categoryId: zId.nullish(),
  status: zStatus.nullish(),
  weightGrams: zWeightGrams.nullish(),
});
export type UpdateProductInput = z.input<typeof updateInput>;

export async function findProductsByIds(db: Db, ids: readonly string[]): Promise<ProductRow[]> {
  return ids.length ? db.select(productColumns).from(products).where(inArray(products.id, [...ids])) : [];
}

const categoryNotFound = () => userError(ProductsErrorCode.NotFound, 'There is no category with this id.', ['input', 'categoryId']);

/** Sellers list products for themselves; admins may list too (as the seller of record). product.changed commits with the row. */
export async function createProduct(db: Db, viewer: Viewer, input: CreateProductInput): Promise<Result<ProductRow>> {
  if (!hasRole(viewer, 'SELLER') && !isAdmin(viewer)) return fail(userError(ProductsErrorCode.Forbidden, 'Only sellers and admins can create products.'));
  const parsed = createInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const { price, costPrice, ...values } = parsed.data;
  return db.transaction(async (tx) => {
    if (values.categoryId && !(await categoryExists(tx, values.categoryId))) return fail<ProductRow>(categoryNotFound());
    const [row] = await tx
      .insert(products)
      .values({ ...values, priceMinor: price, costPriceMinor: costPrice, sellerId: viewer.id })
      .onConflictDoNothing({ target: products.sku })
      .returning(productColumns);
    if (!row) return fail<ProductRow>(userError(ProductsErrorCode.SkuTaken, 'A product with this SKU already exists.', ['input', 'sku']));
    await recordProductsChanged(tx, [row]);
    return ok(row);
  });
}

/**
 * Only the product's seller or an admin; the row is locked so concurrent edits apply one after another, and each
 * edit's product.changed (the product as that edit left it) commits with it, in the same order.
 */
export async function updateProduct(db: Db, viewer: Viewer, id: string, input: UpdateProductInput): Promise<Result<ProductRow>> {
  if (!zId.safeParse(id).success) return fail(userError(ProductsErrorCode.InvalidInput, 'Must be a valid ID.', ['id']));
  const parsed = updateInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const { name, description, price, costPrice, categoryId, status, weightGrams } = parsed.data;
  return db.transaction(async (tx) => {
    const [current] = await tx.select(productColumns).from(products).where(eq(products.id, id)).for('update');
    if (!current) return fail<ProductRow>(userError(ProductsErrorCode.NotFound, 'There is no product with this id.', ['id']));
    if (!canManageProduct(viewer, current)) return fail<ProductRow>(userError(ProductsErrorCode.Forbidden, "Only the product's seller or an admin can edit it.", ['id']));
    if (categoryId && !(await categoryExists(tx, categoryId))) return fail<ProductRow>(categoryNotFound());
    const [row] = await tx
      .update(products)
      .set({
        ...(name != null && { name }),
        ...(description != null && { description }),
        ...(price != null && { priceMinor: price }),
        ...(costPrice !== undefined && { costPriceMinor: costPrice }),
        ...(categoryId !== undefined && { categoryId }),
        ...(status != null && { status }),
        ...(weightGrams !== undefined && { weightGrams }),
        // clock_timestamp, not now(): the bump must show even inside a long transaction.
        updatedAt: sql`clock_timestamp()`,
      })
      .where(eq(products.id, id))
      .returning(productColumns);
    await recordProductsChanged(tx, [row!]);
    return ok(row!);
  });
}

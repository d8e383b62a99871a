import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { productSuppliers, reorderRequests, type PurchasingSchema, type ReorderRow, type SupplierRow } from '../db/schema.js';
import { findSuppliersByIds } from '../domain/reorders.js';

/** Per request: a list of N requests or products costs one query for their suppliers. */
export function createLoaders(db: Database<PurchasingSchema>) {
  const supplierById = new DataLoader<string, SupplierRow | null>(async (ids) => {
    const byId = new Map((await findSuppliersByIds(db, ids)).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return {
    supplierById,
    reorderById: new DataLoader<string, ReorderRow | null>(async (ids) => {
      const byId = new Map((await db.select().from(reorderRequests).where(inArray(reorderRequests.id, [...ids]))).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** A product's supplier link (its seller is the product's): Product.supplier and its access rule. */
    productSupplier: new DataLoader<string, { supplierId: string; sellerId: string } | null>(async (productIds) => {
      const rows = await db.select().from(productSuppliers).where(inArray(productSuppliers.productId, [...productIds]));
      const byId = new Map(rows.map((row) => [row.productId, row]));
      return productIds.map((id) => byId.get(id) ?? null);
    }),
  };
}
export type PurchasingLoaders = ReturnType<typeof createLoaders>;

import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { fail, issuesToUserErrors, ok, type Result, userError, zId, zUnits } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import { SubgraphUnavailableError } from '@shop/server';
import { MAX_REORDER_QUANTITY } from '../contract.js';
import { reorderRequests, reorderStatusHistory, suppliers, type PurchasingSchema, type ReorderRow, type ReorderStatus, type SupplierRow } from '../db/schema.js';
import { PurchasingErrorCode } from '../errors.js';
import { maySee, type Actor } from './access.js';
import type { ProductSellers, WarehouseRef, Warehouses } from './directories.js';
import { sellerOfProduct } from './suppliers.js';
import { transitionReorder } from './transitions.js';

type Db = Database<PurchasingSchema>;

/** The most reorder requests a list answers. */
export const MAX_REORDERS_LISTED = 100;

const reorderInput = z.object({ supplierId: zId, productId: zId, warehouseId: zId, quantity: zUnits(MAX_REORDER_QUANTITY) });

const reorderNotFound = () => userError(PurchasingErrorCode.NotFound, 'No reorder request has this id.', ['id']);

/**
 * Serializes whatever decides whether a product has an open request (the suggestion consumer) with the writes that
 * could change the answer, on every replica.
 */
export const lockProduct = (tx: Transaction<PurchasingSchema>, productId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`purchasing:product:${productId}`}, 0))`);

/**
 * A DRAFT request by the product's seller or an admin: the supplier must be the product seller's, the warehouse one
 * inventory knows (a seller's shop only for that seller), so a received request always has somewhere to go.
 */
export async function createReorder(db: Db, products: ProductSellers, warehouses: Warehouses, actor: Actor, input: unknown): Promise<Result<ReorderRow>> {
  const parsed = reorderInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const { supplierId, productId, warehouseId } = parsed.data;
  const seller = await sellerOfProduct(products, actor, productId, ['input', 'productId']);
  if (!seller.ok) return seller;
  const [supplier] = await db.select({ sellerId: suppliers.sellerId }).from(suppliers).where(eq(suppliers.id, supplierId));
  if (!supplier || !maySee(actor, supplier)) return fail(userError(PurchasingErrorCode.NotFound, 'No supplier has this id.', ['input', 'supplierId']));
  if (supplier.sellerId !== seller.value) return fail(userError(PurchasingErrorCode.InvalidInput, "The supplier must be one of the product's seller's.", ['input', 'supplierId']));
  let warehouse: WarehouseRef | null;
  try {
    warehouse = await warehouses.find(warehouseId);
  } catch (error) {
    if (error instanceof SubgraphUnavailableError) return fail(userError(PurchasingErrorCode.ServiceUnavailable, 'Inventory is not answering; try again shortly.'));
    throw error;
  }
  if (!warehouse) return fail(userError(PurchasingErrorCode.NotFound, 'No warehouse has this id.', ['input', 'warehouseId']));
  if (warehouse.kind === 'STORE' && warehouse.sellerId !== seller.value) {
    return fail(userError(PurchasingErrorCode.Forbidden, "A shop receives only its own seller's reorders.", ['input', 'warehouseId']));
  }
  return db.transaction(async (tx) => {
    await lockProduct(tx, productId);
    return ok(await insertReorder(tx, { ...parsed.data, sellerId: seller.value, suggested: false }, actor.id));
  });
}

/** Writes a DRAFT request and its first history row (from null). */
export async function insertReorder(
  tx: Transaction<PurchasingSchema>,
  values: Pick<ReorderRow, 'supplierId' | 'productId' | 'warehouseId' | 'quantity' | 'sellerId' | 'suggested'>,
  actorId: string | null,
): Promise<ReorderRow> {
  const [row] = await tx.insert(reorderRequests).values(values).returning();
  await tx.insert(reorderStatusHistory).values({ reorderId: row!.id, fromStatus: null, toStatus: 'DRAFT', actorId });
  return row!;
}

/** DRAFT -> SENT -> RECEIVED | CANCELLED by the request's seller or an admin (transitionReorder); anyone else's is NOT_FOUND. */
export async function advanceReorder(db: Db, actor: Actor, id: string, to: ReorderStatus): Promise<Result<ReorderRow>> {
  if (!zId.safeParse(id).success) return fail(reorderNotFound());
  const moved = await db.transaction((tx) => transitionReorder(tx, id, to, actor.id, (row) => maySee(actor, row)));
  return moved ?? fail(reorderNotFound());
}

/** The actor's requests (every seller's, for an admin), newest first, at most MAX_REORDERS_LISTED. */
export function listReorders(db: Db, actor: Actor, status: ReorderStatus | null): Promise<ReorderRow[]> {
  const conditions: SQL[] = [];
  if (!actor.admin) conditions.push(eq(reorderRequests.sellerId, actor.id));
  if (status) conditions.push(eq(reorderRequests.status, status));
  return db
    .select()
    .from(reorderRequests)
    .where(and(...conditions))
    .orderBy(desc(reorderRequests.createdAt), desc(reorderRequests.id))
    .limit(MAX_REORDERS_LISTED);
}

export const findSuppliersByIds = (db: Db, ids: readonly string[]): Promise<SupplierRow[]> =>
  ids.length ? db.select().from(suppliers).where(inArray(suppliers.id, [...ids])) : Promise.resolve([]);

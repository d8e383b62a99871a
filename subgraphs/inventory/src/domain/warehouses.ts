import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { isAdmin, type Viewer } from '@shop/auth';
import { fail, issuesToUserErrors, ok, userError, zId, type Result } from '@shop/common';
import type { Database } from '@shop/db';
import { warehouses, type InventorySchema, type WarehouseKind, type WarehouseRow } from '../db/schema.js';
import { InventoryErrorCode } from '../errors.js';

type Db = Database<InventorySchema>;

/** Every warehouse by name (then id), only those of `kind` when given. */
export async function listWarehouses(db: Db, kind?: WarehouseKind | null): Promise<WarehouseRow[]> {
  return db
    .select()
    .from(warehouses)
    .where(kind ? eq(warehouses.kind, kind) : undefined)
    .orderBy(asc(warehouses.name), asc(warehouses.id));
}

/** Where the viewer may ring up counter sales: their own STOREs, every STORE for an admin. */
export async function listMyStores(db: Db, viewer: Viewer): Promise<WarehouseRow[]> {
  return db
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.kind, 'STORE'), isAdmin(viewer) ? undefined : eq(warehouses.sellerId, viewer.id)))
    .orderBy(asc(warehouses.name), asc(warehouses.id));
}

export async function findWarehousesByIds(db: Db, ids: readonly string[]): Promise<WarehouseRow[]> {
  return ids.length ? db.select().from(warehouses).where(inArray(warehouses.id, [...ids])) : [];
}

const createWarehouseInput = z
  .object({
    name: z.string().trim().min(1, { message: 'Must not be empty.' }).max(100, { message: 'Must be at most 100 characters.' }),
    region: z.string().trim().min(1, { message: 'Must not be empty.' }).max(100, { message: 'Must be at most 100 characters.' }),
    kind: z.enum(['WAREHOUSE', 'STORE'], { message: 'Must be WAREHOUSE or STORE.' }),
    sellerId: zId.nullish(),
  })
  .refine((input) => input.kind !== 'STORE' || !!input.sellerId, { message: 'A STORE needs the seller whose shop it is.', path: ['sellerId'] })
  .refine((input) => input.kind !== 'WAREHOUSE' || !input.sellerId, { message: 'Only a STORE has a seller.', path: ['sellerId'] });

export interface CreateWarehouseInput {
  name: string;
  region: string;
  kind: WarehouseKind;
  sellerId?: string | null;
}

/**
 * An admin's new warehouse or seller's shop. The seller id is taken as given (a UUID): inventory holds users' ids only,
 * as every subgraph does, and a STORE of an id that is no seller simply has nobody but admins to sell at it.
 */
export async function createWarehouse(db: Db, viewer: Viewer, input: CreateWarehouseInput): Promise<Result<WarehouseRow>> {
  if (!isAdmin(viewer)) return fail(userError(InventoryErrorCode.Forbidden, 'Only an admin can create warehouses.'));
  const parsed = createWarehouseInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const { name, region, kind, sellerId } = parsed.data;
  const [row] = await db.insert(warehouses).values({ name, region, kind, sellerId: kind === 'STORE' ? sellerId! : null }).returning();
  return ok(row!);
}

import { z } from 'zod';
import { parseArgs, type Result, zId } from '@shop/common';
import { reorderStatus, type ReorderRow, type SupplierRow } from '../db/schema.js';
import { actorOf } from '../domain/access.js';
import { advanceReorder, createReorder, listReorders } from '../domain/reorders.js';
import { createSupplier, listSuppliers, setProductSupplier, updateSupplier } from '../domain/suppliers.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import type { PurchasingContext } from './context.js';
import { productReference, userReference, warehouseReference } from './parents.js';

const iso = (date: Date) => date.toISOString();
/** The signed-in viewer of a field schema.graphql marks @requiresRole (the kernel has checked). */
const actor = (ctx: PurchasingContext) => actorOf(ctx.viewer!);
const supplierPayload = (result: Result<SupplierRow>) => (result.ok ? { supplier: result.value, errors: [] } : { supplier: null, errors: result.errors });
const reorderPayload = (result: Result<ReorderRow>) => (result.ok ? { reorder: result.value, errors: [] } : { reorder: null, errors: result.errors });
const reorderArgs = z.object({ status: z.enum(reorderStatus.enumValues).nullish() });

/** A supplier the row names exists (foreign key); a missing one would be a bug, not a user's error. */
const supplierOf = async (ctx: PurchasingContext, id: string): Promise<SupplierRow> => {
  const supplier = await ctx.loaders.supplierById.load(id);
  if (!supplier) throw new Error(`supplier ${id} of a reorder request is missing`);
  return supplier;
};

export const resolvers: Resolvers = {
  Query: {
    // @requiresRole(roles: [SELLER, ADMIN]).
    suppliers: (_root, _args, ctx) => listSuppliers(ctx.db, actor(ctx)),
    reorderRequests: (_root, args, ctx) => listReorders(ctx.db, actor(ctx), parseArgs(reorderArgs, args).status ?? null),
  },
  Mutation: {
    createSupplier: async (_root, args, ctx) => supplierPayload(await createSupplier(ctx.db, actor(ctx), args.input, args.sellerId)),
    updateSupplier: async (_root, args, ctx) => supplierPayload(await updateSupplier(ctx.db, actor(ctx), args.id, args.input)),
    setProductSupplier: async (_root, args, ctx) => {
      const result = await setProductSupplier(ctx.db, ctx.products, actor(ctx), args.productId, args.supplierId);
      return result.ok ? { product: productReference(result.value.productId), errors: [] } : { product: null, errors: result.errors };
    },
    createReorder: async (_root, { input }, ctx) => reorderPayload(await createReorder(ctx.db, ctx.products, ctx.warehouses, actor(ctx), input)),
    advanceReorder: async (_root, args, ctx) => reorderPayload(await advanceReorder(ctx.db, actor(ctx), args.id, args.status)),
  },
  Product: {
    __resolveReference: (ref) => (zId.safeParse(ref.id).success ? productReference(ref.id) : null),
    // @ownerOrAdmin: the product's seller (access.owners) or an admin.
    supplier: async (product, _args, ctx) => {
      const link = await ctx.loaders.productSupplier.load(product.id);
      return link ? ctx.loaders.supplierById.load(link.supplierId) : null;
    },
  },
  Supplier: {
    // @ownerOrAdmin on the type: someone else's comes back null.
    __resolveReference: (ref, ctx) => (zId.safeParse(ref.id).success ? ctx.loaders.supplierById.load(ref.id) : null),
    seller: (supplier) => userReference(supplier.sellerId),
  },
  ReorderRequest: {
    __resolveReference: (ref, ctx) => (zId.safeParse(ref.id).success ? ctx.loaders.reorderById.load(ref.id) : null),
    supplier: (reorder, _args, ctx) => supplierOf(ctx, reorder.supplierId),
    product: (reorder) => productReference(reorder.productId),
    warehouse: (reorder) => warehouseReference(reorder.warehouseId),
    createdAt: (reorder) => iso(reorder.createdAt),
    updatedAt: (reorder) => iso(reorder.updatedAt),
  },
};

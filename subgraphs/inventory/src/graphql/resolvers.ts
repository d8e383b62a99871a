import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { decodeCursor, money, parseArgs, zFirst, zId, type Result } from '@shop/common';
import { SubgraphUnavailableError } from '@shop/server';
import { adjustStock } from '../domain/adjust.js';
import { listStockMovements } from '../domain/movements.js';
import { listStockOverview } from '../domain/stock-overview.js';
import { setLowStockThreshold } from '../domain/threshold.js';
import { findStoreSale, mayReadStoreSale, recordStoreSale } from '../domain/store-sale.js';
import { transferStock } from '../domain/transfer.js';
import { createWarehouse, listMyStores, listWarehouses } from '../domain/warehouses.js';
import type { ProductRef } from '../domain/product-directory.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import type { InventoryContext } from './context.js';
import { stockAtEvent } from './live-stock.js';
import { subscriptionResolvers } from './subscriptions.js';

const movementsArgs = z.object({ first: zFirst, after: z.string().max(200).nullish() });
const overviewArgs = movementsArgs.extend({ lowStockOnly: z.boolean().nullish() });
const warehousesArgs = z.object({ kind: z.enum(['WAREHOUSE', 'STORE']).nullish() });
const productResult = (result: Result<{ productId: string }>) =>
  result.ok ? { product: { __typename: 'Product' as const, id: result.value.productId }, errors: [] } : { product: null, errors: result.errors };

/** Who sells a product, asked of the products subgraph: the owner @ownerOrAdmin checks stockMovements against. */
export async function sellerOf(ctx: InventoryContext, productId: string): Promise<ProductRef | undefined> {
  try {
    return await ctx.loaders.productById.load(productId);
  } catch (error) {
    if (error instanceof SubgraphUnavailableError) throw new GraphQLError('The product catalogue is not answering; try again shortly.', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    throw error;
  }
}

export const resolvers: Resolvers = {
  Query: {
    warehouses: (_root, args, ctx) => listWarehouses(ctx.db, parseArgs(warehousesArgs, args).kind),
    // @requiresRole(roles: [SELLER, ADMIN]).
    myStores: (_root, _args, ctx) => listMyStores(ctx.db, ctx.viewer!),
    // @requiresRole(roles: [SELLER, ADMIN]); someone else's sale reads as an unknown one (null).
    storeSale: async (_root, args, ctx) => {
      const id = zId.safeParse(args.id);
      const sale = id.success ? await findStoreSale(ctx.db, id.data) : null;
      return sale && mayReadStoreSale(ctx.viewer, sale) ? sale : null;
    },
    // @requiresRole(roles: [ADMIN]). Each node's stock comes through the stockByProductId loader: one query a page.
    stockOverview: async (_root, args, ctx) => {
      const { first, after, lowStockOnly } = parseArgs(overviewArgs, args);
      const page = await listStockOverview(ctx.db, { lowStockOnly: !!lowStockOnly }, first, after);
      return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: { id: edge.node.productId } })) };
    },
  },
  Mutation: {
    // @requiresRole(roles: [SELLER, ADMIN]); whether it is this seller's product is the domain's to say.
    adjustStock: async (_root, { input }, ctx) => productResult(await adjustStock(ctx.db, ctx.products, ctx.viewer!, input)),
    // @requiresRole(roles: [SELLER, ADMIN]); the domain checks that it is this seller's product.
    transferStock: async (_root, { input }, ctx) => productResult(await transferStock(ctx.db, ctx.products, ctx.viewer!, input)),
    // @requiresRole(roles: [SELLER, ADMIN]); the domain checks that it is this seller's store.
    recordStoreSale: async (_root, { input }, ctx) => {
      const result = await recordStoreSale(ctx.db, ctx.products, ctx.viewer!, input);
      return result.ok ? { sale: result.value, errors: [] } : { sale: null, errors: result.errors };
    },
    // @requiresRole(roles: [ADMIN]).
    createWarehouse: async (_root, { input }, ctx) => {
      const result = await createWarehouse(ctx.db, ctx.viewer!, input);
      return result.ok ? { warehouse: result.value, errors: [] } : { warehouse: null, errors: result.errors };
    },
    // @requiresRole(roles: [SELLER, ADMIN]); the domain checks that it is this seller's product.
    setLowStockThreshold: async (_root, args, ctx) => productResult(await setLowStockThreshold(ctx.db, ctx.products, ctx.viewer!, args)),
  },
  Subscription: subscriptionResolvers,
  Product: {
    __resolveReference: (ref) => (zId.safeParse(ref.id).success ? { id: ref.id } : null),
    // A Product from a stock.changed event shows that event's totals; any other, the stock as it is now.
    stock: (product, _args, ctx) => (product.stockTotals ? stockAtEvent(ctx.db, product.id, product.stockTotals) : ctx.loaders.stockByProductId.load(product.id)),
    // @requiresRole(roles: [SELLER, ADMIN]) @ownerOrAdmin: the product's seller (access.ts) or an admin.
    stockMovements: async (product, args, ctx) => {
      const { first, after } = parseArgs(movementsArgs, args);
      const afterId = after ? parseArgs(zId, decodeCursor(after, 1)[0]) : null;
      return listStockMovements(ctx.db, product.id, first, afterId);
    },
    // @requiresRole(roles: [SELLER, ADMIN]) @ownerOrAdmin, as stockMovements.
    lowStockThreshold: (product, _args, ctx) => ctx.loaders.thresholdByProductId.load(product.id),
  },
  Warehouse: {
    __resolveReference: (ref, ctx) => (zId.safeParse(ref.id).success ? ctx.loaders.warehouseById.load(ref.id) : null),
    seller: (warehouse) => (warehouse.sellerId ? { __typename: 'User', id: warehouse.sellerId } : null),
  },
  StoreSale: {
    // Through the federation too, only its store's seller and admins see a sale.
    __resolveReference: async (ref, ctx) => {
      const sale = zId.safeParse(ref.id).success ? await findStoreSale(ctx.db, ref.id) : null;
      return sale && mayReadStoreSale(ctx.viewer, sale) ? sale : null;
    },
    warehouse: async (sale, _args, ctx) => (await ctx.loaders.warehouseById.load(sale.warehouseId))!,
    lines: (sale) => sale.lines.map((line) => ({ product: { id: line.productId }, quantity: line.quantity, unitPrice: money(line.unitPriceMinor, sale.currency), total: money(line.unitPriceMinor * BigInt(line.quantity), sale.currency) })),
    total: (sale) => money(sale.totalMinor, sale.currency),
    cashier: (sale) => ({ __typename: 'User', id: sale.cashierId }),
    createdAt: (sale) => sale.createdAt.toISOString(),
  },
  StockMovement: {
    createdAt: (movement) => movement.createdAt.toISOString(),
  },
};

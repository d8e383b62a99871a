import type { Viewer } from '@shop/auth';
import { money } from '@shop/common';
import { rebuildReadModel } from '../domain/event-log.js';
import { inventoryHealth } from '../domain/inventory-health.js';
import { conversionRate, repeatCustomerRate, reportRange, salesSeries, salesTotals, topCategories, topProducts, type SalesFigures } from '../domain/sales-report.js';
import { scopeOf } from '../domain/scope.js';
import type { AnalyticsContext } from './context.js';
import { forecastResolvers } from './forecast-resolvers.js';
import type { Resolvers } from './__generated__/resolvers-types.js';

/** Largest `first` of topProducts / topCategories. */
const MAX_TOP = 100;

// @requiresRole(SELLER, ADMIN) lets only those through, so a viewer is always there below.
const viewerOf = (ctx: AnalyticsContext): Viewer => ctx.viewer!;
const cash = (minor: number, currency: string) => money(BigInt(Math.round(minor)), currency);
const clampTop = (first: number) => Math.max(0, Math.min(first, MAX_TOP));

export const resolvers: Resolvers = {
  Query: {
    salesReport: (_parent, { from, to }, ctx) => reportRange(from, to, scopeOf(viewerOf(ctx))),
    inventoryHealth: (_parent, { first }, ctx) => inventoryHealth(ctx.db, scopeOf(viewerOf(ctx)), first),
    ...forecastResolvers.Query,
  },
  Product: forecastResolvers.Product,
  Mutation: {
    rebuildAnalytics: async (_parent, _args, ctx) => {
      await rebuildReadModel(ctx.db);
      return true;
    },
  },
  SalesReport: {
    from: (r) => r.from,
    to: (r) => r.to,
    totals: (r, _args, { db }) => salesTotals(db, r),
    series: (r, { granularity }, { db }) => salesSeries(db, r, granularity),
    topProducts: (r, { first }, { db }) => topProducts(db, r, clampTop(first)),
    topCategories: (r, { first }, { db }) => topCategories(db, r, clampTop(first)),
    repeatCustomerRate: (r, _args, { db }) => repeatCustomerRate(db, r),
    conversionRate: (r, _args, { db }) => conversionRate(db, r),
  },
  SalesPoint: {
    period: (p) => p.period,
    revenue: (p: SalesFigures) => cash(p.revenueMinor, p.currency),
    averageBasket: (p: SalesFigures) => cash(p.orders > 0 ? p.revenueMinor / p.orders : 0, p.currency),
  },
  ProductSales: {
    product: (row) => ({ id: row.productId }),
    revenue: (row) => cash(row.revenueMinor, row.currency),
    profit: (row) => (row.profitMinor === null ? null : cash(row.profitMinor, row.currency)),
  },
  CategorySales: {
    category: (row) => ({ id: row.categoryId }),
    revenue: (row) => cash(row.revenueMinor, row.currency),
  },
  InventoryHealth: {
    product: (row) => ({ id: row.productId }),
  },
};

import { z } from 'zod';
import { badUserInput } from '@shop/common';
import type { StoredForecastPoint, StoredModelAccuracy } from '../db/schema.js';
import { MAX_FORECAST_DAYS, readCategoryForecast, readProductForecast, validDays, type ProductForecastView } from '../forecasting/read.js';
import type { AnalyticsContext } from './context.js';
import type { CategoryForecast, DemandForecast, ForecastAccuracy, ForecastPoint, Resolvers } from './__generated__/resolvers-types.js';

const uuid = z.uuid();

function checkArgs(id: string, idField: string, days: number): void {
  if (!uuid.safeParse(id).success) throw badUserInput(`${idField} must be an id (a UUID).`, [idField]);
  if (!validDays(days)) throw badUserInput(`days must be a whole number from 1 to ${MAX_FORECAST_DAYS}.`, ['days']);
}

const instant = (day: string) => `${day}T00:00:00.000Z`;
const toPoint = (p: StoredForecastPoint): ForecastPoint => ({ date: instant(p.date), expected: p.expected, lower: p.lower, upper: p.upper });
const toAccuracy = (a: StoredModelAccuracy): ForecastAccuracy => ({ model: a.model, mape: a.mape, smape: a.smape, baselineSmape: a.baselineSmape, window: a.window });

function toDemandForecast(view: ProductForecastView): DemandForecast {
  const models = view.models.map(toAccuracy);
  return {
    product: { id: view.productId },
    days: view.days,
    points: view.points.map(toPoint),
    accuracy: models[0] ?? null,
    models,
    predictedStockout: view.predictedStockout && instant(view.predictedStockout),
    suggestedReorder: view.suggestedReorder,
    warehouses: view.warehouses.map((w) => ({
      warehouse: { id: w.warehouseId },
      available: w.available,
      predictedStockout: w.predictedStockout && instant(w.predictedStockout),
      suggestedReorder: w.suggestedReorder,
    })),
    computedAt: view.computedAt.toISOString(),
  };
}

async function demandForecast(ctx: AnalyticsContext, productId: string, days: number): Promise<DemandForecast | null> {
  checkArgs(productId, 'productId', days);
  const view = await readProductForecast(ctx.db, ctx.viewer, productId, days, ctx.forecastLeadTimeDays);
  return view && toDemandForecast(view);
}

/**
 * Query.demandForecast, Query.categoryForecast and Product.demandForecast. Each answers a whole object (one stored
 * row and the product's stock rows), so DemandForecast, CategoryForecast, WarehouseReorder and ForecastAccuracy need
 * only the default field resolvers.
 */
export const forecastResolvers = {
  Query: {
    demandForecast: (_parent, { productId, days }, ctx) => demandForecast(ctx, productId, days),
    categoryForecast: async (_parent, { categoryId, days }, ctx): Promise<CategoryForecast | null> => {
      checkArgs(categoryId, 'categoryId', days);
      const view = await readCategoryForecast(ctx.db, ctx.viewer, categoryId, days);
      if (!view) return null;
      const models = view.models.map(toAccuracy);
      return { category: { id: view.categoryId }, days: view.days, points: view.points.map(toPoint), accuracy: models[0] ?? null, models };
    },
  },
  Product: {
    demandForecast: (product, { days }, ctx) => demandForecast(ctx, product.id, days),
  },
} satisfies Pick<Resolvers, 'Query' | 'Product'>;

import { and, asc, eq } from 'drizzle-orm';
import { isAdmin, type Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import { forecasts, productFacts, stockLevels, type AnalyticsSchema, type ForecastRow, type StoredForecastPoint, type StoredModelAccuracy } from '../db/schema.js';
import { demandOver, planWarehouses, predictStockout, suggestReorder, type WarehousePlan } from './stock.js';

/** The longest horizon served: stored forecasts hold this many days and `days` is a prefix of them. */
export const MAX_FORECAST_DAYS = 90;

/** A stored forecast cut to `days`, with its stock-out and reorder from the stock available now. */
export interface ProductForecastView {
  productId: string;
  days: number;
  points: StoredForecastPoint[];
  /** Every model's back-test, the chosen one first (empty when the history was too short to back-test). */
  models: StoredModelAccuracy[];
  computedAt: Date;
  available: number;
  predictedStockout: string | null;
  suggestedReorder: number;
  warehouses: WarehousePlan[];
}

export interface CategoryForecastView {
  categoryId: string;
  days: number;
  points: StoredForecastPoint[];
  models: StoredModelAccuracy[];
  computedAt: Date;
}

export function validDays(days: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= MAX_FORECAST_DAYS;
}

/**
 * A product's forecast for its seller or an admin; null for anyone else, for an unknown product and before the
 * first batch. Stock-out and reorder use stock_levels as they are now (stock moves more often than the batch runs).
 */
export async function readProductForecast(
  db: Database<AnalyticsSchema>, viewer: Viewer | null, productId: string, days: number, leadTimeDays: number,
): Promise<ProductForecastView | null> {
  if (!viewer) return null;
  if (!isAdmin(viewer)) {
    const [fact] = await db.select({ sellerId: productFacts.sellerId }).from(productFacts).where(eq(productFacts.productId, productId));
    if (fact?.sellerId !== viewer.id) return null;
  }
  const row = await storedForecast(db, 'PRODUCT', productId);
  if (!row) return null;
  const stock = await db.select({ warehouseId: stockLevels.warehouseId, available: stockLevels.available })
    .from(stockLevels).where(eq(stockLevels.productId, productId)).orderBy(asc(stockLevels.warehouseId));
  const points = row.points.slice(0, days);
  const available = stock.reduce((a, w) => a + w.available, 0);
  return {
    productId,
    days: points.length,
    points,
    models: row.models,
    computedAt: row.computedAt,
    available,
    predictedStockout: predictStockout(points, available),
    suggestedReorder: suggestReorder(demandOver(row.points, days, leadTimeDays), available),
    warehouses: planWarehouses(row.points, stock, days, leadTimeDays),
  };
}

/** A category's forecast, for admins only (a seller's view would show other sellers' sales). */
export async function readCategoryForecast(db: Database<AnalyticsSchema>, viewer: Viewer | null, categoryId: string, days: number): Promise<CategoryForecastView | null> {
  if (!isAdmin(viewer)) return null;
  const row = await storedForecast(db, 'CATEGORY', categoryId);
  if (!row) return null;
  const points = row.points.slice(0, days);
  return { categoryId, days: points.length, points, models: row.models, computedAt: row.computedAt };
}

async function storedForecast(db: Database<AnalyticsSchema>, kind: 'PRODUCT' | 'CATEGORY', id: string): Promise<ForecastRow | undefined> {
  const [row] = await db.select().from(forecasts).where(and(eq(forecasts.subjectKind, kind), eq(forecasts.subjectId, id)));
  return row;
}

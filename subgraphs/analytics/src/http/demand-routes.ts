import { and, eq } from 'drizzle-orm';
import type { Express } from 'express';
import type { Database } from '@shop/db';
import { analyticsPaths, demandQuery, type DemandAnswer } from '../contract.js';
import { forecasts, type AnalyticsSchema } from '../db/schema.js';
import { demandOver } from '../forecasting/stock.js';

/**
 * GET /internal/demand (the kernel has verified the service token on /internal): a product's expected units over the
 * next `days` days from its latest stored forecast (past the 90 stored days, the flat continuation demandOver uses for
 * reorder suggestions). 404 before the first batch has forecast the product; 400 for a bad query.
 */
export function demandRoutes(app: Express, db: Database<AnalyticsSchema>): void {
  app.get(analyticsPaths.demand, async (req, res, next) => {
    const query = demandQuery.safeParse(req.query);
    if (!query.success) {
      res.status(400).json({ error: { code: 'INVALID_INPUT', message: query.error.issues[0]!.message, field: query.error.issues[0]!.path.map(String) } });
      return;
    }
    try {
      const { productId, days } = query.data;
      const [row] = await db
        .select({ points: forecasts.points, model: forecasts.model, computedAt: forecasts.computedAt })
        .from(forecasts)
        .where(and(eq(forecasts.subjectKind, 'PRODUCT'), eq(forecasts.subjectId, productId)));
      if (!row || row.points.length === 0) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No forecast of this product yet.' } });
        return;
      }
      const units = Math.max(0, demandOver(row.points, days, 0).reduce((sum, expected) => sum + expected, 0));
      const answer: DemandAnswer = { productId, days, units, method: row.model, computedAt: row.computedAt.toISOString() };
      res.json(answer);
    } catch (error) {
      next(error);
    }
  });
}

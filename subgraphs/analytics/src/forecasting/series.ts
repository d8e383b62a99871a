import { asc, lte, sql } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { productFacts, salesDaily, type AnalyticsSchema } from '../db/schema.js';
import { addDays, daysBetween } from '../domain/days.js';
import type { DailySeries } from './engine.js';
import type { ForecastSubject } from '../db/forecast-schema.js';

export interface SubjectSeries extends DailySeries {
  kind: ForecastSubject;
  id: string;
}

/**
 * Every product's and category's daily units from sales_daily, up to and including `lastDay`: each series runs from
 * its first day with a sale to lastDay, days without a row being 0 (a product's history starts when it first sold).
 * Products in product_facts that never sold get an empty series (so they are forecast as zeros). A category's units
 * are the sum of its products' that day, as sales_daily recorded their category.
 */
export async function loadSeries(db: Database<AnalyticsSchema>, lastDay: string): Promise<SubjectSeries[]> {
  const [products, categories, facts] = await Promise.all([
    db.select({ id: salesDaily.productId, day: salesDaily.day, units: sql<number>`sum(${salesDaily.units})::int` })
      .from(salesDaily).where(lte(salesDaily.day, lastDay)).groupBy(salesDaily.productId, salesDaily.day).orderBy(asc(salesDaily.productId), asc(salesDaily.day)),
    db.select({ id: sql<string>`${salesDaily.categoryId}`, day: salesDaily.day, units: sql<number>`sum(${salesDaily.units})::int` })
      .from(salesDaily).where(sql`${salesDaily.categoryId} is not null and ${salesDaily.day} <= ${lastDay}`)
      .groupBy(salesDaily.categoryId, salesDaily.day).orderBy(asc(salesDaily.categoryId), asc(salesDaily.day)),
    db.select({ id: productFacts.productId }).from(productFacts),
  ]);
  const series = [...toSeries('PRODUCT', products, lastDay)];
  const sold = new Set(series.map((s) => s.id));
  for (const { id } of facts) if (!sold.has(id)) series.push({ kind: 'PRODUCT', id, firstDay: addDays(lastDay, 1), units: [] });
  series.push(...toSeries('CATEGORY', categories, lastDay));
  return series;
}

function* toSeries(kind: ForecastSubject, rows: readonly { id: string; day: string; units: number }[], lastDay: string): Generator<SubjectSeries> {
  let i = 0;
  while (i < rows.length) {
    const id = rows[i]!.id;
    const firstDay = rows[i]!.day;
    // Net units can be negative on a day refunds outnumber sales; demand is never negative.
    const units = new Array<number>(daysBetween(firstDay, lastDay) + 1).fill(0);
    for (; i < rows.length && rows[i]!.id === id; i++) units[daysBetween(firstDay, rows[i]!.day)] = Math.max(0, rows[i]!.units);
    yield { kind, id, firstDay, units };
  }
}

import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What a forecast is of: one product's units, or the sum of one category's products' units. */
export const FORECAST_SUBJECTS = ['PRODUCT', 'CATEGORY'] as const;
export const forecastSubject = pgEnum('forecast_subject', FORECAST_SUBJECTS);
export type ForecastSubject = (typeof FORECAST_SUBJECTS)[number];

/** One day of a stored forecast; `date` is the UTC day as YYYY-MM-DD. */
export interface StoredForecastPoint {
  date: string;
  expected: number;
  lower: number;
  upper: number;
}

/** One model's back-test over the held-out window (mape null when no held-out day sold anything). */
export interface StoredModelAccuracy {
  model: string;
  mape: number | null;
  smape: number;
  baselineSmape: number;
  window: number;
}

/**
 * The latest forecast of each product and category, replaced by every batch. Points cover the longest horizon the
 * API serves (90 days) so any shorter `days` is a prefix of them.
 */
export const forecasts = pgTable(
  'forecasts',
  {
    subjectKind: forecastSubject('subject_kind').notNull(),
    /** product_facts.product_id or the category's id; no foreign key (the read model can be rebuilt under it). */
    subjectId: uuid('subject_id').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    /** Days of history the model was fitted on. */
    historyDays: integer('history_days').notNull(),
    /** Days of points stored. */
    days: integer('days').notNull(),
    /** The chosen model: prophet, ets, mstl or seasonal-naive. */
    model: text('model').notNull(),
    points: jsonb('points').$type<StoredForecastPoint[]>().notNull(),
    /** The chosen model's back-test; null when the history was too short to hold a window out. */
    smape: doublePrecision('smape'),
    mape: doublePrecision('mape'),
    baselineSmape: doublePrecision('baseline_smape'),
    backtestWindow: integer('backtest_window'),
    /** Every model's back-test, the chosen one first. */
    models: jsonb('models').$type<StoredModelAccuracy[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.subjectKind, t.subjectId] }),
    check('forecasts_days_positive', sql`${t.days} > 0`),
  ],
);

/** One run of the forecast batch, for its history and its duration. */
export const forecastRuns = pgTable(
  'forecast_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    seriesTotal: integer('series_total').notNull().default(0),
    seriesDone: integer('series_done').notNull().default(0),
    seriesFailed: integer('series_failed').notNull().default(0),
    durationMs: integer('duration_ms'),
    /** Why the run as a whole failed (a series' own failure only counts in series_failed). */
    error: text('error'),
  },
  (t) => [index('forecast_runs_started_idx').on(t.startedAt.desc())],
);

export type ForecastRow = typeof forecasts.$inferSelect;
export type NewForecastRow = typeof forecasts.$inferInsert;
export type ForecastRunRow = typeof forecastRuns.$inferSelect;

export const forecastSchema = { forecasts, forecastRuns };

/** Demand forecasting: the engine (pure), the batch over the read model, its schedule and its metrics. */
export { mape, smape } from './accuracy.js';
export { loadAugurs, type Augurs } from './augurs.js';
export { addDays, daysBetween, dayToMs, msToDay, utcDay } from '../domain/days.js';
export {
  backtestWindow, DEFAULT_BACKTEST_WINDOW, forecastSeries, forecastSeriesYielding,
  type DailySeries, type ForecastOptions, type ForecastPointDay, type ModelAccuracy, type SeriesForecast,
} from './engine.js';
export {
  allModels, ets, INTERVAL_LEVEL, MODEL_NAMES, mstl, prophet, PROPHET_YEARLY_MIN_DAYS, seasonalNaive,
  type ForecastModel, type ModelForecast, type ModelName,
} from './models.js';
export {
  DEFAULT_LEAD_TIME_DAYS, demandOver, planWarehouses, predictStockout, suggestReorder,
  type DemandDay, type WarehousePlan, type WarehouseStock,
} from './stock.js';
export { FORECAST_STORED_DAYS, runForecastBatch, type ForecastBatchOptions, type ForecastBatchResult } from './batch.js';
export { loadSeries, type SubjectSeries } from './series.js';
export { claimForecastRun, forecastDue, forecastTask, type ForecastTaskOptions } from './task.js';
export { registerForecastMetrics, type ForecastMetrics } from './metrics.js';
export { forecastConfig } from './config.js';
export { syntheticDemand, type SyntheticDemandOptions } from './synthetic.js';
export { mulberry32 } from '@shop/common';
export {
  MAX_FORECAST_DAYS, readCategoryForecast, readProductForecast, validDays,
  type CategoryForecastView, type ProductForecastView,
} from './read.js';

import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { mape, smape } from './accuracy.js';
import { addDays, dayToMs } from '../domain/days.js';
import { seasonalNaive, type ForecastModel, type ModelForecast, type ModelName } from './models.js';

/** Units sold on consecutive UTC days: units[i] is day firstDay + i. */
export interface DailySeries {
  firstDay: string;
  units: readonly number[];
}

export interface ForecastPointDay {
  date: string;
  expected: number;
  lower: number;
  upper: number;
}

/** A model's back-test: its errors and the baseline's over the same held-out window. */
export interface ModelAccuracy {
  model: ModelName;
  mape: number | null;
  smape: number;
  baselineSmape: number;
  window: number;
}

export interface SeriesForecast {
  model: ModelName;
  historyDays: number;
  points: ForecastPointDay[];
  /** Every model's back-test, the chosen one first; empty when the history was too short to hold a window out. */
  models: ModelAccuracy[];
  /** Models that threw on this series (left out of the choice). */
  failures: { model: ModelName; message: string }[];
  /** Milliseconds each model spent on this series (back-test fit, plus the refit for the chosen one). */
  timings: Partial<Record<ModelName, number>>;
}

export interface ForecastOptions {
  /** Days to forecast after the last day of history. */
  horizon: number;
  /** The candidates; seasonal-naive is always one of them (the baseline and the last resort). */
  models: readonly ForecastModel[];
  /** Days held out for the back-test (default 28; shortened to 7 on short histories, see backtestWindow). */
  window?: number;
}

export const DEFAULT_BACKTEST_WINDOW = 28;

/**
 * Days to hold out: the full window when at least 8 weeks remain to fit on, a single week when at least 3 weeks do,
 * else none (too short to judge; the forecast is then seasonal-naive's, with no accuracy).
 */
export function backtestWindow(historyDays: number, window = DEFAULT_BACKTEST_WINDOW): number {
  if (historyDays >= window + 56) return window;
  if (historyDays >= 7 + 21) return 7;
  return 0;
}

/**
 * Forecasts one series: back-tests every candidate on the last `window` days, keeps the lowest sMAPE (ties to the
 * cheaper model, listed first), refits it on the whole history and clamps the forecast at zero. A series that never
 * sold is forecast as zeros by seasonal-naive without fitting anything else.
 */
export function forecastSeries(series: DailySeries, options: ForecastOptions): SeriesForecast {
  const steps = forecastSteps(series, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, pausing for the event loop after each model fit: the fits are synchronous WASM (a Prophet fit takes
 * 0.1–0.3 s), so a service running the batch keeps answering requests between them.
 */
export async function forecastSeriesYielding(series: DailySeries, options: ForecastOptions): Promise<SeriesForecast> {
  const steps = forecastSteps(series, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToEventLoop();
  }
}

/** forecastSeries as steps: it yields after each model fit. */
function* forecastSteps(series: DailySeries, options: ForecastOptions): Generator<void, SeriesForecast, void> {
  if (!Number.isInteger(options.horizon) || options.horizon < 1) throw new Error(`horizon must be a positive integer, got ${options.horizon}`);
  const history = series.units;
  const firstDay = dayToMs(series.firstDay);
  const allZero = history.every((y) => y === 0);
  const candidates = allZero ? [seasonalNaive] : withBaseline(options.models);
  const window = backtestWindow(history.length, options.window);
  const timings: SeriesForecast['timings'] = {};
  const failures: SeriesForecast['failures'] = [];

  const run = (model: ForecastModel, fitOn: readonly number[], horizon: number): ModelForecast | null => {
    const started = performance.now();
    try {
      return model.forecast(fitOn, firstDay, horizon);
    } catch (error) {
      failures.push({ model: model.name, message: error instanceof Error ? error.message : String(error) });
      return null;
    } finally {
      timings[model.name] = (timings[model.name] ?? 0) + (performance.now() - started);
    }
  };

  let ranked: ModelAccuracy[] = [];
  if (window > 0) {
    const train = history.slice(0, history.length - window);
    const actual = history.slice(history.length - window);
    const scored: ModelAccuracy[] = [];
    for (const model of candidates) {
      if (train.length < model.minHistory) continue;
      const forecast = run(model, train, window);
      yield;
      if (!forecast) continue;
      const expected = forecast.expected.map((e) => Math.max(0, e));
      scored.push({ model: model.name, mape: mape(actual, expected), smape: smape(actual, expected), baselineSmape: Number.NaN, window });
    }
    const baseline = scored.find((s) => s.model === 'seasonal-naive')!.smape;
    for (const s of scored) s.baselineSmape = baseline;
    ranked = scored.map((s, order) => ({ s, order })).sort((a, b) => a.s.smape - b.s.smape || a.order - b.order).map(({ s }) => s);
  }

  // Refit the best one on the whole history; should it fail now, the next best (seasonal-naive cannot fail).
  const order = ranked.length > 0 ? ranked.map((r) => candidates.find((c) => c.name === r.model)!) : [seasonalNaive];
  for (const model of order) {
    const forecast = run(model, history, options.horizon);
    if (!forecast) {
      yield;
      continue;
    }
    const chosen = ranked.findIndex((r) => r.model === model.name);
    const models = chosen < 0 ? ranked : [ranked[chosen]!, ...ranked.filter((_, i) => i !== chosen)];
    return { model: model.name, historyDays: history.length, points: toPoints(addDays(series.firstDay, history.length), forecast), models, failures, timings };
  }
  throw new Error('unreachable: seasonal-naive always forecasts');
}

function withBaseline(models: readonly ForecastModel[]): ForecastModel[] {
  const others = models.filter((m) => m.name !== 'seasonal-naive');
  return [seasonalNaive, ...others];
}

/** Points from the day after the history, clamped: 0 ≤ lower ≤ expected ≤ upper. */
function toPoints(firstForecastDay: string, forecast: ModelForecast): ForecastPointDay[] {
  return forecast.expected.map((raw, h) => {
    const expected = Math.max(0, raw);
    return {
      date: addDays(firstForecastDay, h),
      expected,
      lower: Math.min(expected, Math.max(0, forecast.lower[h]!)),
      upper: Math.max(expected, forecast.upper[h]!),
    };
  });
}

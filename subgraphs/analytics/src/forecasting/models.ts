import type { Augurs } from './augurs.js';

export const MODEL_NAMES = ['prophet', 'ets', 'mstl', 'seasonal-naive'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/** The prediction interval every model reports. */
export const INTERVAL_LEVEL = 0.8;
const DAY_SECONDS = 86_400;
const WEEK = 7;
/** z of the 90th percentile: an 80% two-sided normal interval. */
const Z80 = 1.2815515655446004;

/** A model's raw forecast (not yet clamped at zero). */
export interface ModelForecast {
  expected: number[];
  lower: number[];
  upper: number[];
}

export interface ForecastModel {
  name: ModelName;
  /** Fewest days of history it is fitted on; shorter series do not try it. */
  minHistory: number;
  /** history[i] is the units of UTC day firstDay + i (ms since the epoch, at midnight). */
  forecast(history: readonly number[], firstDay: number, horizon: number): ModelForecast;
}

/**
 * The baseline: each day as the same weekday a week before the horizon starts; the interval from the spread of the
 * history's own week-on-week changes, widening with the number of weeks ahead. Under a week of history it repeats
 * the history's mean (there is no "same weekday" to copy).
 */
export const seasonalNaive: ForecastModel = {
  name: 'seasonal-naive',
  minHistory: 0,
  forecast(history, _firstDay, horizon) {
    const n = history.length;
    if (n < WEEK) {
      const mean = n === 0 ? 0 : history.reduce((a, b) => a + b, 0) / n;
      const sd = standardDeviation(history.map((y) => y - mean));
      return band(Array.from({ length: horizon }, () => mean), () => Z80 * sd);
    }
    const lastWeek = history.slice(n - WEEK);
    const changes = history.slice(WEEK).map((y, i) => y - history[i]!);
    const sd = standardDeviation(changes);
    const expected = Array.from({ length: horizon }, (_, h) => lastWeek[h % WEEK]!);
    return band(expected, (h) => Z80 * sd * Math.sqrt(Math.floor(h / WEEK) + 1));
  },
};

/**
 * AutoETS: picks the error and trend forms by AICc. augurs' ETS has no seasonal forms (a seasonal spec finds "no
 * model"), so it is the plain level/trend model; MSTL is the one that adds the weekly season around it.
 */
export function ets(augurs: Augurs): ForecastModel {
  return {
    name: 'ets',
    minHistory: 3 * WEEK,
    forecast(history, _firstDay, horizon) {
      const model = new augurs.AutoETS(1, 'ZZN');
      try {
        model.fit(Float64Array.from(history));
        return fromAugurs(model.predict(horizon, INTERVAL_LEVEL));
      } finally {
        model.free();
      }
    },
  };
}

/** MSTL: weekly (and, past two years, yearly) seasonal components removed by STL, the rest forecast by AutoETS. */
export function mstl(augurs: Augurs): ForecastModel {
  return {
    name: 'mstl',
    minHistory: 3 * WEEK,
    forecast(history, _firstDay, horizon) {
      const periods = history.length >= 2 * 365 ? [WEEK, 365] : [WEEK];
      const model = augurs.MSTL.ets(periods);
      try {
        model.fit(Float64Array.from(history));
        return fromAugurs(model.predict(horizon, INTERVAL_LEVEL));
      } finally {
        model.free();
      }
    },
  };
}

/**
 * History from which Prophet also fits a yearly seasonality: two years, Prophet's own rule. On one year a yearly wave
 * cannot be told from the trend, and fitting one made the back-tested sMAPE about twice as bad on synthetic series.
 */
export const PROPHET_YEARLY_MIN_DAYS = 730;

/**
 * Prophet (MAP fit by the Stan optimizer compiled to WASM): trend with changepoints, weekly and (from two years)
 * yearly seasonality, multiplicative because a busier season scales every weekday's sales rather than adding to them.
 */
export function prophet(augurs: Augurs, options: { uncertaintySamples?: number } = {}): ForecastModel {
  return {
    name: 'prophet',
    minHistory: 4 * WEEK,
    forecast(history, firstDay, horizon) {
      const start = Math.floor(firstDay / 1000);
      const model = new augurs.Prophet({
        optimizer: augurs.optimizer,
        weeklySeasonality: { type: 'manual', enabled: true },
        yearlySeasonality: { type: 'manual', enabled: history.length >= PROPHET_YEARLY_MIN_DAYS },
        dailySeasonality: { type: 'manual', enabled: false },
        seasonalityMode: 'multiplicative',
        intervalWidth: INTERVAL_LEVEL,
        uncertaintySamples: options.uncertaintySamples ?? 200,
      });
      try {
        model.fit({ ds: history.map((_, i) => start + i * DAY_SECONDS), y: Float64Array.from(history) });
        const future = model.makeFutureDataframe(horizon, { includeHistory: false });
        return fromAugurs(model.predict(future).yhat);
      } finally {
        model.free();
      }
    },
  };
}

/** Every model, cheapest first. */
export function allModels(augurs: Augurs): ForecastModel[] {
  return [seasonalNaive, ets(augurs), mstl(augurs), prophet(augurs)];
}

function fromAugurs(forecast: { point: number[]; intervals?: { lower: number[]; upper: number[] } | undefined }): ModelForecast {
  const expected = Array.from(forecast.point);
  const finite = expected.every(Number.isFinite);
  if (!finite) throw new Error('the model forecast a non-finite value');
  // A model without intervals gets a zero-width band rather than none: every point has lower/upper.
  return {
    expected,
    lower: forecast.intervals ? Array.from(forecast.intervals.lower) : expected.slice(),
    upper: forecast.intervals ? Array.from(forecast.intervals.upper) : expected.slice(),
  };
}

function band(expected: number[], halfWidth: (h: number) => number): ModelForecast {
  return { expected, lower: expected.map((e, h) => e - halfWidth(h)), upper: expected.map((e, h) => e + halfWidth(h)) };
}

function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}

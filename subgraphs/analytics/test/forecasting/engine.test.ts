import { beforeAll, describe, expect, it } from 'vitest';
import {
  allModels, forecastSeries, forecastSeriesYielding, loadAugurs, seasonalNaive, smape, syntheticDemand,
  type ForecastModel, type ModelName,
} from '../../src/forecasting/index.js';

const FIRST_DAY = '2025-11-01';
const HISTORY = 365;
const FUTURE = 28;

let models: ForecastModel[];
beforeAll(async () => {
  models = allModels(await loadAugurs());
});

/** A year of history and the 28 days after it, never shown to the engine. */
function series(seed: number, level: number) {
  const all = syntheticDemand({ days: HISTORY + FUTURE, seed, level, firstDay: FIRST_DAY, yearlyGrowth: 0.4, yearlyAmplitude: 0.35, noise: 0.08 });
  return { history: all.slice(0, HISTORY), future: all.slice(HISTORY) };
}

describe('demand forecast engine', () => {
  it('on series with weekly and yearly seasonality and a trend, the chosen models beat seasonal-naive on the 28 days after the history', () => {
    const rows: Record<string, string | number>[] = [];
    const checks: (() => void)[] = [];
    let chosenTotal = 0;
    let baselineTotal = 0;
    for (const [seed, level] of [[11, 6], [12, 15], [13, 40], [14, 90]] as const) {
      const { history, future } = series(seed, level);
      const result = forecastSeries({ firstDay: FIRST_DAY, units: history }, { horizon: FUTURE, models });
      // Every model's error on the real future, each refit on the whole history, for the report.
      const outOfSample = Object.fromEntries(models.map((m) => [m.name, smape(future, m.forecast(history, Date.parse(`${FIRST_DAY}T00:00:00Z`), FUTURE).expected.map((e) => Math.max(0, e)))])) as Record<ModelName, number>;
      const chosen = smape(future, result.points.map((p) => p.expected));
      chosenTotal += chosen;
      baselineTotal += outOfSample['seasonal-naive'];
      rows.push({
        series: `level ${level}`, chosen: result.model, 'chosen sMAPE': chosen.toFixed(3),
        ...Object.fromEntries(Object.entries(outOfSample).map(([m, s]) => [m, s.toFixed(3)])),
        'back-test': result.models.map((a) => `${a.model} ${a.smape.toFixed(3)}`).join(', '),
      });
      checks.push(() => {
        expect(result.failures).toEqual([]);
        expect(result.model).not.toBe('seasonal-naive');
        // The stored accuracy is the chosen model's back-test against the baseline's on the same window.
        expect(result.models[0]!.model).toBe(result.model);
        expect(result.models[0]!.smape).toBeLessThanOrEqual(result.models[0]!.baselineSmape);
        expect(result.models.map((a) => a.model).sort()).toEqual(['ets', 'mstl', 'prophet', 'seasonal-naive']);
      });
    }
    // sMAPE per model on the 28 unseen days (each refit on the whole year), and the back-test the choice came from.
    console.table(rows);
    for (const check of checks) check();
    // One 28-day window of one series is noisy (seasonal-naive can be lucky on it); over the four, the choice wins.
    expect(chosenTotal / rows.length).toBeLessThan(baselineTotal / rows.length);
  });

  it('forecasts days after the history with 0 ≤ lower ≤ expected ≤ upper', () => {
    const { history } = series(21, 3);
    const result = forecastSeries({ firstDay: FIRST_DAY, units: history }, { horizon: 90, models });
    expect(result.points).toHaveLength(90);
    expect(result.points[0]!.date).toBe('2026-11-01');
    expect(result.points[89]!.date).toBe('2027-01-29');
    for (const p of result.points) {
      expect(p.lower).toBeGreaterThanOrEqual(0);
      expect(p.lower).toBeLessThanOrEqual(p.expected);
      expect(p.expected).toBeLessThanOrEqual(p.upper);
    }
    // An 80% band is a band: somewhere it is wider than a point.
    expect(result.points.some((p) => p.upper - p.lower > 0.1)).toBe(true);
  });

  it('forecasts a series that never sold as zeros by seasonal-naive, without fitting the others', () => {
    const result = forecastSeries({ firstDay: FIRST_DAY, units: Array(120).fill(0) }, { horizon: 14, models });
    expect(result.model).toBe('seasonal-naive');
    expect(result.points.every((p) => p.expected === 0 && p.lower === 0 && p.upper === 0)).toBe(true);
    expect(result.models).toEqual([{ model: 'seasonal-naive', mape: null, smape: 0, baselineSmape: 0, window: 28 }]);
    expect(Object.keys(result.timings)).toEqual(['seasonal-naive']);
  });

  it('on under 4 weeks of history does not back-test and repeats last week (or the mean under a week)', () => {
    const short = forecastSeries({ firstDay: '2026-10-20', units: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, { horizon: 9, models });
    expect(short.model).toBe('seasonal-naive');
    expect(short.models).toEqual([]);
    expect(short.points.map((p) => p.expected)).toEqual([4, 5, 6, 7, 8, 9, 10, 4, 5]);
    expect(short.points[0]!.date).toBe('2026-10-30');
    const tiny = forecastSeries({ firstDay: '2026-10-20', units: [2, 4] }, { horizon: 3, models });
    expect(tiny.points.map((p) => p.expected)).toEqual([3, 3, 3]);
    const none = forecastSeries({ firstDay: '2026-10-20', units: [] }, { horizon: 2, models });
    expect(none.points).toEqual([{ date: '2026-10-20', expected: 0, lower: 0, upper: 0 }, { date: '2026-10-21', expected: 0, lower: 0, upper: 0 }]);
  });

  it('on 5 weeks of history back-tests a week with the models that fit on 4', () => {
    const units = syntheticDemand({ days: 35, seed: 5, level: 20, firstDay: FIRST_DAY });
    const result = forecastSeries({ firstDay: FIRST_DAY, units }, { horizon: 7, models });
    expect(result.models.every((a) => a.window === 7)).toBe(true);
    // Prophet needs 4 weeks to fit on; 5 weeks less the window leave 4.
    expect(result.models.map((a) => a.model).sort()).toEqual(['ets', 'mstl', 'prophet', 'seasonal-naive']);
  });

  it('leaves out a model that throws and chooses among the rest', () => {
    const broken: ForecastModel = { name: 'prophet', minHistory: 0, forecast: () => { throw new Error('optimizer diverged'); } };
    const { history } = series(31, 10);
    const result = forecastSeries({ firstDay: FIRST_DAY, units: history }, { horizon: 7, models: [seasonalNaive, broken] });
    expect(result.failures).toEqual([{ model: 'prophet', message: 'optimizer diverged' }]);
    expect(result.model).toBe('seasonal-naive');
  });

  it('the yielding variant gives the same forecast and lets the event loop run between model fits', async () => {
    const { history } = series(41, 12);
    let turns = 0;
    let spinning = true;
    const spin = () => { turns++; if (spinning) setImmediate(spin); };
    setImmediate(spin);
    const yielding = await forecastSeriesYielding({ firstDay: FIRST_DAY, units: history }, { horizon: 30, models });
    spinning = false;
    const sync = forecastSeries({ firstDay: FIRST_DAY, units: history }, { horizon: 30, models });
    // Same choice, back-test and expected values (Prophet's interval is sampled, so lower/upper vary run to run).
    expect(yielding.model).toBe(sync.model);
    expect(yielding.models).toEqual(sync.models);
    expect(yielding.points.map((p) => [p.date, p.expected])).toEqual(sync.points.map((p) => [p.date, p.expected]));
    // The loop turned after each of the 4 back-test fits (the refit is the last step: the promise resolves after it).
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it('refuses a horizon that is not a positive whole number', () => {
    expect(() => forecastSeries({ firstDay: FIRST_DAY, units: [1] }, { horizon: 0, models })).toThrow(/horizon/);
  });
});

/** Errors of a forecast against the actual values of the same days, as fractions (not percentages). */

/** Mean absolute percentage error over the days whose actual is nonzero; null when every actual is zero. */
export function mape(actual: readonly number[], forecast: readonly number[]): number | null {
  assertSameLength(actual, forecast);
  let sum = 0;
  let days = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 0) continue;
    sum += Math.abs(actual[i]! - forecast[i]!) / Math.abs(actual[i]!);
    days++;
  }
  return days === 0 ? null : sum / days;
}

/** Symmetric MAPE, 0 to 2: |a − f| / ((|a| + |f|) / 2) per day, 0 for a day where both are 0, averaged. */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  assertSameLength(actual, forecast);
  if (actual.length === 0) throw new Error('sMAPE of an empty window');
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = (Math.abs(actual[i]!) + Math.abs(forecast[i]!)) / 2;
    sum += denominator === 0 ? 0 : Math.abs(actual[i]! - forecast[i]!) / denominator;
  }
  return sum / actual.length;
}

function assertSameLength(actual: readonly number[], forecast: readonly number[]): void {
  if (actual.length !== forecast.length) throw new Error(`actual has ${actual.length} days, forecast ${forecast.length}`);
}

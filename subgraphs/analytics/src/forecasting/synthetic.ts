import { mulberry32 } from '@shop/common';

/**
 * Deterministic synthetic daily demand with a known shape: a base level, a linear trend, a weekly pattern, a yearly
 * wave and noise. The tests and the benchmark forecast it; the same seed always gives the same series.
 */
export interface SyntheticDemandOptions {
  days: number;
  seed: number;
  /** Mean units per day at the start. */
  level: number;
  /** Growth of the level over a year, as a fraction (0.3 = +30% after 365 days). */
  yearlyGrowth?: number;
  /** Multipliers Monday..Sunday (averaging about 1). */
  weekly?: readonly number[];
  /** Amplitude of the yearly wave, as a fraction of the level (peak near `peakDayOfYear`). */
  yearlyAmplitude?: number;
  peakDayOfYear?: number;
  /** Noise as a fraction of the day's mean (Gaussian, then rounded to whole units, never below 0). */
  noise?: number;
  /** The UTC day of units[0], YYYY-MM-DD; its weekday and day of year place the patterns. */
  firstDay: string;
}

const DEFAULT_WEEKLY = [0.8, 0.85, 0.9, 1, 1.25, 1.4, 0.8];

export function syntheticDemand(options: SyntheticDemandOptions): number[] {
  const random = mulberry32(options.seed);
  const weekly = options.weekly ?? DEFAULT_WEEKLY;
  const start = new Date(`${options.firstDay}T00:00:00.000Z`);
  const startDow = (start.getUTCDay() + 6) % 7; // Monday = 0
  const startDoy = Math.floor((start.getTime() - Date.UTC(start.getUTCFullYear(), 0, 1)) / 86_400_000);
  const peak = options.peakDayOfYear ?? 340; // December
  return Array.from({ length: options.days }, (_, t) => {
    const trend = 1 + (options.yearlyGrowth ?? 0.3) * (t / 365);
    const yearly = 1 + (options.yearlyAmplitude ?? 0.35) * Math.cos((2 * Math.PI * (startDoy + t - peak)) / 365.25);
    const mean = options.level * trend * weekly[(startDow + t) % 7]! * yearly;
    const noisy = mean * (1 + (options.noise ?? 0.15) * gaussian(random));
    return Math.max(0, Math.round(noisy));
  });
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

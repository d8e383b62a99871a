import type { Granularity } from '../gql/graphql';
import { LOCALE, type MoneyLike } from './money';

/**
 * Ranges, periods and figures as the dashboards show them. Analytics counts sales per UTC day, so its dates are read
 * and written in UTC: a period starting 2026-12-01T00:00Z is "1 dic", not the evening before on a Bogotá clock.
 */

export const RANGES = {
  '30d': { label: '30 días', days: 30 },
  '90d': { label: '90 días', days: 90 },
  '12m': { label: '12 meses', days: 365 },
} as const;
export type RangeKey = keyof typeof RANGES;
export const DEFAULT_RANGE: RangeKey = '90d';
export const isRangeKey = (value: string | null): value is RangeKey => value !== null && Object.hasOwn(RANGES, value);

export const GRANULARITIES: readonly Granularity[] = ['DAY', 'WEEK', 'MONTH'];
export const granularityLabel: Record<Granularity, string> = { DAY: 'Por día', WEEK: 'Por semana', MONTH: 'Por mes' };
export const isGranularity = (value: string | null): value is Granularity => GRANULARITIES.includes(value as Granularity);

const DAY_MS = 86_400_000;

/**
 * The last `days` whole UTC days up to today included: from today's start minus days-1, to tomorrow's start. Both
 * ends fall on midnight, so the variables stay the same all day long and the cache keeps serving the same report.
 */
export function rangeOf(key: RangeKey, now = Date.now()): { from: string; to: string } {
  const tomorrow = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
  return { from: new Date(tomorrow - RANGES[key].days * DAY_MS).toISOString(), to: new Date(tomorrow).toISOString() };
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "5 dic 2026" (a UTC day). */
export const formatDay = (iso: string): string => dayFormat.format(new Date(iso));
/** "5 dic" (an axis tick). */
export const formatShortDay = (iso: string): string => shortDayFormat.format(new Date(iso));

/** A period by its granularity: "5 dic 2026", "semana del 30 nov 2026", "dic 2026". */
export function formatPeriod(iso: string, granularity: Granularity): string {
  if (granularity === 'MONTH') return monthFormat.format(new Date(iso));
  if (granularity === 'WEEK') return `semana del ${formatDay(iso)}`;
  return formatDay(iso);
}

/** An axis tick for a period: short enough for a phone. */
export const formatPeriodTick = (iso: string, granularity: Granularity): string => (granularity === 'MONTH' ? monthFormat.format(new Date(iso)) : formatShortDay(iso));

const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });
/** 0.1234 -> "12,3 %". */
export const formatPercent = (ratio: number): string => percent.format(ratio);

const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
/** 12.34 -> "12,3". */
export const formatDecimal = (value: number): string => oneDecimal.format(value);

/** A Money's amount as a number, for a chart's scale only (the figures shown in text stay exact: formatMoney). */
export const moneyValue = (money: MoneyLike): number => Number(money.amount);

const compactFormatters = new Map<string, Intl.NumberFormat>();
/** An axis tick: "$ 1,2 M". */
export function formatMoneyCompact(value: number, currency: string): string {
  let formatter = compactFormatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    compactFormatters.set(currency, formatter);
  }
  return formatter.format(value);
}

/** The forecast models by the names a seller reads. */
export function modelLabel(model: string): string {
  const labels: Record<string, string> = { prophet: 'Prophet', ets: 'ETS (suavizado exponencial)', mstl: 'MSTL (estacionalidad múltiple)', 'seasonal-naive': 'Ingenuo estacional (la misma semana anterior)' };
  return labels[model] ?? model;
}

/** Days of cover at or under which a product needs restocking soon (drawn in the warning colour). */
export const LOW_COVER_DAYS = 14;

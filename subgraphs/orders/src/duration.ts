import { z } from 'zod';

/** "900000" (milliseconds) or an ISO 8601 duration such as "PT15M", "PT1H30M", "P1DT2H" -> milliseconds; null if neither. */
export function parseDurationMs(value: string): number | null {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text);
  if (!match || text.toUpperCase() === 'P' || /T$/i.test(text)) return null;
  const [, weeks, days, hours, minutes, seconds] = match;
  const ms = ((Number(weeks ?? 0) * 7 + Number(days ?? 0)) * 24 * 3600 + Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0)) * 1000;
  return Math.round(ms);
}

/** A config setting in milliseconds or as an ISO 8601 duration; fallback when unset. */
export const zDurationMs = (fallback: number) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const ms = typeof value === 'number' ? value : parseDurationMs(value);
      if (ms === null || ms <= 0) {
        ctx.addIssue({ code: 'custom', message: 'Must be a positive number of milliseconds or an ISO 8601 duration such as PT15M.' });
        return z.NEVER;
      }
      return ms;
    });

import { z } from 'zod';
import { zDecimalMinor, zText } from '@shop/common';

// PostgreSQL text cannot hold NUL, so it is refused here rather than failing in the database.
const noNul = (value: string) => !value.includes('\u0000');
const NUL_MESSAGE = 'Must not contain NUL characters.';

export const zName = zText(200).refine(noNul, NUL_MESSAGE);
export const zDescription = z.string().trim().max(5000, { message: 'Must be at most 5000 characters.' }).refine(noNul, NUL_MESSAGE);
export const zSku = z
  .string()
  .min(1, { message: 'Must not be empty.' })
  .max(64, { message: 'Must be at most 64 characters.' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'Only letters, digits, - and _.' });

/**
 * Prices are whole minor units above 0 and below 10^12 major units. A price of 0 is refused here: an order of it would
 * total 0, which no payment can take, and would only hold stock until it expired.
 */
export const MAX_PRICE_MINOR = 10n ** 14n;
export const zPrice = zDecimalMinor
  .refine((minor) => minor > 0n, { message: 'Must be greater than 0.' })
  .refine((minor) => minor < MAX_PRICE_MINOR, { message: 'Must be below 1000000000000.' });

/** What a unit costs its seller: checked like a price (zDecimalMinor already refuses a negative), except that 0 is allowed (a piece that cost nothing). */
export const zCostPrice = zDecimalMinor.refine((minor) => minor < MAX_PRICE_MINOR, { message: 'Must be below 1000000000000.' });

export const zCurrency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { message: 'Must be a 3-letter ISO 4217 code, e.g. COP.' });

export const zStatus = z.enum(['DRAFT', 'ACTIVE', 'ARCHIVED']);

/** A search string: bounded, NUL-free; blank means no search. */
export const zSearch = z
  .string()
  .max(200, { message: 'Must be at most 200 characters.' })
  .transform((value) => value.replaceAll('\u0000', ' ').trim() || undefined);

/** One packed unit's weight: whole grams, 1 g to 1 tonne (shipping bands go far below that). */
export const MAX_WEIGHT_GRAMS = 1_000_000;
export const zWeightGrams = z
  .number()
  .int({ message: 'Must be a whole number of grams.' })
  .min(1, { message: 'Must be at least 1.' })
  .max(MAX_WEIGHT_GRAMS, { message: `Must be at most ${MAX_WEIGHT_GRAMS}.` });

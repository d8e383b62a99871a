import { z } from 'zod';
import { badUserInput, type UserError, userError } from './errors.js';
import { parseDecimalToMinor } from './money.js';

/** Zod issues as contract UserErrors (code INVALID_INPUT) with the input path prefixed. */
export function issuesToUserErrors(error: z.ZodError, prefix: (string | number)[] = []): UserError[] {
  return error.issues.map((issue) =>
    userError('INVALID_INPUT', issue.message, [...prefix, ...issue.path.map((p) => String(p))]),
  );
}

/** Parses arguments that are not part of a payload: a bad value is a BAD_USER_INPUT GraphQL error. */
export function parseArgs<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw badUserInput(issue.message, issue.path.map((p) => String(p)));
}

export const zId = z.uuid({ message: 'Must be a valid ID.' });

/** A whole number from 1 to max (units of a line, a transfer, a reorder), with the messages clients show at the field. */
export const zUnits = (max: number) =>
  z
    .number({ message: 'Must be a number.' })
    .int({ message: 'Must be a whole number.' })
    .min(1, { message: 'Must be at least 1.' })
    .max(max, { message: `Must be at most ${max}.` });

/** Products and how many of each: 1 to maxLines lines of 1 to maxUnits units (reservations, counter sales, shipping quotes). */
export const zProductLines = (maxUnits: number, maxLines: number) =>
  z
    .array(z.object({ productId: zId, quantity: zUnits(maxUnits) }), { message: 'Must be a list of lines.' })
    .min(1, { message: 'Must have at least one line.' })
    .max(maxLines, { message: `Must have at most ${maxLines} lines.` });
const DECIMAL_MESSAGE = 'Must be a non-negative decimal with at most 15 digits before the point and 2 after, e.g. "249900.00".';
export const zDecimalMinor = z
  .string({ message: DECIMAL_MESSAGE })
  .max(20, { message: DECIMAL_MESSAGE })
  .transform((value, ctx) => {
    const minor = parseDecimalToMinor(value);
    if (minor === null) {
      ctx.addIssue({ code: 'custom', message: DECIMAL_MESSAGE });
      return z.NEVER;
    }
    return minor;
  });

/** Trimmed, non-empty, bounded text. */
export const zText = (max: number, min = 1) =>
  z.string().trim().min(min, { message: min > 1 ? `Must be at least ${min} characters.` : 'Must not be empty.' }).max(max, { message: `Must be at most ${max} characters.` });

/** Page size for connections: 0..100. */
export const zFirst = z.number().int().min(0, { message: 'first must be between 0 and 100.' }).max(100, { message: 'first must be between 0 and 100.' });

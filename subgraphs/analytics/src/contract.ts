import { z } from 'zod';

/** What analytics serves to other services on its own port (never routed by the gateway); callers parse with these schemas. */

/** The longest demand window asked: a supplier lead time (at most 365 days) plus a purchasing cover. */
export const MAX_DEMAND_DAYS = 400;

export const analyticsPaths = {
  /** GET ?productId=&days=: a product's expected units over the next days, from its latest stored forecast; 404 when it has none. */
  demand: '/internal/demand',
} as const;

export const demandQuery = z.object({
  productId: z.uuid({ message: 'Must be a valid ID.' }),
  days: z.coerce.number().int().min(1).max(MAX_DEMAND_DAYS, { message: `Must be at most ${MAX_DEMAND_DAYS}.` }),
});

/** 200: expected units (not rounded) over the first `days` days of the forecast, the model that made it, and when. */
export const demandAnswer = z.object({
  productId: z.uuid(),
  days: z.number().int(),
  units: z.number().nonnegative(),
  method: z.string(),
  computedAt: z.iso.datetime({ offset: true }),
});
export type DemandAnswer = z.infer<typeof demandAnswer>;

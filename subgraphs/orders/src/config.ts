import { z } from 'zod';
import { readConfig } from '@shop/common';
import { subgraphBaseConfig } from '@shop/server';
import { DEFAULT_RESERVATION_TTL_MS } from './domain/place-order.js';
import { parseDurationMs } from './duration.js';

const zDurationMs = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const ms = parseDurationMs(value);
      if (ms === null || ms <= 0) {
        ctx.addIssue({ code: 'custom', message: 'Must be a positive number of milliseconds or an ISO 8601 duration such as PT15M.' });
        return z.NEVER;
      }
      return ms;
    });

export const ordersConfig = subgraphBaseConfig('orders', 4004).extend({
  /** The products subgraph itself (never the gateway): cart checks read products from it. */
  PRODUCTS_URL: z.string().url().default('http://localhost:4002/graphql'),
  /** The inventory subgraph itself (never the gateway): placeOrder reserves stock at its internal endpoints. */
  INVENTORY_URL: z.string().url().default('http://localhost:4003/graphql'),
  /** How long placeOrder waits for inventory's reservation answer (ms). */
  INVENTORY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** How long an unpaid order holds its stock: milliseconds or an ISO 8601 duration; 15 minutes by default. */
  RESERVATION_TTL: zDurationMs(DEFAULT_RESERVATION_TTL_MS),
  /** How often the expiry sweeper looks for lapsed reservations. */
  EXPIRY_SWEEP_INTERVAL: zDurationMs(5_000),
});
export type OrdersConfig = z.infer<typeof ordersConfig>;
export const readOrdersConfig = (env?: Record<string, string | undefined>) => readConfig(ordersConfig, env);

import { z } from 'zod';
import { readConfig } from '@shop/common';
import { subgraphBaseConfig } from '@shop/server';

export const paymentsConfig = subgraphBaseConfig('payments', 4005).extend({
  /** The orders subgraph's own URL (never the gateway): payOrder reads the order's status, total and customer there. */
  ORDERS_URL: z.string().url().default('http://localhost:4004/graphql'),
  ORDERS_TIMEOUT_MS: z.coerce.number().int().min(1).default(3000),
  /** The simulated provider's delay per call, so status changes are visible. */
  PAYMENT_PROVIDER_LATENCY_MS: z.coerce.number().int().min(0).default(300),
});
export type PaymentsConfig = z.infer<typeof paymentsConfig>;
export const readPaymentsConfig = (env?: Record<string, string | undefined>) => readConfig(paymentsConfig, env);

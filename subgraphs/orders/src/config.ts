import { z } from 'zod';
import { readConfig } from '@shop/common';
import { subgraphBaseConfig } from '@shop/server';

export const ordersConfig = subgraphBaseConfig('orders', 4004).extend({
  /** The products subgraph itself (never the gateway): cart checks read products from it. */
  PRODUCTS_URL: z.string().url().default('http://localhost:4002/graphql'),
});
export type OrdersConfig = z.infer<typeof ordersConfig>;
export const readOrdersConfig = (env?: Record<string, string | undefined>) => readConfig(ordersConfig, env);

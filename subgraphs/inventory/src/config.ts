import { z } from 'zod';
import { readConfig } from '@shop/common';
import { subgraphBaseConfig } from '@shop/server';
import { DEFAULT_ORPHAN_GRACE_MS, DEFAULT_ORPHAN_SWEEP_INTERVAL_MS } from './domain/expire.js';

export const inventoryConfig = subgraphBaseConfig('inventory', 4003).extend({
  /** The products subgraph itself (never the gateway): inventory asks it who sells a product. */
  PRODUCTS_URL: z.string().url().default('http://localhost:4002/graphql'),
  PRODUCTS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
  ORPHAN_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(DEFAULT_ORPHAN_SWEEP_INTERVAL_MS),
  ORPHAN_GRACE_MS: z.coerce.number().int().min(0).max(86_400_000).default(DEFAULT_ORPHAN_GRACE_MS),
});
export type InventoryConfig = z.infer<typeof inventoryConfig>;
export const readInventoryConfig = (env?: Record<string, string | undefined>) => readConfig(inventoryConfig, env);

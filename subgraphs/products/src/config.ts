import { readConfig } from '@shop/common';
import { subgraphBaseConfig } from '@shop/server';
import type { z } from 'zod';

/** products needs nothing beyond the settings every subgraph reads. */
export const productsConfig = subgraphBaseConfig('products', 4002).extend({});
export type ProductsConfig = z.infer<typeof productsConfig>;
export const readProductsConfig = (env?: Record<string, string | undefined>) => readConfig(productsConfig, env);

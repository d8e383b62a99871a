import { z } from 'zod';
import { readConfig } from '@shop/common';
import { subgraphBaseConfig } from '@shop/server';

export const paymentsConfig = subgraphBaseConfig('payments', 4005);
export type PaymentsConfig = z.infer<typeof paymentsConfig>;
export const readPaymentsConfig = (env?: Record<string, string | undefined>) => readConfig(paymentsConfig, env);

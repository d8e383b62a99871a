import type { Viewer } from '@shop/auth';
import type { Result } from '@shop/common';
import type { Database } from '@shop/db';
import type { PaymentRow, PaymentsSchema } from '../db/schema.js';
import type { PayOrderInput } from '../domain/pay.js';
import { createLoaders, type PaymentsLoaders } from './loaders.js';

/** What the resolvers may do besides reading: paying, wired in subgraph.ts. */
export interface PaymentsServices {
  payOrder(viewer: Viewer, input: PayOrderInput): Promise<Result<PaymentRow>>;
}

export interface PaymentsContext {
  viewer: Viewer | null;
  db: Database<PaymentsSchema>;
  loaders: PaymentsLoaders;
  services: PaymentsServices;
}

export function createContext(db: Database<PaymentsSchema>, services: PaymentsServices, viewer: Viewer | null): PaymentsContext {
  return { viewer, db, loaders: createLoaders(db), services };
}

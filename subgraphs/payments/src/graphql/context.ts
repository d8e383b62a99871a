import type { Viewer } from '@shop/auth';
import type { Result } from '@shop/common';
import type { Database } from '@shop/db';
import type { EventBus } from '@shop/events';
import type { PaymentRow, PaymentsSchema } from '../db/schema.js';
import type { PayOrderInput } from '../domain/pay.js';
import type { OrderDirectory } from '../order-directory.js';
import { createLoaders, type PaymentsLoaders } from './loaders.js';

/** What the resolvers may do besides reading: paying and following payments, wired in subgraph.ts. */
export interface PaymentsServices {
  payOrder(viewer: Viewer, input: PayOrderInput): Promise<Result<PaymentRow>>;
  /** The orders subgraph, asked whose an order is. */
  orders: OrderDirectory;
  /** Live payment.status_changed events for subscriptions (broadcast: every replica sees every change). */
  bus: Pick<EventBus, 'broadcast'>;
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

import DataLoader from 'dataloader';
import type { Database } from '@shop/db';
import type { PaymentRow, PaymentsSchema } from '../db/schema.js';
import { findPaymentsByIds, findPaymentsOfOrders } from '../domain/payments.js';

/** Per request: Order.payment and Order.payments of N orders share one query; N Payment references cost one more. */
export function createLoaders(db: Database<PaymentsSchema>) {
  return {
    paymentById: new DataLoader<string, PaymentRow | null>(async (ids) => {
      const byId = new Map((await findPaymentsByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    paymentsByOrderId: new DataLoader<string, PaymentRow[]>(async (orderIds) => {
      const byOrder = new Map<string, PaymentRow[]>();
      for (const row of await findPaymentsOfOrders(db, orderIds)) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row]);
      return orderIds.map((id) => byOrder.get(id) ?? []);
    }),
  };
}
export type PaymentsLoaders = ReturnType<typeof createLoaders>;

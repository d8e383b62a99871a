import { asc, inArray } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { payments, type PaymentRow, type PaymentsSchema } from '../db/schema.js';

type Db = Database<PaymentsSchema>;

export async function findPaymentsByIds(db: Db, ids: readonly string[]): Promise<PaymentRow[]> {
  return ids.length ? db.select().from(payments).where(inArray(payments.id, [...ids])) : [];
}

/** Every attempt of many orders in one query, oldest first (ties by id, so the order is stable). */
export async function findPaymentsOfOrders(db: Db, orderIds: readonly string[]): Promise<PaymentRow[]> {
  return orderIds.length
    ? db.select().from(payments).where(inArray(payments.orderId, [...orderIds])).orderBy(asc(payments.orderId), asc(payments.createdAt), asc(payments.id))
    : [];
}

import { count } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import type { Database } from '@shop/db';
import { payments, type PaymentsSchema } from '../db/schema.js';

/** Seeds the captured payment of the demo customer's past order once. */
export async function seedDemoPayments(db: Database<PaymentsSchema>): Promise<boolean> {
  const [{ existing } = { existing: 0 }] = await db.select({ existing: count() }).from(payments);
  if (existing > 0) return false;
  const p = demo.pastPayment;
  await db.insert(payments).values({
    id: p.id,
    orderId: p.orderId,
    customerId: demo.pastOrder.customerId,
    amountMinor: p.amountMinor,
    currency: p.currency,
    method: p.method,
    status: p.status,
    cardBrand: p.cardBrand,
    cardLast4: p.cardLast4,
    idempotencyKey: 'demo-past-payment',
    providerReference: 'sim_demo_1',
    createdAt: p.createdAt,
    updatedAt: p.createdAt,
  });
  return true;
}

import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@shop/db';
import { payments, type PaymentsSchema } from '../db/schema.js';
import type { PaymentProvider } from '../provider/payment-provider.js';
import { transitionPayment } from './transitions.js';

type Tx = Transaction<PaymentsSchema>;

/**
 * Refunds a CAPTURED payment: CAPTURED -> REFUNDED after the provider returned the funds. The row is locked for the
 * call, so two refund requests for one payment run one after the other and the second finds it REFUNDED. The provider
 * call is keyed by the payment id, so a retry after a crash between the call and the commit refunds once.
 * Returns whether it refunded; anything not CAPTURED is left alone.
 */
export async function refundPayment(tx: Tx, provider: PaymentProvider, paymentId: string): Promise<boolean> {
  const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for('update');
  if (!payment || payment.status !== 'CAPTURED') return false;
  await provider.refund({ idempotencyKey: payment.id, reference: payment.providerReference ?? payment.id, amountMinor: payment.amountMinor, currency: payment.currency });
  const moved = await transitionPayment(tx, payment.id, 'REFUNDED');
  return moved.ok;
}

/** The captured payment of an order, if any (there is at most one: see payments_one_live_per_order). */
export async function findCapturedPayment(tx: Tx, orderId: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: payments.id }).from(payments).where(and(eq(payments.orderId, orderId), eq(payments.status, 'CAPTURED')));
  return row?.id;
}

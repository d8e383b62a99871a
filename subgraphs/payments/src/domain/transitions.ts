import { and, eq, sql } from 'drizzle-orm';
import { fail, ok, userError, type Result } from '@shop/common';
import type { Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { payments, type PaymentRow, type PaymentsSchema, type PaymentStatus } from '../db/schema.js';
import { PaymentsErrorCode } from '../errors.js';
import { paymentStatusEvent } from './payment-events.js';

/** The payment state machine: the only moves there are. Code and tests both read this table. */
export const paymentTransitions: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  PENDING: ['AUTHORIZED', 'FAILED'],
  AUTHORIZED: ['CAPTURED', 'FAILED'],
  CAPTURED: ['REFUNDED'],
  FAILED: [],
  REFUNDED: [],
};

export const paymentStatuses = Object.keys(paymentTransitions) as PaymentStatus[];

export const canTransitionPayment = (from: PaymentStatus, to: PaymentStatus): boolean => paymentTransitions[from].includes(to);

export interface TransitionExtra {
  /** Required when moving to FAILED. */
  failureReason?: string;
  providerReference?: string;
}

/**
 * Moves a payment to `to` if the table allows it from its current status. The UPDATE is conditional on that status,
 * so two concurrent moves cannot both win; the loser gets INVALID_TRANSITION and nothing changes. The
 * payment.status_changed event is written in the same transaction.
 */
export async function transitionPayment(tx: Transaction<PaymentsSchema>, paymentId: string, to: PaymentStatus, extra: TransitionExtra = {}): Promise<Result<PaymentRow>> {
  const [current] = await tx.select({ status: payments.status }).from(payments).where(eq(payments.id, paymentId));
  if (!current) return fail(userError(PaymentsErrorCode.NotFound, 'No such payment.'));
  const invalid = fail<PaymentRow>(userError(PaymentsErrorCode.InvalidTransition, `A ${current.status} payment cannot become ${to}.`));
  if (!canTransitionPayment(current.status, to)) return invalid;
  const [row] = await tx
    .update(payments)
    .set({
      status: to,
      failureReason: to === 'FAILED' ? (extra.failureReason ?? 'PROVIDER_ERROR') : null,
      ...(extra.providerReference ? { providerReference: extra.providerReference } : {}),
      // Nothing left for a process to drive once the provider step is done.
      ...(to === 'AUTHORIZED' ? {} : { driveLeaseUntil: null }),
      updatedAt: sql`now()`,
    })
    .where(and(eq(payments.id, paymentId), eq(payments.status, current.status)))
    .returning();
  if (!row) return invalid;
  await recordEvents(tx, [paymentStatusEvent(row)]);
  return ok(row);
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isAdmin, type Viewer } from '@shop/auth';
import { fail, issuesToUserErrors, ok, parseDecimalToMinor, type Result, userError, zId } from '@shop/common';
import type { Database } from '@shop/db';
import { recordEvents } from '@shop/events';
import { SubgraphUnavailableError } from '@shop/server';
import { payments, type PaymentRow, type PaymentsSchema } from '../db/schema.js';
import { PaymentsErrorCode } from '../errors.js';
import { paymentStatusEvent } from './payment-events.js';
import type { OrderDirectory } from '../order-directory.js';
import type { CardDetails } from '../provider/payment-provider.js';
import { cardBrand, zCard } from './card.js';

type Db = Database<PaymentsSchema>;

const payOrderInput = z
  .object({
    orderId: zId,
    method: z.enum(['CARD', 'PSE']),
    card: zCard.nullish(),
    idempotencyKey: z.string().min(1, { message: 'Must not be empty.' }).max(200, { message: 'Must be at most 200 characters.' }),
  })
  .superRefine((input, ctx) => {
    if (input.method === 'CARD' && !input.card) ctx.addIssue({ code: 'custom', message: 'A card is required to pay by CARD.', path: ['card'] });
    if (input.method !== 'CARD' && input.card) ctx.addIssue({ code: 'custom', message: 'Only CARD payments take a card.', path: ['card'] });
  });

export type PayOrderInput = z.input<typeof payOrderInput>;

export interface PayOrderOptions {
  /** How long the first drive owns the new payment before the recovery worker may take it. */
  leaseMs: number;
}

/** The new (or replayed) payment; `card` is handed to the provider driver in memory and is present only for a new one. */
export interface PayOrderOutcome {
  payment: PaymentRow;
  created: boolean;
  card?: CardDetails;
}

/**
 * Creates a PENDING payment for exactly the order's total. The provider is not called here: the caller drives the
 * payment after this commits. The same (customer, idempotencyKey) returns the same payment; at most one payment per
 * order is in flight or captured (a partial unique index), so a concurrent second attempt cannot slip in.
 */
export async function payOrder(db: Db, orders: OrderDirectory, viewer: Viewer, rawInput: PayOrderInput, options: PayOrderOptions): Promise<Result<PayOrderOutcome>> {
  const parsed = payOrderInput.safeParse(rawInput);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const input = parsed.data;

  const replay = await findByKey(db, viewer.id, input.idempotencyKey);
  if (replay) return replayed(replay, input.orderId);

  let order;
  try {
    order = await orders.findOrder(input.orderId);
  } catch (error) {
    if (error instanceof SubgraphUnavailableError) return fail(userError(PaymentsErrorCode.ServiceUnavailable, 'Orders cannot be reached right now; try again.'));
    throw error;
  }
  // Someone else's order looks exactly like a missing one.
  if (!order || (order.customer.id !== viewer.id && !isAdmin(viewer))) return fail(userError(PaymentsErrorCode.NotFound, 'No such order.', ['input', 'orderId']));
  if (order.status !== 'AWAITING_PAYMENT') return fail(userError(PaymentsErrorCode.InvalidTransition, `An order that is ${order.status} cannot be paid.`, ['input', 'orderId']));
  // A total of 0 (or below) is the order's state, not a bug: the shopper hears why, and nothing is created.
  if (/^\s*-/.test(order.total.amount) || parseDecimalToMinor(order.total.amount) === 0n) {
    return fail(userError(PaymentsErrorCode.OrderNotPayable, 'This order has nothing to pay: its total is not above 0. Cancel it, or place a new one.', ['input', 'orderId']));
  }
  const amountMinor = parseDecimalToMinor(order.total.amount);
  if (amountMinor === null) throw new Error(`orders answered an unreadable total for order ${order.id}`);

  const customerId = order.customer.id;
  const card = input.card ?? undefined;
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(payments)
      .values({
        orderId: order.id,
        customerId,
        amountMinor,
        currency: order.total.currency,
        method: input.method,
        cardBrand: card ? cardBrand(card.number) : null,
        cardLast4: card ? card.number.slice(-4) : null,
        idempotencyKey: input.idempotencyKey,
        driveLeaseUntil: sql`now() + make_interval(secs => ${options.leaseMs / 1000})`,
        driveAttempts: 1,
      })
      // Either unique index may stop it: the same key (a replay) or a live payment of the order.
      .onConflictDoNothing()
      .returning();
    if (row) await recordEvents(tx, [paymentStatusEvent(row)]);
    return row;
  });
  if (created) return ok({ payment: created, created: true, card });

  const same = await findByKey(db, customerId, input.idempotencyKey);
  if (same) return replayed(same, input.orderId);
  const [live] = await db.select().from(payments).where(and(eq(payments.orderId, order.id), inArray(payments.status, ['PENDING', 'AUTHORIZED', 'CAPTURED'])));
  if (live?.status === 'CAPTURED') return fail(userError(PaymentsErrorCode.InvalidTransition, 'This order is already paid.', ['input', 'orderId']));
  if (live) return fail(userError(PaymentsErrorCode.PaymentInProgress, 'A payment of this order is already in progress.', ['input', 'orderId']));
  // The live payment finished between the insert and the look-up: asking again is safe.
  return fail(userError(PaymentsErrorCode.PaymentInProgress, 'A payment of this order just changed; try again.', ['input', 'orderId']));
}

async function findByKey(db: Db, customerId: string, key: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(payments).where(and(eq(payments.customerId, customerId), eq(payments.idempotencyKey, key)));
  return row;
}

function replayed(payment: PaymentRow, orderId: string): Result<PayOrderOutcome> {
  if (payment.orderId !== orderId) return fail(userError(PaymentsErrorCode.InvalidInput, 'This idempotency key was already used for another order.', ['input', 'idempotencyKey']));
  return ok({ payment, created: false });
}

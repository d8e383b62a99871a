import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '@shop/db';
import { outbox } from '@shop/events';
import { createTestDatabase } from '@shop/testing';
import { payments, schema, type PaymentRow, type PaymentsSchema, type PaymentStatus } from '../src/db/schema.js';
import { canTransitionPayment, paymentStatuses, paymentTransitions, transitionPayment } from '../src/domain/transitions.js';

const migrationsFolder = fileURLToPath(new URL('../src/db/migrations', import.meta.url));
let db: Database<PaymentsSchema>;
let close: () => Promise<void>;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'payments_transitions');
  drop = database.drop;
  ({ db, close } = await openDatabase({ url: database.url, schema, migrationsFolder }));
});
afterAll(async () => {
  await close?.();
  await drop?.();
});

async function paymentIn(status: PaymentStatus): Promise<PaymentRow> {
  const [row] = await db
    .insert(payments)
    .values({ orderId: randomUUID(), customerId: randomUUID(), amountMinor: 990000n, currency: 'COP', method: 'CARD', cardBrand: 'VISA', cardLast4: '4242', idempotencyKey: randomUUID(), status, failureReason: status === 'FAILED' ? 'CARD_DECLINED' : null })
    .returning();
  return row!;
}

const eventsOf = (paymentId: string) => db.select().from(outbox).where(eq(outbox.aggregateId, paymentId));

describe('the payment state machine', () => {
  it('is the table of the spec: PENDING -> AUTHORIZED | FAILED, AUTHORIZED -> CAPTURED | FAILED, CAPTURED -> REFUNDED', () => {
    expect(paymentTransitions).toEqual({ PENDING: ['AUTHORIZED', 'FAILED'], AUTHORIZED: ['CAPTURED', 'FAILED'], CAPTURED: ['REFUNDED'], FAILED: [], REFUNDED: [] });
    expect(paymentStatuses).toEqual(schema.payments.status.enumValues);
  });

  const pairs = paymentStatuses.flatMap((from) => paymentStatuses.map((to) => ({ from, to, allowed: canTransitionPayment(from, to) })));

  it.each(pairs)('$from -> $to: allowed=$allowed', async ({ from, to, allowed }) => {
    const before = await paymentIn(from);
    const result = await db.transaction((tx) => transitionPayment(tx, before.id, to, { failureReason: 'INSUFFICIENT_FUNDS', providerReference: 'sim_x' }));
    const [after] = await db.select().from(payments).where(eq(payments.id, before.id));
    const events = await eventsOf(before.id);
    if (allowed) {
      expect(result).toMatchObject({ ok: true, value: { id: before.id, status: to } });
      expect(after).toMatchObject({ status: to, failureReason: to === 'FAILED' ? 'INSUFFICIENT_FUNDS' : null });
      expect(events.map((e) => [e.type, e.payload])).toEqual([
        ['payment.status_changed', { paymentId: before.id, orderId: before.orderId, customerId: before.customerId, status: to, failureReason: after!.failureReason, amountMinor: '990000', currency: 'COP' }],
      ]);
    } else {
      expect(result).toEqual({ ok: false, errors: [{ code: 'INVALID_TRANSITION', message: `A ${from} payment cannot become ${to}.`, field: null }] });
      expect(after).toEqual(before);
      expect(events).toEqual([]);
    }
  });

  it.each([
    ['PENDING', 'AUTHORIZED'],
    ['PENDING', 'FAILED'],
    ['CAPTURED', 'REFUNDED'],
  ] as const)('lets exactly one of two concurrent %s -> %s moves win', async (from, to) => {
    for (let round = 0; round < 10; round++) {
      const payment = await paymentIn(from);
      const results = await Promise.all([
        db.transaction((tx) => transitionPayment(tx, payment.id, to, { providerReference: 'sim_a', failureReason: 'CARD_DECLINED' })),
        db.transaction((tx) => transitionPayment(tx, payment.id, to, { providerReference: 'sim_b', failureReason: 'CARD_DECLINED' })),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ errors: [{ code: 'INVALID_TRANSITION' }] });
      expect(await eventsOf(payment.id)).toHaveLength(1);
    }
  });

  it('answers NOT_FOUND for an unknown payment', async () => {
    const result = await db.transaction((tx) => transitionPayment(tx, randomUUID(), 'AUTHORIZED'));
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'NOT_FOUND' }] });
  });
});

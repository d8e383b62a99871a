import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import type { Viewer } from '@shop/auth';
import { generateKeyPairPem, createServiceCredentials, processServiceSecret } from '@shop/auth';
import { openDatabase, type Database } from '@shop/db';
import { createTestDatabase } from '@shop/testing';
import { payments, schema, type PaymentRow, type PaymentsSchema } from '../src/db/schema.js';
import { Scheduler } from '@shop/common';
import { PaymentDriver } from '../src/domain/drive.js';
import { payOrder, type PayOrderInput } from '../src/domain/pay.js';
import { RemoteOrderLookup } from '@shop/orders/lookup';
import { SimulatedPaymentProvider, testCards } from '../src/provider/simulated-payment-provider.js';
import { startOrdersStub } from './orders-stub.js';
import { ProviderSpy } from './provider-spy.js';

const migrationsFolder = fileURLToPath(new URL('../src/db/migrations', import.meta.url));
const LEASE_MS = 300;
let db: Database<PaymentsSchema>;
let close: () => Promise<void>;
let drop: () => Promise<void>;
let stub: Awaited<ReturnType<typeof startOrdersStub>>;
let orders: RemoteOrderLookup;
const viewer: Viewer = { id: randomUUID(), roles: ['CUSTOMER'] };
const logger = pino({ level: 'silent' });
const drivers: PaymentDriver[] = [];

beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'payments_recovery');
  drop = database.drop;
  ({ db, close } = await openDatabase({ url: database.url, schema, migrationsFolder }));
  stub = await startOrdersStub((await generateKeyPairPem()).publicKeyPem);
  orders = new RemoteOrderLookup({ url: stub.url, credentials: createServiceCredentials('payments', processServiceSecret()) });
});
afterAll(async () => {
  await Promise.all(drivers.map((d) => d.stop()));
  await stub?.stop();
  await close?.();
  await drop?.();
});

/** A process's driver; its worker is started by hand (recoverStalled) so each test decides when recovery runs. */
function driver(provider: ProviderSpy, providerTimeoutMs = 2000): PaymentDriver {
  const made = new PaymentDriver({ db, provider, logger, leaseMs: LEASE_MS, providerTimeoutMs });
  drivers.push(made);
  return made;
}

async function createPayment(input: Partial<PayOrderInput> = {}) {
  const orderId = randomUUID();
  stub.orders.set(orderId, { id: orderId, status: 'AWAITING_PAYMENT', totalAmount: '75000.00', currency: 'COP', customerId: viewer.id });
  const result = await payOrder(db, orders, viewer, { orderId, method: 'PSE', idempotencyKey: randomUUID(), ...input }, { leaseMs: LEASE_MS });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const row = async (id: string): Promise<PaymentRow> => (await db.select().from(payments).where(eq(payments.id, id)))[0]!;
const leaseRunsOut = () => new Promise((resolve) => setTimeout(resolve, LEASE_MS + 100));

describe('driving payments through the provider after a failure', () => {
  it('leaves a payment PENDING when the provider throws, and the recovery worker completes it with the same key, charging once', async () => {
    const sim = new SimulatedPaymentProvider({ latencyMs: 5 });
    const spy = new ProviderSpy(sim);
    let failures = 1;
    spy.before = async (operation) => {
      if (operation === 'authorize' && failures-- > 0) throw new Error('connection reset');
    };
    const d = driver(spy);
    const { payment, card } = await createPayment({ method: 'CARD', card: { number: testCards.success, expMonth: 12, expYear: 2099, cvc: '123' } });
    d.begin(payment.id, card);
    await d.settled();
    expect((await row(payment.id)).status).toBe('PENDING');
    // Not before the lease runs out: the worker does not steal a payment another process may still be driving.
    expect(await d.recoverStalled()).toBe(0);
    await leaseRunsOut();
    expect(await d.recoverStalled()).toBe(1);
    expect(await row(payment.id)).toMatchObject({ status: 'CAPTURED', driveAttempts: 2 });
    expect(spy.calls.authorize).toEqual([payment.id, payment.id]);
    expect(sim.chargeCount).toBe(1);
  });

  it('abandons a provider call that times out; the retry gets the same authorization, not a second charge', async () => {
    const sim = new SimulatedPaymentProvider({ latencyMs: 400 });
    const spy = new ProviderSpy(sim);
    const d = driver(spy, 100);
    const { payment } = await createPayment();
    d.begin(payment.id);
    await d.settled();
    expect((await row(payment.id)).status).toBe('PENDING');
    await leaseRunsOut();
    await d.recoverStalled();
    // The capture also takes 400 ms and times out once; the next pass finishes it.
    await leaseRunsOut();
    await d.recoverStalled();
    expect((await row(payment.id)).status).toBe('CAPTURED');
    expect(spy.count('authorize', payment.id)).toBe(2);
    expect(sim.chargeCount).toBe(1);
  });

  it('finishes a payment whose process crashed right after the commit (no drive ever started)', async () => {
    const { payment } = await createPayment();
    const spy = new ProviderSpy(new SimulatedPaymentProvider({ latencyMs: 5 }));
    const restarted = driver(spy);
    await leaseRunsOut();
    expect(await restarted.recoverStalled()).toBeGreaterThanOrEqual(1);
    expect((await row(payment.id)).status).toBe('CAPTURED');
  });

  it('fails a card payment whose card was lost with its process before the provider saw it, so the order can be paid again', async () => {
    const { payment } = await createPayment({ method: 'CARD', card: { number: testCards.success, expMonth: 12, expYear: 2099, cvc: '123' } });
    const restarted = driver(new ProviderSpy(new SimulatedPaymentProvider({ latencyMs: 5 })));
    await leaseRunsOut();
    await restarted.recoverStalled();
    expect(await row(payment.id)).toMatchObject({ status: 'FAILED', failureReason: 'CARD_DETAILS_MISSING' });
    const again = await payOrder(db, orders, viewer, { orderId: payment.orderId, method: 'PSE', idempotencyKey: randomUUID() }, { leaseMs: LEASE_MS });
    expect(again.ok).toBe(true);
  });

  it('two replicas recovering at once drive each stalled payment once (SKIP LOCKED)', async () => {
    const made = await Promise.all(Array.from({ length: 6 }, () => createPayment()));
    const spyA = new ProviderSpy(new SimulatedPaymentProvider({ latencyMs: 5 }));
    const spyB = new ProviderSpy(new SimulatedPaymentProvider({ latencyMs: 5 }));
    const [a, b] = [driver(spyA), driver(spyB)];
    await leaseRunsOut();
    const claimed = await Promise.all([a.recoverStalled(), b.recoverStalled()]);
    const ids = made.map((m) => m.payment.id);
    expect(claimed[0] + claimed[1]).toBeGreaterThanOrEqual(6);
    for (const id of ids) {
      expect((await row(id)).status).toBe('CAPTURED');
      expect(spyA.count('authorize', id) + spyB.count('authorize', id)).toBe(1);
    }
  });

  it('the worker runs on its own once started', async () => {
    const spy = new ProviderSpy(new SimulatedPaymentProvider({ latencyMs: 5 }));
    const d = new PaymentDriver({ db, provider: spy, logger, leaseMs: LEASE_MS });
    drivers.push(d);
    const { payment } = await createPayment();
    const scheduler = new Scheduler();
    scheduler.add(d.recoveryTask(50));
    await expect.poll(async () => (await row(payment.id)).status, { timeout: 5000 }).toBe('CAPTURED');
    await scheduler.stop();
    await d.stop();
    const [{ unfinished }] = (await db.execute(sql`select count(*)::int as unfinished from payments where status in ('PENDING', 'AUTHORIZED')`)) as unknown as [{ unfinished: number }];
    expect(unfinished).toBe(0);
  });
});

import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Logger, PeriodicTask } from '@shop/common';
import type { Database } from '@shop/db';
import { payments, type PaymentRow, type PaymentsSchema, type PaymentStatus } from '../db/schema.js';
import type { CardDetails, PaymentProvider } from '../provider/payment-provider.js';
import { transitionPayment, type TransitionExtra } from './transitions.js';

type Db = Database<PaymentsSchema>;

export interface PaymentDriverOptions {
  db: Db;
  provider: PaymentProvider;
  logger: Logger;
  /** A provider call that takes longer is abandoned and retried later (same idempotency key). */
  providerTimeoutMs?: number;
  /** How long a process owns a payment it drives; after that the recovery worker of any replica may take it. */
  leaseMs?: number;
  /** How long a card stays in memory for retries of its authorization in this process. */
  cardRetentionMs?: number;
}

const UNFINISHED: PaymentStatus[] = ['PENDING', 'AUTHORIZED'];

/**
 * Moves payments through the provider outside the request: PENDING -> AUTHORIZED -> CAPTURED, or FAILED with the
 * provider's reason. Every provider call carries the payment id as its idempotency key, so a retried step never
 * charges twice. A call that throws or times out leaves the status as it was; the recovery worker (every replica
 * runs one) picks up PENDING/AUTHORIZED payments whose lease has run out (FOR UPDATE SKIP LOCKED) and drives them again.
 */
export class PaymentDriver {
  readonly leaseMs: number;
  private readonly active = new Map<string, Promise<void>>();
  /** Cards of payments not yet authorized, in memory only, so a retry in this process can send the card again. */
  private readonly cards = new Map<string, { card: CardDetails; until: number }>();

  constructor(private readonly options: PaymentDriverOptions) {
    this.leaseMs = options.leaseMs ?? 15_000;
  }

  /** Waits for the drives under way (the recovery worker is stopped by the service's scheduler). */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.active.values()]);
    this.cards.clear();
  }

  /** Starts driving a payment just committed as PENDING; does not wait for the provider. */
  begin(paymentId: string, card?: CardDetails): void {
    if (card) this.cards.set(paymentId, { card, until: Date.now() + (this.options.cardRetentionMs ?? 120_000) });
    void this.drive(paymentId);
  }

  /** Waits for every drive under way in this process (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.active.size) await Promise.allSettled([...this.active.values()]);
  }

  /** The recovery worker, for the service's scheduler: every replica runs one. */
  recoveryTask(everyMs: number): PeriodicTask {
    return { name: 'payment-recovery', everyMs, run: async () => void (await this.recoverStalled()) };
  }

  /** One pass of the recovery worker: claims stalled payments and drives them again. Returns how many it claimed. */
  async recoverStalled(limit = 20): Promise<number> {
    const { db } = this.options;
    const claimed = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: payments.id })
        .from(payments)
        .where(and(inArray(payments.status, UNFINISHED), lt(payments.driveLeaseUntil, sql`now()`)))
        .orderBy(asc(payments.driveLeaseUntil))
        .limit(limit)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      await tx
        .update(payments)
        .set({ driveLeaseUntil: this.leaseFromNow(), driveAttempts: sql`${payments.driveAttempts} + 1` })
        .where(inArray(payments.id, ids));
      return ids;
    });
    await Promise.allSettled(claimed.map((id) => this.drive(id)));
    return claimed.length;
  }

  private drive(paymentId: string): Promise<void> {
    const running = this.active.get(paymentId);
    if (running) return running;
    const work = this.steps(paymentId)
      .catch((err) => this.options.logger.warn({ err: errorSummary(err), paymentId }, 'payment step failed; the recovery worker will retry it'))
      .finally(() => this.active.delete(paymentId));
    this.active.set(paymentId, work);
    return work;
  }

  private async steps(paymentId: string): Promise<void> {
    const { db, provider } = this.options;
    for (;;) {
      const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
      if (!payment || !UNFINISHED.includes(payment.status)) {
        this.cards.delete(paymentId);
        return;
      }
      await this.renewLease(payment);
      if (payment.status === 'PENDING') {
        const outcome = await this.call(() =>
          provider.authorize({ idempotencyKey: payment.id, amountMinor: payment.amountMinor, currency: payment.currency, method: payment.method, card: this.card(paymentId) }),
        );
        this.cards.delete(paymentId);
        if (outcome.status === 'AUTHORIZED') await this.move(payment, 'AUTHORIZED', { providerReference: outcome.reference });
        else await this.move(payment, 'FAILED', { failureReason: outcome.reason });
      } else {
        const outcome = await this.call(() =>
          provider.capture({ idempotencyKey: payment.id, reference: payment.providerReference ?? payment.id, amountMinor: payment.amountMinor, currency: payment.currency }),
        );
        if (outcome.status === 'CAPTURED') await this.move(payment, 'CAPTURED');
        else await this.move(payment, 'FAILED', { failureReason: outcome.reason });
      }
    }
  }

  private async move(payment: PaymentRow, to: PaymentStatus, extra: TransitionExtra = {}): Promise<void> {
    const result = await this.options.db.transaction((tx) => transitionPayment(tx, payment.id, to, extra));
    // Someone else (another replica's worker) already moved it: the next loop reads where it is now.
    if (!result.ok) this.options.logger.info({ paymentId: payment.id, to, code: result.errors[0]?.code }, 'payment already moved elsewhere');
  }

  private async renewLease(payment: PaymentRow): Promise<void> {
    await this.options.db.update(payments).set({ driveLeaseUntil: this.leaseFromNow() }).where(and(eq(payments.id, payment.id), eq(payments.status, payment.status)));
  }

  private card(paymentId: string): CardDetails | undefined {
    const kept = this.cards.get(paymentId);
    if (kept && kept.until < Date.now()) this.cards.delete(paymentId);
    return kept && kept.until >= Date.now() ? kept.card : undefined;
  }

  private leaseFromNow() {
    return sql`now() + make_interval(secs => ${this.leaseMs / 1000})`;
  }

  /** A provider call with a deadline; the abandoned call may still finish at the provider, which the key makes harmless. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    const timeoutMs = this.options.providerTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        fn(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new ProviderCallError(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      // The provider's own error may quote the request, card included: only its class name goes further.
      throw error instanceof ProviderCallError ? error : new ProviderCallError(`threw ${error instanceof Error ? error.name : typeof error}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A provider call that failed or timed out, described without anything the provider said. */
export class ProviderCallError extends Error {
  /** The provider's outage, not the event's fault: a consumer retries it without counting toward dead-lettering (@shop/events failures.ts). */
  readonly transient = true;
  constructor(what: string) {
    super(`payment provider call failed: ${what}`);
    this.name = 'ProviderCallError';
  }
}

/** Only the message (no properties, no stack), long digit runs masked as a second line of defence. */
const errorSummary = (err: unknown) => ({ message: (err instanceof Error ? err.message : String(err)).replace(/\d[\d -]{6,}\d/g, '[redacted]') });

import { randomUUID } from 'node:crypto';
import { FailureReason } from '../errors.js';
import type { AuthorizeOutcome, AuthorizeRequest, CaptureOutcome, CaptureRequest, PaymentProvider, RefundRequest } from './payment-provider.js';

export interface SimulatedPaymentProviderOptions {
  /** PAYMENT_PROVIDER_LATENCY_MS: how long each call takes, so status changes are visible. */
  latencyMs?: number;
  /** How long the slow test card (4000 0000 0000 0077) takes to authorize. */
  slowCardMs?: number;
}

/** The test cards of SPEC.md; any other Luhn-valid number succeeds. */
export const testCards = {
  success: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  slow: '4000000000000077',
} as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The default provider: a simulation with the outcomes of SPEC.md's test cards. Like a real provider it remembers
 * every operation by idempotency key (the first call's promise), so a repeat gets the same answer and charges once.
 */
export class SimulatedPaymentProvider implements PaymentProvider {
  private readonly authorizations = new Map<string, Promise<AuthorizeOutcome>>();
  private readonly captures = new Map<string, Promise<CaptureOutcome>>();
  private readonly refunds = new Map<string, Promise<void>>();
  private readonly latencyMs: number;
  private readonly slowCardMs: number;

  constructor(options: SimulatedPaymentProviderOptions = {}) {
    this.latencyMs = options.latencyMs ?? 300;
    this.slowCardMs = options.slowCardMs ?? 3000;
  }

  /** How many distinct charges were made (what a customer's statement would show). */
  get chargeCount(): number {
    return this.authorizations.size;
  }

  get refundCount(): number {
    return this.refunds.size;
  }

  authorize(request: AuthorizeRequest): Promise<AuthorizeOutcome> {
    const known = this.authorizations.get(request.idempotencyKey);
    if (known) return known;
    // A retry without the card for a charge never seen: there is nothing to charge.
    if (request.method === 'CARD' && !request.card) return Promise.resolve({ status: 'FAILED', reason: FailureReason.CardDetailsMissing });
    // Only the outcome is kept; the card number goes out of scope with this call.
    const number = request.card?.number;
    const outcome = (async (): Promise<AuthorizeOutcome> => {
      await sleep(number === testCards.slow ? this.slowCardMs : this.latencyMs);
      if (number === testCards.declined) return { status: 'FAILED', reason: FailureReason.CardDeclined };
      if (number === testCards.insufficientFunds) return { status: 'FAILED', reason: FailureReason.InsufficientFunds };
      return { status: 'AUTHORIZED', reference: `sim_${randomUUID()}` };
    })();
    this.authorizations.set(request.idempotencyKey, outcome);
    return outcome;
  }

  capture(request: CaptureRequest): Promise<CaptureOutcome> {
    const known = this.captures.get(request.idempotencyKey);
    if (known) return known;
    const outcome = sleep(this.latencyMs).then((): CaptureOutcome => ({ status: 'CAPTURED' }));
    this.captures.set(request.idempotencyKey, outcome);
    return outcome;
  }

  refund(request: RefundRequest): Promise<void> {
    const known = this.refunds.get(request.idempotencyKey);
    if (known) return known;
    const outcome = sleep(this.latencyMs);
    this.refunds.set(request.idempotencyKey, outcome);
    return outcome;
  }
}

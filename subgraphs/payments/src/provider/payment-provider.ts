/** Card data for one provider call. It lives in memory only: never stored, never logged. */
export interface CardDetails {
  /** Digits only. */
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export interface AuthorizeRequest {
  /** The payment id: a repeated call with the same key returns the first call's outcome and never charges twice. */
  idempotencyKey: string;
  amountMinor: bigint;
  currency: string;
  method: 'CARD' | 'PSE';
  /** For CARD. Absent on a retry after the process that held it went away. */
  card?: CardDetails;
}

export type AuthorizeOutcome = { status: 'AUTHORIZED'; reference: string } | { status: 'FAILED'; reason: string };

export interface CaptureRequest {
  idempotencyKey: string;
  reference: string;
  amountMinor: bigint;
  currency: string;
}

export type CaptureOutcome = { status: 'CAPTURED' } | { status: 'FAILED'; reason: string };

export interface RefundRequest {
  idempotencyKey: string;
  reference: string;
  amountMinor: bigint;
  currency: string;
}

/**
 * The adapter to a payment provider. Every call is idempotent by its key (the payment id), so a call retried after
 * a timeout or a crash has its effect once. A call that cannot reach the provider throws.
 */
export interface PaymentProvider {
  authorize(request: AuthorizeRequest): Promise<AuthorizeOutcome>;
  capture(request: CaptureRequest): Promise<CaptureOutcome>;
  /** Returns the captured funds; throws when it cannot (the caller retries). */
  refund(request: RefundRequest): Promise<void>;
}

import type { AuthorizeRequest, CaptureRequest, PaymentProvider, RefundRequest } from '../src/provider/payment-provider.js';

/** Wraps a provider, counting calls per idempotency key; `before` can make a call fail or stall like a network would. */
export class ProviderSpy implements PaymentProvider {
  readonly calls = { authorize: [] as string[], capture: [] as string[], refund: [] as string[] };
  before: ((operation: 'authorize' | 'capture' | 'refund', key: string) => Promise<void>) | undefined;

  constructor(private readonly inner: PaymentProvider) {}

  count(operation: keyof ProviderSpy['calls'], key: string): number {
    return this.calls[operation].filter((k) => k === key).length;
  }

  async authorize(request: AuthorizeRequest) {
    this.calls.authorize.push(request.idempotencyKey);
    await this.before?.('authorize', request.idempotencyKey);
    return this.inner.authorize(request);
  }

  async capture(request: CaptureRequest) {
    this.calls.capture.push(request.idempotencyKey);
    await this.before?.('capture', request.idempotencyKey);
    return this.inner.capture(request);
  }

  async refund(request: RefundRequest) {
    this.calls.refund.push(request.idempotencyKey);
    await this.before?.('refund', request.idempotencyKey);
    return this.inner.refund(request);
  }
}

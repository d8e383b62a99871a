import type { ServiceCredentials } from '@shop/auth';
import { withClientSpan } from '@shop/observability';
import { postJson, SubgraphUnavailableError } from '@shop/server';
import { quoteAnswer, quoteError, shippingPaths, type QuoteAnswer, type QuoteErrorCodeName, type QuoteRequest } from './contract.js';

// A leaf module (@shop/shipping/quotes): callers (orders) import it without reaching shipping's subgraph definition.

/** A quote, or why there is none: NOT_FOUND (no such method), REGION_NOT_SERVED, INVALID_INPUT (e.g. region is not a department). */
export type QuoteOutcome = { ok: true; quote: QuoteAnswer } | { ok: false; code: QuoteErrorCodeName; message: string };

/** Prices a shipment. Throws SubgraphUnavailableError when shipping does not answer (or answers outside the contract). */
export interface ShippingQuotes {
  quote(request: QuoteRequest): Promise<QuoteOutcome>;
}

export interface RemoteShippingQuotesOptions {
  /** The shipping subgraph's own URL (its /graphql URL or its base URL: the internal endpoints sit at its root). */
  url: string;
  timeoutMs?: number;
  /** The caller's service tokens: shipping's internal endpoints answer verified services only. */
  credentials: ServiceCredentials;
}

/** Calls POST /internal/shipping/quote on shipping's own port (docs/architecture.md, "Service-to-service calls"). */
export class RemoteShippingQuotes implements ShippingQuotes {
  constructor(private readonly options: RemoteShippingQuotesOptions) {}

  async quote(request: QuoteRequest): Promise<QuoteOutcome> {
    let status: number;
    let body: unknown;
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(await this.options.credentials.headers()) };
      ({ status, body } = await withClientSpan('shipping quote', headers, () =>
        postJson(new URL(shippingPaths.quote, this.options.url), { headers, body: JSON.stringify(request), timeoutMs: this.options.timeoutMs ?? 3000, idempotent: true }),
      ));
    } catch (error) {
      throw new SubgraphUnavailableError('shipping', error);
    }
    if (status === 200) {
      const answer = quoteAnswer.safeParse(body);
      if (answer.success) return { ok: true, quote: answer.data };
    } else if (status === 404 || status === 422) {
      const refused = quoteError.safeParse(body);
      if (refused.success) return { ok: false, code: refused.data.error.code, message: refused.data.error.message };
    }
    throw new SubgraphUnavailableError('shipping', `quote answered ${status}`);
  }
}

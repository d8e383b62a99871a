import type { Express } from 'express';
import type { Database } from '@shop/db';
import { graphqlBodyParsing } from '@shop/server';
import { QuoteErrorCode, quoteRequest, shippingPaths, SHIPPING_CURRENCY, type QuoteAnswer, type QuoteError } from '../contract.js';
import type { ShippingSchema } from '../db/schema.js';
import { quoteOne } from '../domain/quotes.js';

/** A quote body is at most 100 lines of two short fields. */
const BODY_LIMIT = '64kb';

const STATUS_OF: Record<QuoteError['error']['code'], number> = { NOT_FOUND: 404, REGION_NOT_SERVED: 422, INVALID_INPUT: 422 };

/**
 * POST /internal/shipping/quote (contract.ts): orders prices the shipment of an order it is placing. On shipping's own
 * port, never routed by the gateway; the kernel has verified the service token on /internal.
 */
export function quoteRoutes(app: Express, db: Database<ShippingSchema>): void {
  app.post(shippingPaths.quote, ...graphqlBodyParsing(BODY_LIMIT), async (req, res, next) => {
    try {
      const parsed = quoteRequest.safeParse(req.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const refused: QuoteError = { error: { code: QuoteErrorCode.InvalidInput, message: `${issue.path.join('.') || 'body'}: ${issue.message}` } };
        return void res.status(422).json(refused);
      }
      const { methodId, region, lines } = parsed.data;
      const outcome = await quoteOne(db, methodId, region, lines);
      if (!outcome.ok) {
        const refused: QuoteError = { error: { code: outcome.code, message: outcome.message } };
        return void res.status(STATUS_OF[outcome.code]).json(refused);
      }
      const { method, costMinor, estimatedDays } = outcome.quote;
      const answer: QuoteAnswer = { method: { id: method.id, name: method.name, carrier: method.carrier }, costMinor: Number(costMinor), currency: SHIPPING_CURRENCY, estimatedDays };
      res.json(answer);
    } catch (error) {
      next(error);
    }
  });
}

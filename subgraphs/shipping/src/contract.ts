import { z } from 'zod';
import { zId, zProductLines } from '@shop/common';
import { defineEvent, type PayloadOf } from '@shop/events';

/** What shipping publishes and serves to other services (docs/architecture.md): callers parse these very schemas. */

export const SHIPMENT_STATUSES = ['LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED'] as const;
export type ShipmentStatusName = (typeof SHIPMENT_STATUSES)[number];

/** Every rate is in Colombian pesos; amounts are integers of the minor unit (centavos), like products' prices. */
export const SHIPPING_CURRENCY = 'COP';

export const MAX_QUOTE_LINES = 100;
/** Far above a cart line's 999: bounds a quote's weight (and so its price) well inside exact integers. */
export const MAX_QUOTE_QUANTITY = 10_000;

/** The internal quote API, on shipping's own port (never routed by the gateway); a service token is required. */
export const shippingPaths = {
  /** POST quoteRequest -> 200 quoteAnswer | 404 quoteError NOT_FOUND (no such method) | 422 quoteError REGION_NOT_SERVED or INVALID_INPUT. */
  quote: '/internal/shipping/quote',
  /**
   * POST advanceRequest: a carrier integration reports a shipment's new status (as advanceShipment does for admins)
   * -> 200 advanceAnswer | 404 NOT_FOUND | 409 INVALID_TRANSITION | 422 INVALID_INPUT, each as quoteError's shape.
   */
  advance: (shipmentId: string) => `/internal/shipping/shipments/${encodeURIComponent(shipmentId)}/status`,
} as const;

/** What sending these lines to a region with one method costs. region: a Colombian department as in Address.region (case and accents do not matter). */
export const quoteRequest = z.object({
  region: z.string({ message: 'Must be a text.' }).trim().min(1, { message: 'Must not be empty.' }).max(100, { message: 'Must be at most 100 characters.' }),
  methodId: zId,
  lines: zProductLines(MAX_QUOTE_QUANTITY, MAX_QUOTE_LINES),
});
export type QuoteRequest = z.input<typeof quoteRequest>;

export const shippingMethodRecord = z.object({ id: z.uuid(), name: z.string(), carrier: z.string() });
export type ShippingMethodRecord = z.infer<typeof shippingMethodRecord>;

/** 200: the price, exact in minor units of COP, and the carrier's delivery estimate in business days. */
export const quoteAnswer = z.object({
  method: shippingMethodRecord,
  costMinor: z.number().int().nonnegative(),
  currency: z.literal(SHIPPING_CURRENCY),
  estimatedDays: z.number().int().positive(),
});
export type QuoteAnswer = z.infer<typeof quoteAnswer>;

export const QuoteErrorCode = {
  /** 404: no shipping method has this id. */
  NotFound: 'NOT_FOUND',
  /** 422: the method does not deliver to the region (e.g. express to a remote department). */
  RegionNotServed: 'REGION_NOT_SERVED',
  /** 422: the body is not a quoteRequest, or region is not a Colombian department. message says which. */
  InvalidInput: 'INVALID_INPUT',
} as const;
export type QuoteErrorCodeName = (typeof QuoteErrorCode)[keyof typeof QuoteErrorCode];

export const quoteError = z.object({
  error: z.object({ code: z.enum([QuoteErrorCode.NotFound, QuoteErrorCode.RegionNotServed, QuoteErrorCode.InvalidInput]), message: z.string() }),
});
export type QuoteError = z.infer<typeof quoteError>;

export const advanceRequest = z.object({ status: z.enum(SHIPMENT_STATUSES, { message: `Must be one of ${SHIPMENT_STATUSES.join(', ')}.` }) });
/** moved: false when the shipment had that status already (a repeated scan changes nothing). */
export const advanceAnswer = z.object({ moved: z.boolean() });

/**
 * A shipment was created (from null: its label is printed, when its order was paid) or moved along shipping's
 * transition table (LABEL_CREATED -> IN_TRANSIT -> DELIVERED). orders moves the order to SHIPPED and DELIVERED on it.
 */
export const shipmentStatusChanged = defineEvent({
  source: 'shipping',
  type: 'shipment.status_changed',
  aggregateId: (p) => p.orderId,
  schema: z.object({
    shipmentId: z.uuid(),
    orderId: z.uuid(),
    /** The order's customer: the shipment's owner. */
    customerId: z.uuid(),
    methodId: z.uuid(),
    trackingNumber: z.string(),
    /** null when the shipment was just created. */
    from: z.enum(SHIPMENT_STATUSES).nullable(),
    to: z.enum(SHIPMENT_STATUSES),
  }),
});
export type ShipmentStatusChangedPayload = PayloadOf<typeof shipmentStatusChanged>;

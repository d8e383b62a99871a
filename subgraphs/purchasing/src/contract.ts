import { z } from 'zod';
import { defineEvent, type PayloadOf } from '@shop/events';

/** What purchasing publishes (docs/architecture.md, "Events"): consumers (inventory, notifications) parse these very schemas. */

export const REORDER_STATUSES = ['DRAFT', 'SENT', 'RECEIVED', 'CANCELLED'] as const;
export type ReorderStatusName = (typeof REORDER_STATUSES)[number];

/** The most units one reorder request may ask for. */
export const MAX_REORDER_QUANTITY = 1_000_000;

/**
 * A reorder request became RECEIVED: its units arrived at warehouseId. Inventory restocks quantity there, once per
 * reorderId. Published once per request (in the transaction that moves it to RECEIVED, which happens once).
 */
export const reorderReceived = defineEvent({
  source: 'purchasing',
  type: 'reorder.received',
  aggregateId: (p) => p.reorderId,
  schema: z.object({
    reorderId: z.uuid(),
    productId: z.uuid(),
    warehouseId: z.uuid(),
    quantity: z.number().int().min(1).max(MAX_REORDER_QUANTITY),
    sellerId: z.uuid(),
  }),
});
export type ReorderReceivedPayload = PayloadOf<typeof reorderReceived>;

/** The platform wrote a DRAFT reorder (suggested) for a product on low or sold-out stock; its seller is told. */
export const reorderSuggested = defineEvent({
  source: 'purchasing',
  type: 'reorder.suggested',
  aggregateId: (p) => p.reorderId,
  schema: z.object({
    reorderId: z.uuid(),
    productId: z.uuid(),
    sellerId: z.uuid(),
    supplierId: z.uuid(),
    quantity: z.number().int().min(1).max(MAX_REORDER_QUANTITY),
  }),
});
export type ReorderSuggestedPayload = PayloadOf<typeof reorderSuggested>;

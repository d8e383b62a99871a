import { z } from 'zod';
import { newEvent, type DomainEvent } from '@shop/events';

/** The name inventory consumes under (its queue and its inbox rows) and publishes as. */
export const INVENTORY = 'inventory';

export const STOCK_CHANGED = 'stock.changed';
export const ORDER_STATUS_CHANGED = 'order.status_changed';

/** Totals over every warehouse after the change (docs/architecture.md). */
export interface StockChangedPayload extends Record<string, unknown> {
  productId: string;
  onHand: number;
  reserved: number;
  available: number;
}

export const stockChanged = (payload: StockChangedPayload): DomainEvent<StockChangedPayload> => newEvent(INVENTORY, STOCK_CHANGED, payload.productId, payload);

/** The part of order.status_changed inventory acts on; the reservation id is the order id. */
export const orderStatusChangedPayload = z.object({
  orderId: z.uuid(),
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string().nullable().optional(),
});
export type OrderStatusChangedPayload = z.infer<typeof orderStatusChangedPayload>;

import type { OrderSummary } from '@shop/orders/lookup';

/** What payments reads of an order to charge it (orders' lookup, @shop/orders/lookup, answers more). */
export type OrderToPay = Pick<OrderSummary, 'id' | 'status' | 'total' | 'customer'>;

/** Where payments reads orders from; throws SubgraphUnavailableError when orders does not answer. */
export interface OrderDirectory {
  /** null for an unknown order. */
  findOrder(id: string): Promise<OrderToPay | null>;
}

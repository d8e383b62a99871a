import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventContract } from '@shop/events';
import { orderStatusChanged, paymentStatusChanged, productChanged, stockChanged, type OrderStatusChangedPayload } from '../../src/events.js';

/** An event as its publisher creates it, stamped at a chosen instant. */
export const at = <P extends Record<string, unknown>>(contract: EventContract<P>, payload: P, when: Date): DomainEvent<P> => ({ ...contract.create(payload), occurredAt: when.toISOString() });

export const product = (productId: string, sellerId: string, categoryId: string | null, priceMinor: number, costPriceMinor: number | null, when: Date) =>
  at(productChanged, { productId, sellerId, categoryId, name: `Product ${productId.slice(0, 4)}`, priceMinor, currency: 'COP', costPriceMinor }, when);

export const stock = (productId: string, warehouses: { warehouseId: string; onHand: number; reserved?: number }[], when: Date) => {
  const ws = warehouses.map((w) => ({ warehouseId: w.warehouseId, onHand: w.onHand, reserved: w.reserved ?? 0, available: w.onHand - (w.reserved ?? 0) }));
  const sum = (k: 'onHand' | 'reserved' | 'available') => ws.reduce((s, w) => s + w[k], 0);
  return at(stockChanged, { productId, onHand: sum('onHand'), reserved: sum('reserved'), available: sum('available'), warehouses: ws }, when);
};

type Line = { productId: string; quantity: number; unitPriceMinor: number };

/** One order's events as orders and payments would publish them, at the given instants. */
export function orderStory(customerId: string, lines: Line[]) {
  const orderId = randomUUID();
  const paymentId = randomUUID();
  const totalMinor = lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
  const base = { orderId, customerId, lines, number: 'ORD-000001', total: { amountMinor: totalMinor, currency: 'COP' } };
  const change = (from: OrderStatusChangedPayload['from'], to: OrderStatusChangedPayload['to'], when: Date, reason: OrderStatusChangedPayload['reason'] = null) =>
    at(orderStatusChanged, { ...base, from, to, reason }, when);
  const payment = (status: 'CAPTURED' | 'REFUNDED', when: Date, id = paymentId) =>
    at(paymentStatusChanged, { paymentId: id, orderId, customerId, status, failureReason: null, amountMinor: String(totalMinor), currency: 'COP' }, when);
  return {
    orderId,
    placed: (when: Date) => change(null, 'AWAITING_PAYMENT', when),
    paid: (when: Date) => [payment('CAPTURED', when), change('AWAITING_PAYMENT', 'PAID', when)],
    expired: (when: Date) => change('AWAITING_PAYMENT', 'CANCELLED', when, 'EXPIRED'),
    cancelledAfterPaying: (when: Date) => change('PAID', 'CANCELLED', when, 'CUSTOMER'),
    refunded: (when: Date, id = paymentId) => payment('REFUNDED', when, id),
  };
}

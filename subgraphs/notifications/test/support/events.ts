import { randomUUID } from 'node:crypto';
import { demo } from '@shop/demo-store';
import { stockLow, stockSoldOut } from '@shop/inventory/contract';
import { orderStatusChanged, type OrderStatusChangedPayload } from '@shop/orders/contract';
import { paymentStatusChanged } from '@shop/payments/contract';
import { ticketCreated, ticketReplied, ticketStatusChanged } from '@shop/support/contract';

/** Events as their publishers create them, about the demo store's accounts and products unless told otherwise. */
export const product = demo.products[3]!;
export const seller = demo.sellers.find((s) => s.id === product.sellerId)!;

export function orderChange(customerId: string, from: OrderStatusChangedPayload['from'], to: OrderStatusChangedPayload['to'], extra: Partial<OrderStatusChangedPayload> = {}) {
  return orderStatusChanged.create({
    orderId: extra.orderId ?? randomUUID(), customerId, from, to, reason: null,
    lines: [{ productId: product.id, quantity: 1 }], number: 'ORD-000042', total: { amountMinor: 24_990_050, currency: 'COP' }, ...extra,
  });
}

export const failedPayment = (customerId: string, orderId = randomUUID()) =>
  paymentStatusChanged.create({ paymentId: randomUUID(), orderId, customerId, status: 'FAILED', failureReason: 'card 4111111111111111 declined: token tok_secret_123', amountMinor: '24990050', currency: 'COP' });
export const capturedPayment = (customerId: string) =>
  paymentStatusChanged.create({ paymentId: randomUUID(), orderId: randomUUID(), customerId, status: 'CAPTURED', failureReason: null, amountMinor: '100', currency: 'COP' });

export const lowStock = (sellerId = seller.id, productId = product.id) => stockLow.create({ productId, sellerId, available: 2, threshold: 5 });
export const soldOut = (sellerId = seller.id, productId = product.id) => stockSoldOut.create({ productId, sellerId });

export function ticketEvents(customerId: string) {
  const ticketId = randomUUID();
  const base = { ticketId, number: 'TKT-000007', customerId };
  return {
    ticketId,
    created: ticketCreated.create({
      ...base, orderId: randomUUID(), orderNumber: 'ORD-000042', subject: 'Where is my hammock?', message: 'I paid a week ago and nothing has arrived yet.',
      orderTotal: { amountMinor: 24_990_050, currency: 'COP' }, createdAt: new Date().toISOString(),
    }),
    staffReply: ticketReplied.create({ ...base, messageId: randomUUID(), authorId: demo.admin.id, byStaff: true, excerpt: 'It left the workshop today.' }),
    customerReply: ticketReplied.create({ ...base, messageId: randomUUID(), authorId: customerId, byStaff: false, excerpt: 'Thank you!' }),
    takenUp: ticketStatusChanged.create({ ...base, from: 'OPEN', to: 'IN_PROGRESS', by: demo.admin.id }),
    closedByCustomer: ticketStatusChanged.create({ ...base, from: 'RESOLVED', to: 'CLOSED', by: customerId }),
  };
}

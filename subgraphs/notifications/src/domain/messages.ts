import { formatMinor } from '@shop/common';
import type { OrderStatusChangedPayload } from '@shop/orders/contract';
import type { PaymentStatusChangedPayload } from '@shop/payments/contract';
import type { StockLowPayload, StockSoldOutPayload } from '@shop/inventory/contract';
import type { TicketCreatedPayload, TicketRepliedPayload, TicketStatusChangedPayload } from '@shop/support/contract';
import type { NotificationKind } from '../db/schema.js';

/** A notification to create: who gets it and what it says (English; the storefront links to `link`). */
export interface Draft {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
}

/** Storefront paths the notifications link to (web/src/app/App.tsx). */
export const links = {
  order: (orderId: string) => `/orders/${orderId}`,
  sellerProduct: (productId: string) => `/seller/products/${productId}`,
  ticket: (ticketId: string) => `/support/tickets/${ticketId}`,
  adminTicket: (ticketId: string) => `/admin/tickets/${ticketId}`,
  /** The profile page, with the e-mail preferences. */
  preferences: '/profile',
};

const money = (amountMinor: number | string, currency: string) => `${formatMinor(BigInt(amountMinor))} ${currency}`;
/** Text a customer wrote, cut to fit a title or a line of a body. */
const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
const statusWord = (status: string) => status.toLowerCase().replace('_', ' ');

const CANCELLATION_BODY = {
  EXPIRED: 'It was cancelled because its payment did not arrive in time.',
  CUSTOMER: 'You cancelled it.',
  ADMIN: 'The shop cancelled it.',
} as const;

/** The customer's notification for an order's status change; null for a change they are not told about. */
export function orderMessage(change: OrderStatusChangedPayload): Draft | null {
  const order = change.number ? `Order ${change.number}` : 'Your order';
  const total = change.total ? ` of ${money(change.total.amountMinor, change.total.currency)}` : '';
  const draft = (kind: NotificationKind, title: string, body: string): Draft => ({ userId: change.customerId, kind, title, body, link: links.order(change.orderId) });
  if (change.from === null) return draft('ORDER_PLACED', `${order} was placed`, `We received your order${total}. It is waiting for payment.`);
  switch (change.to) {
    case 'PAID':
      return draft('ORDER_PAID', `${order} is paid`, `Your payment${total} was received. We are preparing your order.`);
    case 'SHIPPED':
      return draft('ORDER_SHIPPED', `${order} was shipped`, 'Your order is on its way.');
    case 'DELIVERED':
      return draft('ORDER_DELIVERED', `${order} was delivered`, 'Your order was delivered. Thank you for buying handmade!');
    case 'CANCELLED': {
      const why = change.reason ? CANCELLATION_BODY[change.reason] : 'Your order was cancelled.';
      // payments refunds a paid order that is cancelled (its consumer of this very event).
      return draft('ORDER_CANCELLED', `${order} was cancelled`, change.from === 'PAID' ? `${why} Your payment${total} is being refunded.` : why);
    }
    default:
      return null;
  }
}

/**
 * The customer's notification for a failed payment; other payment states say nothing (the order's own events do).
 * The provider's failure reason is left out: it is not written for customers and may name the card.
 */
export function paymentMessage(payment: PaymentStatusChangedPayload): Draft | null {
  if (payment.status !== 'FAILED') return null;
  return {
    userId: payment.customerId,
    kind: 'PAYMENT_FAILED',
    title: 'A payment failed',
    body: `Your payment of ${money(payment.amountMinor, payment.currency)} could not be completed. You can try again from the order's page.`,
    link: links.order(payment.orderId),
  };
}

/** The seller's notifications for their product's stock; `product` is its name when known. */
export function lowStockMessage(low: StockLowPayload, product: string | null): Draft {
  const what = product ? `“${clip(product, 80)}”` : 'one of your products';
  return {
    userId: low.sellerId,
    kind: 'LOW_STOCK',
    title: `Low stock: ${product ? clip(product, 80) : 'a product'}`,
    body: `Only ${low.available} ${low.available === 1 ? 'unit is' : 'units are'} left of ${what} (your low-stock threshold is ${low.threshold}).`,
    link: links.sellerProduct(low.productId),
  };
}

export function soldOutMessage(soldOut: StockSoldOutPayload, product: string | null): Draft {
  return {
    userId: soldOut.sellerId,
    kind: 'SOLD_OUT',
    title: `Sold out: ${product ? clip(product, 80) : 'a product'}`,
    body: `${product ? `“${clip(product, 80)}”` : 'One of your products'} has no units left to sell. Restock it to sell it again.`,
    link: links.sellerProduct(soldOut.productId),
  };
}

/** Everyone told about a ticket: its customer and every admin, except whoever did what is being told. */
const ticketAudience = (customerId: string, admins: readonly string[], actor: string | null) => {
  const others = (id: string) => id !== actor;
  return { customer: others(customerId) ? customerId : null, admins: [...new Set(admins)].filter((id) => others(id) && id !== customerId) };
};

export function ticketOpenedMessages(ticket: TicketCreatedPayload, admins: readonly string[]): Draft[] {
  const audience = ticketAudience(ticket.customerId, admins, null);
  const subject = clip(ticket.subject, 80);
  return [
    ...(audience.customer
      ? [{ userId: audience.customer, kind: 'TICKET_OPENED' as const, title: `Ticket ${ticket.number} opened`, body: `We received your request “${subject}” about order ${ticket.orderNumber}. We will answer on the ticket's page.`, link: links.ticket(ticket.ticketId) }]
      : []),
    ...audience.admins.map((userId) => ({
      userId,
      kind: 'TICKET_OPENED' as const,
      title: `New ticket ${ticket.number}: ${subject}`,
      body: `About order ${ticket.orderNumber} (${money(ticket.orderTotal.amountMinor, ticket.orderTotal.currency)}): “${clip(ticket.message, 140)}”`,
      link: links.adminTicket(ticket.ticketId),
    })),
  ];
}

export function ticketRepliedMessages(reply: TicketRepliedPayload, admins: readonly string[]): Draft[] {
  const audience = ticketAudience(reply.customerId, admins, reply.authorId);
  const excerpt = `“${clip(reply.excerpt, 140)}”`;
  return [
    ...(audience.customer ? [{ userId: audience.customer, kind: 'TICKET_REPLIED' as const, title: `New reply on ticket ${reply.number}`, body: excerpt, link: links.ticket(reply.ticketId) }] : []),
    ...audience.admins.map((userId) => ({
      userId,
      kind: 'TICKET_REPLIED' as const,
      title: `${reply.byStaff ? 'Staff' : 'The customer'} replied on ticket ${reply.number}`,
      body: excerpt,
      link: links.adminTicket(reply.ticketId),
    })),
  ];
}

export function ticketStatusMessages(change: TicketStatusChangedPayload, admins: readonly string[]): Draft[] {
  const audience = ticketAudience(change.customerId, admins, change.by);
  const title = `Ticket ${change.number} is ${statusWord(change.to)}`;
  const body = `Its status changed from ${statusWord(change.from)} to ${statusWord(change.to)}.`;
  return [
    ...(audience.customer ? [{ userId: audience.customer, kind: 'TICKET_STATUS_CHANGED' as const, title, body, link: links.ticket(change.ticketId) }] : []),
    ...audience.admins.map((userId) => ({ userId, kind: 'TICKET_STATUS_CHANGED' as const, title, body, link: links.adminTicket(change.ticketId) })),
  ];
}

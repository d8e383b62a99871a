import type { OrderStatusChangedPayload } from '@shop/orders/contract';
import type { PaymentStatusChangedPayload } from '@shop/payments/contract';
import type { StockBackInStockPayload, StockLowPayload, StockSoldOutPayload } from '@shop/inventory/contract';
import type { ReorderSuggestedPayload } from '@shop/purchasing/contract';
import type { TicketCreatedPayload, TicketRepliedPayload, TicketStatusChangedPayload } from '@shop/support/contract';
import type { NotificationKind } from '../db/schema.js';

/** A notification to create: who gets it and what it says (Spanish, in the storefront's tú; the storefront links to `link`). */
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
  product: (productId: string) => `/products/${productId}`,
  sellerProduct: (productId: string) => `/seller/products/${productId}`,
  ticket: (ticketId: string) => `/support/tickets/${ticketId}`,
  adminTicket: (ticketId: string) => `/admin/tickets/${ticketId}`,
  /** The profile page, with the e-mail preferences. */
  preferences: '/profile',
};

const LOCALE = 'es-CO';
const integers = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
/** A whole number as es-CO writes it ("1.500"). */
const count = (n: number) => integers.format(n);
/**
 * Money as the storefront shows it (web/src/lib/money.ts: "$ 249.900", cents only when there are some: "$ 249.900,50"),
 * exact from the minor units, with plain spaces: the same text goes into plain-text e-mails.
 */
export function money(amountMinor: number | string, currency: string): string {
  const minor = BigInt(amountMinor);
  const digits = new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const exponent = Math.max(2, digits);
  const scale = 10n ** BigInt(exponent);
  const abs = minor < 0n ? -minor : minor;
  const cents = (abs % scale).toString().padStart(exponent, '0').replace(/0+$/, '');
  const whole = new Intl.NumberFormat(LOCALE, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).formatToParts(abs / scale);
  let last = -1;
  whole.forEach((part, i) => (part.type === 'integer' || part.type === 'group' ? (last = i) : undefined));
  const text = whole.map((part, i) => (i === last && cents ? `${part.value},${cents.padEnd(2, '0')}` : part.value)).join('');
  return `${minor < 0n ? '-' : ''}${text}`.replace(/[\u00a0\u202f]/g, ' ');
}
/** Text a customer wrote, cut to fit a title or a line of a body. */
const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
/** A ticket's status as the storefront names it (web/src/lib/labels.tsx), in lower case for a sentence. */
const TICKET_STATUS: Record<string, string> = { OPEN: 'abierto', IN_PROGRESS: 'en curso', RESOLVED: 'resuelto', CLOSED: 'cerrado' };
const statusWord = (status: string) => TICKET_STATUS[status] ?? status.toLowerCase().replace('_', ' ');

const CANCELLATION_BODY = {
  EXPIRED: 'Se canceló porque el pago no llegó a tiempo.',
  CUSTOMER: 'Lo cancelaste tú.',
  ADMIN: 'La tienda lo canceló.',
} as const;

/** The customer's notification for an order's status change; null for a change they are not told about. */
export function orderMessage(change: OrderStatusChangedPayload): Draft | null {
  const order = change.number ? `Tu pedido ${change.number}` : 'Tu pedido';
  const total = change.total ? ` de ${money(change.total.amountMinor, change.total.currency)}` : '';
  const draft = (kind: NotificationKind, title: string, body: string): Draft => ({ userId: change.customerId, kind, title, body, link: links.order(change.orderId) });
  if (change.from === null) return draft('ORDER_PLACED', `${order} quedó registrado`, `Recibimos tu pedido${total}. Está esperando el pago.`);
  switch (change.to) {
    case 'PAID':
      return draft('ORDER_PAID', `${order} está pagado`, `Recibimos tu pago${total}. Estamos preparando tu pedido.`);
    case 'SHIPPED':
      return draft('ORDER_SHIPPED', `${order} fue enviado`, 'Tu pedido va en camino.');
    case 'DELIVERED':
      return draft('ORDER_DELIVERED', `${order} fue entregado`, 'Tu pedido fue entregado. ¡Gracias por comprar hecho a mano!');
    case 'CANCELLED': {
      const why = change.reason ? CANCELLATION_BODY[change.reason] : 'Tu pedido fue cancelado.';
      // payments refunds a paid order that is cancelled (its consumer of this very event).
      return draft('ORDER_CANCELLED', `${order} fue cancelado`, change.from === 'PAID' ? `${why} Estamos reembolsando tu pago${total}.` : why);
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
    title: 'Tu pago no se pudo completar',
    body: `Tu pago de ${money(payment.amountMinor, payment.currency)} no se pudo completar. Puedes intentarlo de nuevo desde la página del pedido.`,
    link: links.order(payment.orderId),
  };
}

/** The seller's notifications for their product's stock; `product` is its name when known. */
export function lowStockMessage(low: StockLowPayload, product: string | null): Draft {
  const what = product ? `“${clip(product, 80)}”` : 'uno de tus productos';
  return {
    userId: low.sellerId,
    kind: 'LOW_STOCK',
    title: `Pocas existencias: ${product ? clip(product, 80) : 'un producto'}`,
    body: `${low.available === 1 ? 'Solo queda 1 unidad' : `Solo quedan ${count(low.available)} unidades`} de ${what} (tu umbral de pocas existencias es ${count(low.threshold)}).`,
    link: links.sellerProduct(low.productId),
  };
}

export function soldOutMessage(soldOut: StockSoldOutPayload, product: string | null): Draft {
  return {
    userId: soldOut.sellerId,
    kind: 'SOLD_OUT',
    title: `Agotado: ${product ? clip(product, 80) : 'un producto'}`,
    body: `${product ? `“${clip(product, 80)}”` : 'Uno de tus productos'} ya no tiene unidades para vender. Repón existencias para volver a venderlo.`,
    link: links.sellerProduct(soldOut.productId),
  };
}

/** Each watcher's notification that a favourite of theirs has units again (stock.back_in_stock). */
export function backInStockMessages(back: StockBackInStockPayload, product: string | null, watchers: readonly string[]): Draft[] {
  const units = back.available === 1 ? 'Queda 1 unidad' : `Hay ${count(back.available)} unidades`;
  return watchers.map((userId) => ({
    userId,
    kind: 'BACK_IN_STOCK' as const,
    title: `De nuevo disponible: ${product ? clip(product, 80) : 'uno de tus favoritos'}`,
    body: `${product ? `“${clip(product, 80)}”, uno de tus favoritos,` : 'Uno de tus favoritos'} volvió a tener existencias. ${units} disponible${back.available === 1 ? '' : 's'}.`,
    link: links.product(back.productId),
  }));
}

/** The seller's notification that purchasing drafted a reorder for their product (reorder.suggested). */
export function reorderSuggestedMessage(suggestion: ReorderSuggestedPayload, product: string | null): Draft {
  const what = product ? `“${clip(product, 80)}”` : 'uno de tus productos';
  return {
    userId: suggestion.sellerId,
    kind: 'REORDER_SUGGESTED',
    title: `Reposición sugerida: ${product ? clip(product, 80) : 'un producto'}`,
    body: `Quedan pocas existencias de ${what}. Preparamos un borrador de pedido de ${count(suggestion.quantity)} ${suggestion.quantity === 1 ? 'unidad' : 'unidades'} a su proveedor: revísalo y envíalo.`,
    link: links.sellerProduct(suggestion.productId),
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
      ? [{ userId: audience.customer, kind: 'TICKET_OPENED' as const, title: `Abrimos tu ticket ${ticket.number}`, body: `Recibimos tu solicitud “${subject}” sobre el pedido ${ticket.orderNumber}. Te responderemos en la página del ticket.`, link: links.ticket(ticket.ticketId) }]
      : []),
    ...audience.admins.map((userId) => ({
      userId,
      kind: 'TICKET_OPENED' as const,
      title: `Nuevo ticket ${ticket.number}: ${subject}`,
      body: `Sobre el pedido ${ticket.orderNumber} (${money(ticket.orderTotal.amountMinor, ticket.orderTotal.currency)}): “${clip(ticket.message, 140)}”`,
      link: links.adminTicket(ticket.ticketId),
    })),
  ];
}

export function ticketRepliedMessages(reply: TicketRepliedPayload, admins: readonly string[]): Draft[] {
  const audience = ticketAudience(reply.customerId, admins, reply.authorId);
  const excerpt = `“${clip(reply.excerpt, 140)}”`;
  return [
    ...(audience.customer ? [{ userId: audience.customer, kind: 'TICKET_REPLIED' as const, title: `Nueva respuesta en tu ticket ${reply.number}`, body: excerpt, link: links.ticket(reply.ticketId) }] : []),
    ...audience.admins.map((userId) => ({
      userId,
      kind: 'TICKET_REPLIED' as const,
      title: `${reply.byStaff ? 'El equipo' : 'El cliente'} respondió en el ticket ${reply.number}`,
      body: excerpt,
      link: links.adminTicket(reply.ticketId),
    })),
  ];
}

export function ticketStatusMessages(change: TicketStatusChangedPayload, admins: readonly string[]): Draft[] {
  const audience = ticketAudience(change.customerId, admins, change.by);
  const title = `El ticket ${change.number} está ${statusWord(change.to)}`;
  const body = `Su estado cambió de ${statusWord(change.from)} a ${statusWord(change.to)}.`;
  return [
    ...(audience.customer ? [{ userId: audience.customer, kind: 'TICKET_STATUS_CHANGED' as const, title, body, link: links.ticket(change.ticketId) }] : []),
    ...audience.admins.map((userId) => ({ userId, kind: 'TICKET_STATUS_CHANGED' as const, title, body, link: links.adminTicket(change.ticketId) })),
  ];
}

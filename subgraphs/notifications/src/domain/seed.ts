import { count } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { demo, stableId } from '@shop/demo-store';
import { notifications, type NotificationsSchema } from '../db/schema.js';
import { lowStockMessage, orderMessage, soldOutMessage, ticketOpenedMessages, ticketRepliedMessages, type Draft } from './messages.js';

/** support's demo ticket (its seed): TKT-000001 about the demo order, answered by the demo admin. */
const demoTicketId = stableId('ticket', 'demo-1');

/**
 * A few notifications for the demo accounts, so the first start shows the bell with something: the customer's past
 * order and the reply on their ticket (unread), the ticket for the admin, and stock news for a seller. In-app only:
 * no e-mail for seeded history. Runs once (an empty table).
 */
export async function seedDemoNotifications(db: Database<NotificationsSchema>): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(notifications);
  if ((existing?.n ?? 0) > 0) return;
  const order = demo.pastOrder;
  const change = { orderId: order.id, customerId: order.customerId, reason: null, lines: [], number: order.number, total: { amountMinor: Number(demo.pastOrderTotalMinor), currency: order.currency } };
  const openedAt = new Date(order.createdAt.getTime() + 2 * 86_400_000);
  const ticket = {
    ticketId: demoTicketId, number: 'TKT-000001', orderId: order.id, orderNumber: order.number, customerId: order.customerId,
    subject: '¿Cuándo llega mi pedido?', message: 'Hola, pagué hace dos días y aún no tengo noticias del envío. ¿Me pueden ayudar?', orderTotal: change.total, createdAt: openedAt.toISOString(),
  };
  const reply = { ticketId: demoTicketId, number: ticket.number, customerId: order.customerId, messageId: stableId('ticket-message', 'demo-1-reply'), authorId: demo.admin.id, byStaff: true, excerpt: 'Hola, ya estamos revisando tu pedido con el taller; te escribimos en cuanto salga.' };
  const soldOut = demo.products[7]!; // the demo stock leaves product 7 at 0 units
  const low = demo.products[1]!;
  const minutesAfter = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);
  const entry = (draft: Draft, createdAt: Date, read: boolean) => ({ ...draft, createdAt, readAt: read ? minutesAfter(createdAt, 5) : null });
  await db.insert(notifications).values([
    entry(orderMessage({ ...change, from: null, to: 'AWAITING_PAYMENT' })!, order.createdAt, true),
    entry(orderMessage({ ...change, from: 'AWAITING_PAYMENT', to: 'PAID' })!, minutesAfter(order.createdAt, 1), true),
    ...ticketOpenedMessages(ticket, [demo.admin.id]).map((draft) => entry(draft, openedAt, draft.userId === order.customerId)),
    ...ticketRepliedMessages(reply, [demo.admin.id]).map((draft) => entry(draft, minutesAfter(openedAt, 60), false)),
    entry(soldOutMessage({ productId: soldOut.id, sellerId: soldOut.sellerId }, soldOut.name), minutesAfter(order.createdAt, 24 * 60), false),
    entry(lowStockMessage({ productId: low.id, sellerId: low.sellerId, available: 3, threshold: low.lowStockThreshold }, low.name), minutesAfter(order.createdAt, 25 * 60), false),
  ]);
}

import { count, sql } from 'drizzle-orm';
import { demo, stableId } from '@shop/demo-store';
import type { Database } from '@shop/db';
import { ticketMessages, tickets, ticketStatusHistory, type SupportSchema } from '../db/schema.js';

export const demoTicketId = stableId('ticket', 'demo-1');
export const demoResolvedTicketId = stableId('ticket', 'demo-2');

/**
 * Seeds two tickets about the demo customer's past order, once: TKT-000001 RESOLVED, and TKT-000002 a day later,
 * triaged and answered by the demo admin (IN_PROGRESS, in the queue); the ticket number sequence then continues after them. No events: the
 * other services seed their own.
 */
export async function seedDemoTickets(db: Database<SupportSchema>): Promise<boolean> {
  const [{ existing } = { existing: 0 }] = await db.select({ existing: count() }).from(tickets);
  if (existing > 0) return false;
  const order = demo.pastOrder;
  const openedAt = new Date(order.createdAt.getTime() + 2 * 86_400_000);
  const answeredAt = new Date(openedAt.getTime() + 3_600_000);
  await db.transaction(async (tx) => {
    await tx.insert(tickets).values({
      id: demoTicketId, number: 'TKT-000002', orderId: order.id, orderNumber: order.number, customerId: order.customerId,
      subject: '¿Cuándo llega mi pedido?', status: 'IN_PROGRESS', priority: 'NORMAL', priorityReasons: ['no rule applied: the usual priority'],
      orderStatus: order.status, orderStatusAt: openedAt, createdAt: openedAt, updatedAt: answeredAt,
    });
    await tx.insert(ticketMessages).values([
      { ticketId: demoTicketId, authorId: order.customerId, byStaff: false, body: 'Hola, pagué hace dos días y aún no tengo noticias del envío. ¿Me pueden ayudar?', createdAt: openedAt },
      { ticketId: demoTicketId, authorId: demo.admin.id, byStaff: true, body: 'Hola, ya estamos revisando tu pedido con el taller; te escribimos en cuanto salga.', createdAt: answeredAt },
    ]);
    await tx.insert(ticketStatusHistory).values({ ticketId: demoTicketId, fromStatus: 'OPEN', toStatus: 'IN_PROGRESS', actorId: demo.admin.id, at: answeredAt });

    const askedAt = new Date(order.createdAt.getTime() + 86_400_000);
    const resolvedAt = new Date(askedAt.getTime() + 2 * 3_600_000);
    await tx.insert(tickets).values({
      id: demoResolvedTicketId, number: 'TKT-000001', orderId: order.id, orderNumber: order.number, customerId: order.customerId,
      subject: 'Factura electrónica', status: 'RESOLVED', priority: 'LOW', priorityReasons: ['low-value order'],
      orderStatus: order.status, orderStatusAt: askedAt, createdAt: askedAt, updatedAt: resolvedAt,
    });
    await tx.insert(ticketMessages).values([
      { ticketId: demoResolvedTicketId, authorId: order.customerId, byStaff: false, body: '¿Me pueden enviar la factura electrónica a mi correo?', createdAt: askedAt },
      { ticketId: demoResolvedTicketId, authorId: demo.admin.id, byStaff: true, body: 'Claro, ya te la enviamos. ¡Gracias por tu compra!', createdAt: resolvedAt },
    ]);
    await tx.insert(ticketStatusHistory).values([
      { ticketId: demoResolvedTicketId, fromStatus: 'OPEN', toStatus: 'IN_PROGRESS', actorId: demo.admin.id, at: resolvedAt },
      { ticketId: demoResolvedTicketId, fromStatus: 'IN_PROGRESS', toStatus: 'RESOLVED', actorId: demo.admin.id, at: resolvedAt },
    ]);
    await tx.execute(sql`select setval('ticket_number_seq', greatest(2, (select last_value from ticket_number_seq)))`);
  });
  return true;
}

import { count, sql } from 'drizzle-orm';
import { demo, stableId } from '@shop/demo-store';
import type { Database } from '@shop/db';
import { ticketMessages, tickets, ticketStatusHistory, type SupportSchema, type TicketPriority, type TicketStatus } from '../db/schema.js';

/** TKT-000001, answered by the demo admin (notifications' seed tells the customer about that reply). */
export const demoTicketId = stableId('ticket', 'demo-1');
export const demoResolvedTicketId = stableId('ticket', 'demo-2');

interface DemoTicket {
  /** Its stable ids derive from it (the ticket's, its messages'), as other services' seeds refer to them. */
  key: string;
  id: string;
  number: string;
  subject: string;
  priority: TicketPriority;
  /** Days after the demo order was placed. */
  openedAfterDays: number;
  question: string;
  answer: string;
  /** The statuses the demo admin moved it through when answering, an hour after it was opened. */
  moves: TicketStatus[];
}

/** Two tickets of the demo customer about their past order: one being worked on (in the queue), a later one answered and RESOLVED. */
const demoTickets: DemoTicket[] = [
  {
    key: 'demo-1', id: demoTicketId, number: 'TKT-000001', subject: '¿Cuándo llega mi pedido?', priority: 'NORMAL', openedAfterDays: 2,
    question: 'Hola, pagué hace dos días y aún no tengo noticias del envío. ¿Me pueden ayudar?',
    answer: 'Hola, ya estamos revisando tu pedido con el taller; te escribimos en cuanto salga.', moves: ['IN_PROGRESS'],
  },
  {
    key: 'demo-2', id: demoResolvedTicketId, number: 'TKT-000002', subject: 'Factura electrónica', priority: 'LOW', openedAfterDays: 3,
    question: '¿Me pueden enviar la factura electrónica a mi correo?', answer: 'Claro, ya te la enviamos. ¡Gracias por tu compra!', moves: ['IN_PROGRESS', 'RESOLVED'],
  },
];

/** Seeds the demo tickets once; the ticket number sequence then continues after them. No events: the other services seed their own. */
export async function seedDemoTickets(db: Database<SupportSchema>): Promise<boolean> {
  const [{ existing } = { existing: 0 }] = await db.select({ existing: count() }).from(tickets);
  if (existing > 0) return false;
  const order = demo.pastOrder;
  await db.transaction(async (tx) => {
    for (const t of demoTickets) {
      const openedAt = new Date(order.createdAt.getTime() + t.openedAfterDays * 86_400_000);
      const answeredAt = new Date(openedAt.getTime() + 3_600_000);
      await tx.insert(tickets).values({
        id: t.id, number: t.number, orderId: order.id, orderNumber: order.number, customerId: order.customerId, subject: t.subject,
        status: t.moves.at(-1)!, priority: t.priority, priorityReasons: ['demo data'], orderStatus: order.status, orderStatusAt: openedAt, createdAt: openedAt, updatedAt: answeredAt,
      });
      await tx.insert(ticketMessages).values([
        { id: stableId('ticket-message', `${t.key}-question`), ticketId: t.id, authorId: order.customerId, byStaff: false, body: t.question, createdAt: openedAt },
        { id: stableId('ticket-message', `${t.key}-reply`), ticketId: t.id, authorId: demo.admin.id, byStaff: true, body: t.answer, createdAt: answeredAt },
      ]);
      await tx.insert(ticketStatusHistory).values(
        t.moves.map((to, i) => ({ ticketId: t.id, fromStatus: i === 0 ? ('OPEN' as const) : t.moves[i - 1]!, toStatus: to, actorId: demo.admin.id, at: answeredAt })),
      );
    }
    await tx.execute(sql`select setval('ticket_number_seq', greatest(${demoTickets.length}, (select last_value from ticket_number_seq)))`);
  });
  return true;
}

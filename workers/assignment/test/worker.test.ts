import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { InProcessEventBus, newEvent, type DomainEvent } from '@shop/events';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { paymentStatusChanged } from '@shop/payments/contract';
import { ticketCreated, ticketStatusChanged, type TicketCreatedPayload } from '@shop/support/contract';
import { createTestDatabase, scrapeMetrics } from '@shop/testing';
import { ticketPrioritized, type TicketPrioritizedPayload } from '../src/contract.js';
import { eq } from 'drizzle-orm';
import { assignments, knownTickets, type AssignmentSchema } from '../src/db/schema.js';
import { assignment } from '../src/worker.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let bus: InProcessEventBus;
let worker: RunningSubgraph<AssignmentSchema, object>;
const prioritized: DomainEvent<TicketPrioritizedPayload>[] = [];

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseUrl'), 'assignment_worker');
  bus = new InProcessEventBus(20);
  await bus.broadcast([ticketPrioritized.type], async (event) => void prioritized.push(event as DomainEvent<TicketPrioritizedPayload>));
  worker = await startSubgraph(assignment, { config: { PORT: 0, DATABASE_URL: database.url }, bus });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await bus?.close();
  await database?.drop();
});

let ticketNo = 0;
const newTicket = (over: Partial<TicketCreatedPayload> = {}): TicketCreatedPayload => ({
  ticketId: randomUUID(),
  number: `TKT-${String(++ticketNo).padStart(6, '0')}`,
  orderId: randomUUID(),
  orderNumber: 'ORD-000001',
  customerId: randomUUID(),
  subject: 'Una pregunta',
  message: 'Hola',
  orderTotal: { amountMinor: 200_000_00, currency: 'COP' },
  createdAt: new Date().toISOString(),
  ...over,
});
const prioritizedFor = (ticketId: string) => prioritized.filter((event) => event.payload.ticketId === ticketId);
const decided = async (ticketId: string) => {
  await expect.poll(() => prioritizedFor(ticketId).length, { timeout: 10_000 }).toBeGreaterThan(0);
  return prioritizedFor(ticketId)[0]!.payload;
};
const settle = async () => {
  await bus.drain();
  await worker.relay.flush();
  await bus.drain();
};

describe('the assignment worker', () => {
  it('triages a new ticket and publishes ticket.prioritized with the reasons', async () => {
    const ticket = newTicket({ message: 'Me hicieron un cobro doble' });
    await bus.publish(ticketCreated.create(ticket));
    expect(await decided(ticket.ticketId)).toEqual({ ticketId: ticket.ticketId, priority: 'URGENT', reasons: ['mentions fraud or a double charge ("cobro doble")'] });
  });

  it('publishes one ticket.prioritized for a ticket.created delivered again, and for a copy under another event id', async () => {
    const ticket = newTicket();
    const event = ticketCreated.create(ticket);
    await bus.publish(event);
    await bus.publish(event);
    await bus.publish({ ...event, id: randomUUID() });
    await decided(ticket.ticketId);
    await settle();
    expect(prioritizedFor(ticket.ticketId)).toHaveLength(1);
    expect(await worker.db.select().from(assignments).then((rows) => rows.filter((row) => row.ticketId === ticket.ticketId))).toHaveLength(1);
    const metrics = await scrapeMetrics(`${worker.url.replace(/\/$/, '')}/metrics`);
    expect(metrics.value('events_consumed_total', { type: 'ticket.created', outcome: 'duplicate' })).toBeGreaterThanOrEqual(1);
  });

  it('counts a failed payment of the ticket\'s order (once per payment, however often it comes)', async () => {
    const orderId = randomUUID();
    const payment = paymentStatusChanged.create({ paymentId: randomUUID(), orderId, customerId: randomUUID(), status: 'FAILED', failureReason: 'DECLINED', amountMinor: '100', currency: 'COP' });
    await bus.publish(payment);
    await bus.publish({ ...payment, id: randomUUID() });
    // A captured payment is none of the worker's business.
    await bus.publish(paymentStatusChanged.create({ ...payment.payload, paymentId: randomUUID(), status: 'CAPTURED' }));
    await settle();
    const ticket = newTicket({ orderId });
    await bus.publish(ticketCreated.create(ticket));
    expect(await decided(ticket.ticketId)).toMatchObject({ priority: 'HIGH', reasons: ['the order has 1 failed payment'] });
  });

  it("counts the customer's other open tickets, not the closed ones", async () => {
    const customerId = randomUUID();
    const earlier = [newTicket({ customerId }), newTicket({ customerId }), newTicket({ customerId })];
    for (const ticket of earlier) await bus.publish(ticketCreated.create(ticket));
    for (const ticket of earlier) await decided(ticket.ticketId);
    // With three others open, a new ticket gets the point; after one of them is closed, the next does not.
    const fourth = newTicket({ customerId });
    await bus.publish(ticketCreated.create(fourth));
    expect((await decided(fourth.ticketId)).reasons).toEqual(['the customer has 3 other open tickets']);
    for (const ticket of earlier.slice(0, 2)) {
      await bus.publish(ticketStatusChanged.create({ ticketId: ticket.ticketId, number: ticket.number, customerId, from: 'OPEN', to: 'CLOSED', by: customerId }));
    }
    await settle();
    const fifth = newTicket({ customerId });
    await bus.publish(ticketCreated.create(fifth));
    expect((await decided(fifth.ticketId)).reasons).toEqual(['no rule applied: the usual priority']);
  });

  it('keeps a status change that arrives before its ticket.created (the ticket is not counted as open)', async () => {
    const ticket = newTicket();
    await bus.publish(ticketStatusChanged.create({ ticketId: ticket.ticketId, number: ticket.number, customerId: ticket.customerId, from: 'OPEN', to: 'CLOSED', by: ticket.customerId }));
    await settle();
    await bus.publish(ticketCreated.create(ticket));
    await decided(ticket.ticketId);
    const [row] = await worker.db.select().from(knownTickets).where(eq(knownTickets.ticketId, ticket.ticketId));
    expect(row).toMatchObject({ customerId: ticket.customerId, status: 'CLOSED' });
  });

  it('acknowledges an event that does not match its contract without effect', async () => {
    await bus.publish(newEvent('support', ticketCreated.type, randomUUID(), { ticketId: 'not-a-uuid' }));
    await settle();
    const metrics = await scrapeMetrics(`${worker.url.replace(/\/$/, '')}/metrics`);
    expect(metrics.value('events_consumed_total', { type: 'ticket.created', outcome: 'malformed' })).toBe(1);
  });
});

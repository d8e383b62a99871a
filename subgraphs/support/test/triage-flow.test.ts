import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assignment } from '@shop/assignment';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { paymentStatusChanged } from '@shop/payments/contract';
import { createTestDatabase } from '@shop/testing';
import { collect, OPEN_TICKET, REPLY, startHarness, TICKET, wsClient, type Harness } from './support/harness.js';

/** support and the assignment worker on one bus, as the embedded start runs them: a ticket is triaged and the priority shows. */
let h: Harness;
let workerDb: Awaited<ReturnType<typeof createTestDatabase>>;
let worker: RunningSubgraph<any, any>;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'support_triage');
  workerDb = await createTestDatabase(inject('databaseUrl'), 'support_triage_worker');
  worker = await startSubgraph(assignment, { bus: h.bus, config: { PORT: 0, DATABASE_URL: workerDb.url } });
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await h?.stop();
  await workerDb?.drop();
});

describe('a new ticket through the assignment worker', () => {
  it('open -> triaged by the worker (priority and reasons visible) -> the admin reply is pushed to the customer with the priority', async () => {
    const aliceId = randomUUID();
    const alice = await h.tokenFor(aliceId);
    const admin = await h.tokenFor(randomUUID(), ['ADMIN']);
    const order = h.orders.add(aliceId, { totalMinor: 3_000_000_00 });
    // A failed payment of the order reaches the worker first: with the high value, URGENT.
    await h.bus.publish(paymentStatusChanged.create({ paymentId: randomUUID(), orderId: order.id, customerId: aliceId, status: 'FAILED', failureReason: 'DECLINED', amountMinor: '300000000', currency: 'COP' }));
    await h.settle();
    const { data } = await h.gql(OPEN_TICKET, { input: { orderId: order.id, subject: 'Pago rechazado', message: 'No pude pagar mi pedido.' } }, alice);
    const ticketId = data.openTicket.ticket.id;
    const client = wsClient(h.support.url, alice);
    const live = collect(client, `subscription($id: ID!) { ticketUpdated(ticketId: $id) { priority status messages { body byStaff } } }`, { id: ticketId });
    try {
      await expect.poll(async () => (await h.gql(TICKET, { id: ticketId }, admin)).data.ticket.priority, { timeout: 15_000 }).toBe('URGENT');
      expect((await h.gql(TICKET, { id: ticketId }, admin)).data.ticket.priorityReasons).toEqual(['the order has 1 failed payment', 'high-value order (3000000 COP)']);
      await h.gql(REPLY, { id: ticketId, m: 'Ya revisamos el cobro.' }, admin);
      await expect.poll(() => live.results.some((r) => r.data?.ticketUpdated.messages.some((m: any) => m.byStaff)), { timeout: 10_000 }).toBe(true);
      expect(live.results.at(-1)!.data.ticketUpdated).toMatchObject({ priority: 'URGENT', status: 'IN_PROGRESS' });
    } finally {
      live.unsubscribe();
      await client.dispose();
    }
  });
});

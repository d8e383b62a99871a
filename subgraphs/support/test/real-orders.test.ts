import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { InProcessEventBus, outbox } from '@shop/events';
import { eq } from 'drizzle-orm';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { orders as ordersSubgraph } from '@shop/orders';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import { support } from '../src/subgraph.js';
import { OPEN_TICKET } from './support/harness.js';

/**
 * openTicket against the real orders subgraph: support asks it for the order through _entities with its service
 * token (Order is @ownerOrAdmin there: only a verified service sees any order), and the seeded demo order answers.
 */
let databases: Awaited<ReturnType<typeof createTestDatabase>>[] = [];
let services: RunningSubgraph<any, any>[] = [];
let bus: InProcessEventBus;
let issue: (id: string) => Promise<string>;
let supportUrl: string;

beforeAll(async () => {
  databases = [await createTestDatabase(inject('databaseUrl'), 'support_real_orders_o'), await createTestDatabase(inject('databaseUrl'), 'support_real_orders_s')];
  const keys = await generateKeyPairPem();
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  issue = (id) => issuer.issue({ id, roles: ['CUSTOMER'] });
  bus = new InProcessEventBus(20);
  const orders = await startSubgraph(ordersSubgraph, { bus, config: { PORT: 0, DATABASE_URL: databases[0]!.url, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', EXPIRY_SWEEP_INTERVAL: 3_600_000 } });
  services.push(orders);
  const supportServer = await startSubgraph(support, { bus, config: { PORT: 0, DATABASE_URL: databases[1]!.url, JWT_PUBLIC_KEY: keys.publicKeyPem, ORDERS_URL: orders.url, SEED_DEMO: 'false' } });
  services.push(supportServer);
  supportUrl = supportServer.url;
}, 60_000);

afterAll(async () => {
  for (const service of services.reverse()) await service.stop();
  await bus?.close();
  for (const database of databases) await database.drop();
});

describe('openTicket with the real orders subgraph', () => {
  it("opens a ticket on the customer's own order with the status, number and total orders answers (in ticket.created)", async () => {
    const input = { orderId: demo.pastOrder.id, subject: 'Factura', message: 'Necesito la factura.' };
    const { data } = await graphqlRequest(supportUrl, OPEN_TICKET, { input }, await issue(demo.customer.id));
    expect(data.openTicket.errors).toEqual([]);
    expect(data.openTicket.ticket).toMatchObject({ orderStatus: demo.pastOrder.status, order: { id: demo.pastOrder.id }, customer: { id: demo.customer.id } });
    const [created] = await services[1]!.db.select({ payload: outbox.payload }).from(outbox).where(eq(outbox.aggregateId, data.openTicket.ticket.id));
    expect(created!.payload).toMatchObject({ orderNumber: demo.pastOrder.number, orderTotal: { amountMinor: Number(demo.pastOrderTotalMinor), currency: demo.pastOrder.currency } });
  });

  it("answers NOT_FOUND for another customer's order and for an unknown one", async () => {
    const stranger = await issue(randomUUID());
    for (const orderId of [demo.pastOrder.id, randomUUID()]) {
      const { data } = await graphqlRequest(supportUrl, OPEN_TICKET, { input: { orderId, subject: 'Hola', message: 'Hola' } }, stranger);
      expect(data.openTicket.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'orderId'] })]);
    }
  });
});

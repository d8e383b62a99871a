import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem, type TokenIssuer } from '@shop/auth';
import { createTestDatabase, freePort, graphqlRequest, scrapeMetrics, startRabbitMq, startServiceProcess, type ServiceProcess } from '@shop/testing';
import { startFakeOrders, type FakeOrdersServer } from './support/fake-orders.js';
import { OPEN_TICKET } from './support/harness.js';

/**
 * support and the assignment worker as separate processes (platform/src/serve.ts, as containers run them) through a
 * real RabbitMQ: a ticket is triaged across processes, and a ticket opened while the worker is down is triaged when
 * it comes back (its queue is durable), each once.
 */
let rabbit: Awaited<ReturnType<typeof startRabbitMq>>;
let orders: FakeOrdersServer;
let issuer: TokenIssuer;
let support: ServiceProcess;
let worker: ServiceProcess;
const dbs: { url: string; drop(): Promise<void> }[] = [];
let workerSql: postgres.Sql;

beforeAll(async () => {
  // What does not need the broker is made while it boots; the two processes then start side by side.
  const keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const [broker, fakeOrders, [supportDb, workerDb]] = await Promise.all([
    startRabbitMq(),
    startFakeOrders(keys.publicKeyPem),
    Promise.all(['dist_support', 'dist_assignment'].map((p) => createTestDatabase(inject('databaseUrl'), p))),
  ]);
  rabbit = broker;
  orders = fakeOrders;
  dbs.push(supportDb!, workerDb!);
  const common = { JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'false', EVENT_BUS: 'rabbitmq', RABBITMQ_URL: rabbit.url };
  [support, worker] = await Promise.all([
    startServiceProcess('support', 'platform/src/serve.ts support', await freePort(), { ...common, DATABASE_URL: supportDb!.url, ORDERS_URL: orders.url }),
    startServiceProcess('assignment', 'platform/src/serve.ts assignment', await freePort(), { ...common, DATABASE_URL: workerDb!.url }),
  ]);
  workerSql = postgres(workerDb!.url, { max: 2, onnotice: () => {} });
}, 240_000);

afterAll(async () => {
  await Promise.allSettled([support, worker].filter(Boolean).map((p) => p.stop()));
  await orders?.stop();
  await workerSql?.end();
  for (const db of dbs) await db.drop();
  await rabbit?.stop();
}, 60_000);

async function openTicket(message: string): Promise<string> {
  const customerId = randomUUID();
  const order = orders.add(customerId);
  const res = await graphqlRequest(support.url, OPEN_TICKET, { input: { orderId: order.id, subject: 'Ayuda', message } }, await issuer.issue({ id: customerId, roles: ['CUSTOMER'] }));
  expect(res.data?.openTicket.errors, JSON.stringify(res)).toEqual([]);
  return res.data.openTicket.ticket.id as string;
}
const priorityOf = async (ticketId: string) =>
  (await graphqlRequest(support.url, 'query($id: ID!) { ticket(id: $id) { priority } }', { id: ticketId }, await issuer.issue({ id: randomUUID(), roles: ['ADMIN'] }))).data?.ticket?.priority ?? null;
const untriaged = async () => (await scrapeMetrics(support.url.replace(/\/graphql$/, '/metrics'))).value('support_tickets_untriaged');

describe('support and the assignment worker across processes (RabbitMQ)', () => {
  it('triages a new ticket in the other process', async () => {
    const ticketId = await openTicket('Me hicieron un cobro doble');
    await expect.poll(() => priorityOf(ticketId), { timeout: 20_000, interval: 250 }).toBe('URGENT');
  });

  it('a ticket opened while the worker is down waits untriaged, and is triaged once when it is back', async () => {
    await worker.stop();
    const ticketId = await openTicket('My package never arrived');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await priorityOf(ticketId)).toBeNull();
    expect(await untriaged()).toBe(1);
    await worker.restart();
    await expect.poll(() => priorityOf(ticketId), { timeout: 20_000, interval: 250 }).toBe('HIGH');
    expect(await untriaged()).toBe(0);
    const [decisions] = await workerSql<{ n: number }[]>`select count(*)::int as n from assignments`;
    const [published] = await workerSql<{ n: number }[]>`select count(*)::int as n from outbox where type = 'ticket.prioritized'`;
    expect([decisions!.n, published!.n]).toEqual([2, 2]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { graphqlRequest } from '@shop/testing';
import { support as definition } from '../src/subgraph.js';
import { demoResolvedTicketId, demoTicketId } from '../src/domain/seed.js';
import { startFakeOrders, type FakeOrdersServer } from './support/fake-orders.js';
import { OPEN_TICKET, TICKET } from './support/harness.js';

// The embedded default (`npm start`) runs PostgreSQL in WASM: the same migrations and SQL (the generated priority
// rank, the advisory lock of openTicket, the ticket number sequence) must work there, and the demo seed with them.
let dataDir: string;
let orders: FakeOrdersServer;
let support: RunningSubgraph<any, any>;
let issuer: Awaited<ReturnType<typeof createTokenIssuer>>;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'support-pglite-'));
  const keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  orders = await startFakeOrders(keys.publicKeyPem);
  support = await startSubgraph(definition, { config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', ORDERS_URL: orders.url } });
});
afterAll(async () => {
  await support?.stop();
  await orders?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('on embedded PGlite', () => {
  it("migrates and seeds the demo tickets (the demo customer's, answered by the demo admin), then numbers new tickets after them", async () => {
    const customer = await issuer.issue({ id: demo.customer.id, roles: ['CUSTOMER'] });
    const seeded = (await graphqlRequest(support.url, TICKET, { id: demoTicketId }, customer)).data.ticket;
    expect(seeded).toMatchObject({ number: 'TKT-000001', status: 'IN_PROGRESS', priority: 'NORMAL', order: { id: demo.pastOrder.id }, history: [{ from: 'OPEN', to: 'IN_PROGRESS', by: { id: demo.admin.id } }] });
    expect(seeded.messages.map((m: any) => m.byStaff)).toEqual([false, true]);
    expect((await graphqlRequest(support.url, TICKET, { id: demoResolvedTicketId }, customer)).data.ticket).toMatchObject({ number: 'TKT-000002', status: 'RESOLVED' });
    const order = orders.add(demo.customer.id);
    const opened = (await graphqlRequest(support.url, OPEN_TICKET, { input: { orderId: order.id, subject: 'Otra consulta', message: 'Hola' } }, customer)).data.openTicket;
    expect(opened.errors).toEqual([]);
    expect(opened.ticket.number).toBe('TKT-000003');
    const admin = await issuer.issue({ id: demo.admin.id, roles: ['ADMIN'] });
    const queue = await graphqlRequest(support.url, `{ supportQueue { edges { node { number } } } }`, {}, admin);
    // The new ticket is untriaged (ranked with HIGH), the seeded one NORMAL; the RESOLVED one waits on nobody.
    expect(queue.data.supportQueue.edges.map((e: any) => e.node.number)).toEqual(['TKT-000003', 'TKT-000001']);
  });
});

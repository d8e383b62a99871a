import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { count } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { emailDeliveries, notifications } from '../src/db/schema.js';
import { seedDemoNotifications } from '../src/domain/seed.js';
import { startHarness, queries, type Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'notif_seed', { SEED_DEMO: 'true' });
});
afterAll(async () => h?.stop());

const feedOf = async (id: string, roles: Parameters<Harness['tokenFor']>[1]) =>
  (await graphqlRequest(h.notifications.url, queries.feed, { id }, await h.tokenFor(id, roles))).data._entities[0];

it('gives the demo customer, seller and admin a feed with something unread, and e-mails nobody', async () => {
  const customer = await feedOf(demo.customer.id, ['CUSTOMER']);
  expect(customer.unreadNotificationCount).toBe(1);
  expect(customer.notifications.edges.map((e: any) => e.node.kind)).toEqual(['TICKET_REPLIED', 'TICKET_OPENED', 'ORDER_PAID', 'ORDER_PLACED']);
  expect(customer.notifications.edges[0].node).toMatchObject({ title: 'Nueva respuesta en tu ticket TKT-000001', read: false });
  expect(customer.notifications.edges[3].node).toMatchObject({ title: `Tu pedido ${demo.pastOrder.number} quedó registrado`, link: `/orders/${demo.pastOrder.id}` });

  const soldOutProduct = demo.products[7]!;
  const seller = await feedOf(soldOutProduct.sellerId, ['SELLER', 'CUSTOMER']);
  expect(seller.notifications.edges.map((e: any) => e.node.title)).toContain(`Agotado: ${soldOutProduct.name}`);
  expect(seller.unreadNotificationCount).toBeGreaterThan(0);

  const admin = await feedOf(demo.admin.id, ['ADMIN']);
  expect(admin.notifications.edges.map((e: any) => e.node.kind)).toEqual(['TICKET_OPENED']);
  expect(admin.unreadNotificationCount).toBe(1);

  expect((await h.db.select({ n: count() }).from(emailDeliveries))[0]!.n).toBe(0);
});

it('seeds once: a second start adds nothing', async () => {
  const [before] = await h.db.select({ n: count() }).from(notifications);
  await seedDemoNotifications(h.db);
  const [after] = await h.db.select({ n: count() }).from(notifications);
  expect(after!.n).toBe(before!.n);
});

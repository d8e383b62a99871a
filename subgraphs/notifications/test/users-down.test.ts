import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { inbox } from '@shop/events';
import { notifications } from '../src/db/schema.js';
import { startHarness, type Harness } from './support/harness.js';
import { ticketEvents } from './support/events.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'notif_down');
});
afterAll(async () => h?.stop());

it('a ticket event waits while users cannot name the admins (nothing written), then notifies everyone once', async () => {
  const customer = randomUUID();
  const ticket = ticketEvents(customer);
  await h.stopUsers();
  await h.bus.publish(ticket.created);
  // Tried and rolled back: neither the customer's notification nor the inbox row exist while users is down.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await h.db.select().from(notifications).where(eq(notifications.userId, customer))).toEqual([]);
  expect(await h.db.select().from(inbox).where(eq(inbox.eventId, ticket.created.id))).toEqual([]);

  await h.restartUsers();
  await h.settle();
  const told = await h.db.select({ userId: notifications.userId, kind: notifications.kind }).from(notifications);
  expect(told).toEqual(expect.arrayContaining([{ userId: customer, kind: 'TICKET_OPENED' }, { userId: demo.admin.id, kind: 'TICKET_OPENED' }]));
  expect(told).toHaveLength(2);
});

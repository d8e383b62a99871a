import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { RunningSubgraph } from '@shop/kernel';
import { startRabbitMq, type RabbitMqServer } from '@shop/testing';
import { notifications } from '../src/db/schema.js';
import { startHarness, queries, type Harness } from './support/harness.js';
import { orderChange } from './support/events.js';

// Two notifications replicas, each with its own broker connection (as two processes have), on a real RabbitMQ.
let rabbit: RabbitMqServer;
let h: Harness;
let replica: RunningSubgraph<any, any>;
beforeAll(async () => {
  rabbit = await startRabbitMq();
  h = await startHarness(inject('databaseUrl'), 'notif_amqp', {}, { rabbitmqUrl: rabbit.url });
  replica = await h.startReplica();
}, 120_000);
afterAll(async () => {
  await h?.stop();
  await rabbit?.stop();
});

describe('on RabbitMQ, two replicas', () => {
  it("apply each event once (a redelivered one too) and push each notification once to the user's subscribers on either replica, and to nobody else", async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    const received = { aliceOnFirst: [] as any[], aliceOnReplica: [] as any[], bobOnFirst: [] as any[] };
    const subscribe = async (into: any[], userId: string, url: string) =>
      h.wsClient(await h.tokenFor(userId), url).subscribe({ query: queries.added }, { next: (r) => void into.push(r.data?.notificationAdded ?? r), error: (e) => void into.push({ error: e }), complete: () => undefined });
    await subscribe(received.aliceOnFirst, alice, h.notifications.url);
    await subscribe(received.aliceOnReplica, alice, replica.url);
    await subscribe(received.bobOnFirst, bob, h.notifications.url);
    // A subscription starts once its broadcast queue is bound (eventIterator): from then on no notification is missed.
    await vi.waitFor(() => expect(h.notifications.liveStats().subscriptions + replica.liveStats().subscriptions).toBe(3), { timeout: 5000 });
    const warmUp = orderChange(alice, null, 'AWAITING_PAYMENT', { number: 'ORD-000900' });
    await h.deliver(warmUp);
    await vi.waitFor(() => expect([received.aliceOnFirst.length, received.aliceOnReplica.length]).toEqual([1, 1]), { timeout: 10_000 });

    const steps = (['PAID', 'SHIPPED', 'DELIVERED'] as const).map((to, i) => orderChange(alice, i === 0 ? 'AWAITING_PAYMENT' : 'PAID', to, { number: 'ORD-000900' }));
    for (const event of steps) await h.deliver(event);
    await h.deliver(structuredClone(steps[0]!)); // redelivered: the inbox makes it a no-op on whichever replica gets it
    await h.deliver(structuredClone(warmUp));
    await vi.waitFor(async () => expect(await h.db.select().from(notifications).where(eq(notifications.userId, alice))).toHaveLength(4), { timeout: 10_000 });
    await vi.waitFor(() => expect([received.aliceOnFirst.length, received.aliceOnReplica.length]).toEqual([4, 4]), { timeout: 10_000 });

    // Bob's first notification is his own: none of Alice's reached him.
    await h.deliver(orderChange(bob, 'AWAITING_PAYMENT', 'PAID', { number: 'ORD-000901' }));
    await vi.waitFor(() => expect(received.bobOnFirst).toHaveLength(1), { timeout: 10_000 });
    expect(received.bobOnFirst[0].title).toBe('Tu pedido ORD-000901 está pagado');

    // Each exactly once; in any order, as two replicas consume the queue side by side.
    for (const seen of [received.aliceOnFirst, received.aliceOnReplica]) {
      expect(seen.map((n) => n.kind).sort()).toEqual(['ORDER_DELIVERED', 'ORDER_PAID', 'ORDER_PLACED', 'ORDER_SHIPPED']);
    }
    expect(await h.db.select().from(notifications).where(eq(notifications.userId, alice))).toHaveLength(4);
  });
});

import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defineEvent, InProcessEventBus, recordEvents, type DomainEvent } from '@shop/events';
import { createTestDatabase, scrapeMetrics } from '@shop/testing';
import { consumerFor, defineWorker, startSubgraph, type RunningSubgraph } from '../src/index.js';
import { answered, schema } from './fixtures/echo-worker/schema.js';

const ping = defineEvent({ source: 'test', type: 'test.ping', aggregateId: (p) => p.pingId, schema: z.object({ pingId: z.string() }) });
const pong = defineEvent({ source: 'echo', type: 'test.pong', aggregateId: (p) => p.pingId, schema: z.object({ pingId: z.string() }) });

/** A worker: consumes pings once each and answers each with a pong through its outbox; no GraphQL. */
const echo = defineWorker({
  name: 'echo',
  port: 0,
  config: {},
  database: { schema, migrations: new URL('./fixtures/echo-worker/migrations', import.meta.url) },
  services: () => ({}),
  consumers: [
    consumerFor<object, typeof schema>()(ping, {
      handle: async (tx, { pingId }) => {
        await tx.insert(answered).values({ pingId }).onConflictDoUpdate({ target: answered.pingId, set: { times: sql`${answered.times} + 1` } });
        await recordEvents(tx, [pong.create({ pingId })]);
      },
    }),
  ],
});

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let bus: InProcessEventBus;
let worker: RunningSubgraph<typeof schema, object>;
const pongs: DomainEvent[] = [];

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseUrl'), 'kernel_worker');
  bus = new InProcessEventBus();
  await bus.broadcast(['test.pong'], async (event) => void pongs.push(event));
  worker = await startSubgraph(echo, { config: { PORT: 0, DATABASE_URL: database.url }, bus });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await bus?.close();
  await database?.drop();
});

const base = () => worker.url.replace(/\/$/, '');

describe('a worker on the kernel', () => {
  it('consumes each event once, even when it is delivered twice, and publishes what it records', async () => {
    const event = ping.create({ pingId: 'p1' });
    await bus.publish(event);
    await bus.publish(event);
    await expect.poll(() => pongs.length, { timeout: 10_000 }).toBe(1);
    expect(pongs[0]!.payload).toEqual({ pingId: 'p1' });
    expect(await worker.db.select().from(answered)).toEqual([{ pingId: 'p1', times: 1 }]);
  });

  it('serves /health, /ready and /metrics, and no GraphQL', async () => {
    expect((await fetch(`${base()}/health`)).status).toBe(200);
    expect(await (await fetch(`${base()}/ready`)).json()).toEqual({ status: 'ready' });
    const metrics = await scrapeMetrics(`${base()}/metrics`);
    expect(metrics.value('events_consumed_total', { outcome: 'applied' })).toBe(1);
    expect(metrics.value('events_consumed_total', { outcome: 'duplicate' })).toBe(1);
    expect(metrics.has('graphql_ws_subscriptions')).toBe(false);
    expect((await fetch(`${base()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).status).toBe(404);
  });

  it('refuses /internal without a service token', async () => {
    expect((await fetch(`${base()}/internal/anything`)).status).toBe(401);
  });
});

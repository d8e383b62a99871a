import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import amqplib from 'amqplib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deadLetters, defineEvent, newEvent, RabbitMqEventBus, type EventBus } from '@shop/events';
import { createTestDatabase, scrapeMetrics } from '@shop/testing';
import { consumerFor, deadLetterList, deadLettersCommand, defineWorker, startSubgraph, type RunningSubgraph } from '../../src/index.js';
import { answered, schema } from '../fixtures/echo-worker/schema.js';

export const ping = defineEvent({ source: 'test', type: 'test.ping', aggregateId: (p) => p.pingId, schema: z.object({ pingId: z.string() }) });
const SECRET = 'dead-letters-test-secret-of-32-characters!';
export const MAX_DELIVERIES = 3;

/** What the consumer does with a ping: poison ones fail until fixed, flaky ones fail as a dependency that is down would. */
export const behaviour = { fixed: false, poisonCalls: 0, flakyFailuresLeft: 0 };

export const worker = defineWorker({
  name: 'letters',
  port: 0,
  config: {},
  database: { schema, migrations: new URL('../fixtures/echo-worker/migrations', import.meta.url) },
  services: () => ({}),
  consumers: [
    consumerFor<object, typeof schema>()(ping, {
      handle: async (tx, { pingId }) => {
        await tx.insert(answered).values({ pingId }).onConflictDoUpdate({ target: answered.pingId, set: { times: sql`${answered.times} + 1` } });
        if (pingId.startsWith('poison') && !behaviour.fixed) {
          behaviour.poisonCalls++;
          throw new Error(`no customer for ${pingId}`);
        }
        if (pingId === 'flaky' && behaviour.flakyFailuresLeft-- > 0) throw new Error('users did not answer', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
      },
    }),
  ],
});

export type Worker = RunningSubgraph<typeof schema, object>;
export const config = (url: string) => ({ PORT: 0, DATABASE_URL: url, SERVICE_SECRET: SECRET, SEED_DEMO: 'false' as const, EVENT_MAX_DELIVERIES: MAX_DELIVERIES });

export async function timesAnswered(replica: Worker, pingId: string): Promise<number> {
  const [row] = await replica.db.select({ times: answered.times }).from(answered).where(eq(answered.pingId, pingId));
  return row?.times ?? 0;
}
export const letterOf = async (replica: Worker, eventId: string) => (await replica.db.select().from(deadLetters).where(eq(deadLetters.eventId, eventId)))[0];
export const metricSum = async (replicas: Worker[], name: string, labels: Record<string, string>) =>
  (await Promise.all(replicas.map(async (r) => (await scrapeMetrics(new URL('/metrics', r.url).toString())).value(name, labels)))).reduce((a, b) => a + b, 0);

/** Runs the admin command against these replicas (as `npm run dead-letters` does); its exit code and printed lines. */
export async function command(args: string[], replica: Worker): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await deadLettersCommand(args, { targets: { letters: replica.url.replace(/\/$/, '') }, secret: SECRET, print: (line) => lines.push(line) });
  return { code, lines };
}

/**
 * The kernel's poison-message cases on a real broker. A RabbitMQ node takes 20+ s to start on a loaded CI machine, so
 * they run on the node of packages/events/test/rabbitmq-bus.test.ts rather than on one of their own.
 */
export function describePoisonMessagesOnRabbitMq(brokerUrl: () => string): void {
  describe('poison messages on RabbitMQ, two replicas of the consumer', () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    const buses: EventBus[] = [];
    const replicas: Worker[] = [];
    let publisher: RabbitMqEventBus;
    const topology = { letters: ['test.ping'] };

    beforeAll(async () => {
      database = await createTestDatabase(inject('databaseUrl'), 'kernel_dead_letters');
      // Short retry delays: the test waits for three counted failures, not for production's backoff.
      const connect = () => RabbitMqEventBus.connect(brokerUrl(), { topology, retryDelayMs: 20, maxRetryDelayMs: 100 }).then((bus) => (buses.push(bus), bus));
      publisher = await connect();
      for (const bus of [await connect(), await connect()]) replicas.push(await startSubgraph(worker, { config: config(database.url), bus }));
    }, 90_000);

    afterAll(async () => {
      for (const replica of replicas) await replica.stop();
      await Promise.all(buses.map((bus) => bus.close()));
      await database?.drop();
    }, 60_000);

    it('lets the good events flow and dead-letters the poison one after the limit, with its error, acknowledged and counted', async () => {
      const good = Array.from({ length: 6 }, (_, i) => ping.create({ pingId: `good-${i}` }));
      const poison = ping.create({ pingId: 'poison-1' });
      for (const event of [...good.slice(0, 3), poison, ...good.slice(3)]) await publisher.publish(event);

      await expect.poll(async () => (await letterOf(replicas[0]!, poison.id))?.deadAt ?? null, { timeout: 20_000 }).not.toBeNull();
      for (const event of good) await expect.poll(() => timesAnswered(replicas[0]!, event.payload.pingId as string), { timeout: 10_000 }).toBe(1);
      const letter = (await letterOf(replicas[0]!, poison.id))!;
      expect(letter).toMatchObject({ consumer: 'letters', type: 'test.ping', attempts: MAX_DELIVERIES, error: 'no customer for poison-1' });
      expect(letter.errorStack).toContain('no customer for poison-1');
      expect(letter.event).toMatchObject({ id: poison.id, payload: { pingId: 'poison-1' } });
      // Every failed attempt rolled back, the effect included.
      expect(await timesAnswered(replicas[0]!, 'poison-1')).toBe(0);

      // Acknowledged: the queue moves on (a later event is applied) and the poison one is not delivered again.
      const later = ping.create({ pingId: 'good-later' });
      await publisher.publish(later);
      await expect.poll(() => timesAnswered(replicas[1]!, 'good-later'), { timeout: 10_000 }).toBe(1);
      const connection = await amqplib.connect(brokerUrl());
      const channel = await connection.createChannel();
      expect((await channel.checkQueue('artesanias.letters')).messageCount).toBe(0);
      await connection.close();
      expect(behaviour.poisonCalls).toBe(MAX_DELIVERIES);

      expect(await metricSum(replicas, 'events_dead_lettered_total', { consumer: 'letters', type: 'test.ping' })).toBe(1);
      expect(await metricSum(replicas, 'events_consumed_total', { outcome: 'dead_lettered' })).toBe(1);
      expect(await metricSum(replicas, 'events_consumed_total', { outcome: 'failed' })).toBe(MAX_DELIVERIES - 1);
      // The gauge reads the shared table: every replica shows the one waiting.
      for (const replica of replicas) expect((await scrapeMetrics(new URL('/metrics', replica.url).toString())).value('events_dead_letters', { consumer: 'letters' })).toBe(1);
    });

    it('retries a failure of a dependency that is down without counting it, however often it happens', async () => {
      behaviour.flakyFailuresLeft = MAX_DELIVERIES + 2;
      const flaky = ping.create({ pingId: 'flaky' });
      await publisher.publish(flaky);
      await expect.poll(() => timesAnswered(replicas[0]!, 'flaky'), { timeout: 20_000 }).toBe(1);
      expect(behaviour.flakyFailuresLeft).toBe(-1);
      expect(await letterOf(replicas[0]!, flaky.id)).toBeUndefined();
    });

    it('keeps an event that does not match its contract as a dead letter at once', async () => {
      const malformed = newEvent('test', 'test.ping', 'x', { pingId: 42 });
      await publisher.publish(malformed);
      await expect.poll(async () => (await letterOf(replicas[0]!, malformed.id))?.deadAt ?? null, { timeout: 10_000 }).not.toBeNull();
      expect((await letterOf(replicas[0]!, malformed.id))!).toMatchObject({ attempts: 1, error: expect.stringContaining('does not match its contract test.ping') });
      expect(await metricSum(replicas, 'events_consumed_total', { outcome: 'malformed' })).toBe(1);
    });

    it('lists them with the admin command; a replay before the fix keeps the letter, after the fix applies it once even from both replicas at once', async () => {
      const poisonId = (await replicas[0]!.db.select().from(deadLetters).where(eq(deadLetters.type, 'test.ping'))).find((row) => (row.event.payload as { pingId: unknown }).pingId === 'poison-1')!.eventId;
      const listed = await command(['list', '--json'], replicas[1]!);
      expect(listed.code).toBe(0);
      const list = deadLetterList.parse(JSON.parse(listed.lines[0]!));
      expect(list.deadLetters.map((d) => d.eventId)).toContain(poisonId);
      expect(list.deadLetters.find((d) => d.eventId === poisonId)).toMatchObject({ type: 'test.ping', attempts: MAX_DELIVERIES, error: 'no customer for poison-1' });

      const tooSoon = await command(['replay', 'letters', poisonId], replicas[0]!);
      expect(tooSoon.code).toBe(1);
      expect(tooSoon.lines.join('\n')).toContain(`${poisonId}  test.ping  failed`);
      expect(await letterOf(replicas[0]!, poisonId)).toMatchObject({ attempts: MAX_DELIVERIES + 1 });

      behaviour.fixed = true;
      const [a, b] = await Promise.all([command(['replay', 'letters', '--all', '--json'], replicas[0]!), command(['replay', 'letters', '--all', '--json'], replicas[1]!)]);
      const outcomes = [a, b].flatMap((run) => JSON.parse(run.lines[0]!).results).filter((r: { eventId: string }) => r.eventId === poisonId).map((r: { outcome: string }) => r.outcome);
      expect(outcomes).toContain('applied');
      expect(outcomes.every((o: string) => o === 'applied' || o === 'duplicate')).toBe(true);
      expect(await timesAnswered(replicas[0]!, 'poison-1')).toBe(1);
      expect(await letterOf(replicas[0]!, poisonId)).toBeUndefined();
      // The malformed one cannot be applied by this consumer: it stays.
      expect([a, b].some((run) => run.code === 1)).toBe(true);
      expect((await scrapeMetrics(new URL('/metrics', replicas[0]!.url).toString())).value('events_dead_letters', { consumer: 'letters' })).toBe(1);

      const again = await command(['replay', 'letters', poisonId], replicas[1]!);
      expect(again.lines.join('\n')).toContain(`${poisonId}  -  not_found`);
      expect(await timesAnswered(replicas[0]!, 'poison-1')).toBe(1);
    });

    it('refuses the dead-letter endpoints without a service token', async () => {
      expect((await fetch(new URL('/internal/dead-letters', replicas[0]!.url))).status).toBe(401);
      expect((await fetch(new URL('/internal/dead-letters/replay', replicas[0]!.url), { method: 'POST', body: '{"all":true}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    });
  });
}

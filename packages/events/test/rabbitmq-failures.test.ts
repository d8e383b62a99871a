import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { count, eq, gt, isNull } from 'drizzle-orm';
import { startRabbitMq, type RabbitMqServer } from '@shop/testing';
import { RabbitMqEventBus } from '../src/rabbitmq-bus.js';
import { OutboxRelay, recordEvents } from '../src/outbox.js';
import { handleOnce } from '../src/inbox.js';
import { outbox } from '../src/tables.js';
import { effectCounts, openTestDatabase, sleep, testEvent, waitFor, type TestDb } from './helpers.js';
import { effects, inbox } from './schema.js';

let broker: RabbitMqServer;
let db: TestDb;
let databaseUrl: string;
let closeDb: () => Promise<void>;
const buses: RabbitMqEventBus[] = [];
const children = new Set<ChildProcess>();

beforeAll(async () => {
  const [server, database] = await Promise.all([startRabbitMq(), openTestDatabase(inject('databaseUrl'), 'events_rabbitmq_failures')]);
  broker = server;
  ({ db, url: databaseUrl, close: closeDb } = database);
}, 90_000);
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(buses.map((bus) => bus.close()));
  await broker?.stop();
  await closeDb?.();
}, 60_000);

async function bus(options: Parameters<typeof RabbitMqEventBus.connect>[1] = {}): Promise<RabbitMqEventBus> {
  const created = await RabbitMqEventBus.connect(broker.url, { reconnectMinMs: 100, reconnectMaxMs: 1000, ...options });
  buses.push(created);
  return created;
}

async function publishedCount(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox).where(gt(outbox.publishedAt, new Date(0)));
  return Number(row?.n ?? 0);
}

describe('RabbitMQ failures', () => {
  it('loses nothing when the broker crashes and restarts while a relay publishes 300 events, and applies each once', async () => {
    const consumer = await bus({ retryDelayMs: 100 });
    const seen = new Set<string>();
    const seenAfterRestart = new Set<string>();
    let restarted = false;
    const unsubscribe = await consumer.consume('outage', ['test.#'], async (event) => {
      seen.add(event.id);
      if (restarted) seenAfterRestart.add(event.id);
      await handleOnce(db, 'outage', event, async (tx) => {
        await tx.insert(effects).values({ consumer: 'outage', eventId: event.id });
      });
    });
    const publisher = await bus();
    const relay = new OutboxRelay({ db, bus: publisher, batchSize: 10, intervalMs: 20, maxBackoffMs: 300 });
    relay.start();

    const ids: string[] = [];
    const writer = (async () => {
      for (let t = 0; t < 30; t++) {
        const events = Array.from({ length: 10 }, (_, i) => testEvent(t * 10 + i));
        await db.transaction(async (tx) => recordEvents(tx, events));
        ids.push(...events.map((e) => e.id));
        relay.poke();
        await sleep(40);
      }
    })();

    await waitFor(async () => (await publishedCount()) >= 80, 10_000, '80 events published before the crash');
    await broker.kill();
    const publishedAtCrash = await publishedCount();
    await sleep(300);
    expect(consumer.connected).toBe(false);
    await broker.restart();
    const restartedAt = new Date();
    restarted = true;
    await writer;
    await waitFor(() => seen.size === 300, 30_000, 'all 300 events consumed');
    await sleep(500);
    await relay.stop();

    expect(publishedAtCrash).toBeLessThan(300);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(await effectCounts(db, 'outage')).toEqual({ total: 300, distinct: 300 });
    expect(await db.select().from(outbox).where(isNull(outbox.publishedAt))).toEqual([]);
    // The relay published the rest after the restart, and the same subscription consumed them.
    const [after] = await db.select({ n: count() }).from(outbox).where(gt(outbox.publishedAt, restartedAt));
    expect(Number(after?.n)).toBeGreaterThan(0);
    expect(seenAfterRestart.size).toBeGreaterThan(0);
    expect(consumer.connected).toBe(true);
    await unsubscribe();
  }, 90_000);

  it('applies every message exactly once when a slow consumer process is SIGKILLed mid-stream and another takes over', async () => {
    const consumerName = 'crash-test';
    // The replacement is loaded up front (a warm standby), but connects only after the first one died.
    const first = startConsumer(consumerName);
    const second = startConsumer(consumerName);
    first.start();
    await first.ready;
    const publisher = await bus();
    const events = Array.from({ length: 200 }, (_, n) => testEvent(n));
    await Promise.all(events.map((e) => publisher.publish(e)));

    await waitFor(async () => (await effectCounts(db, consumerName)).distinct >= 60, 20_000, 'the first consumer to apply 60 events');
    first.process.kill('SIGKILL');
    await first.exited;
    const appliedByFirst = (await effectCounts(db, consumerName)).distinct;

    second.start();
    await second.ready;
    await waitFor(async () => (await effectCounts(db, consumerName)).distinct === 200, 30_000, 'all 200 events applied');
    await sleep(500);
    second.process.kill('SIGTERM');
    await second.exited;

    expect(appliedByFirst).toBeLessThan(200);
    expect(await effectCounts(db, consumerName)).toEqual({ total: 200, distinct: 200 });
    const [handled] = await db.select({ n: count() }).from(inbox).where(eq(inbox.consumer, consumerName));
    expect(Number(handled?.n)).toBe(200);
    // Messages the first process applied but never acked came back to the second, which recognised them.
    expect(second.skipped()).toBeGreaterThan(0);
    // The first applied at least 60 before it died; the second applied exactly the rest.
    expect(200 - second.applied()).toBeGreaterThanOrEqual(60);
  }, 90_000);
});

function startConsumer(consumer: string) {
  const script = fileURLToPath(new URL('./fixtures/slow-consumer.ts', import.meta.url));
  // node --import tsx (not the tsx CLI, which forks): SIGKILL must hit the process that holds the channel.
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, RABBITMQ_URL: broker.url, DATABASE_URL: databaseUrl, CONSUMER: consumer, ACK_DELAY_MS: '50', PREFETCH: '5', WAIT_FOR_START: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  let applied = 0;
  let skipped = 0;
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as { loaded?: boolean; ready?: boolean; applied?: boolean };
      if (message.loaded) return;
      if (message.ready) resolve();
      else if (message.applied) applied++;
      else skipped++;
    });
    child.once('exit', (code) => reject(new Error(`consumer exited (${code}) before it was ready: ${stderr}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => (children.delete(child), resolve())));
  const start = () => child.stdin!.write('start\n');
  return { process: child, start, ready, exited, applied: () => applied, skipped: () => skipped };
}

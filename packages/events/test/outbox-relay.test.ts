import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isNull } from 'drizzle-orm';
import type { EventBus } from '../src/bus.js';
import { InProcessEventBus } from '../src/in-process-bus.js';
import { OutboxRelay, recordEvents } from '../src/outbox.js';
import { outbox } from '../src/tables.js';
import { openTestDatabase, sleep, testEvent, waitFor, type TestDb } from './helpers.js';

let db: TestDb;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase(inject('databaseUrl'), 'events_outbox'));
});
afterAll(async () => close?.());

/** Each test starts from an empty outbox, so counts are its own. */
async function emptyOutbox(): Promise<void> {
  await db.delete(outbox);
}

/** Records what was handed to the bus, in order, and which relay handed it. */
function recordingBus(inner: EventBus, published: string[], delayMs = 0): EventBus {
  return {
    publish: async (event) => {
      if (delayMs) await sleep(delayMs);
      await inner.publish(event);
      published.push(event.id);
    },
    consume: (...args) => inner.consume(...args),
    broadcast: (...args) => inner.broadcast(...args),
    close: () => inner.close(),
  };
}

describe('OutboxRelay over PostgreSQL with the in-process bus', () => {
  it('never publishes events recorded in a rolled-back transaction', async () => {
    await emptyOutbox();
    const bus = new InProcessEventBus(10);
    const received: string[] = [];
    await bus.consume('rollback', ['#'], async (e) => void received.push(e.id));
    const kept = testEvent(1);
    const dropped = [testEvent(2), testEvent(3)];
    await db.transaction(async (tx) => recordEvents(tx, [kept]));
    await expect(
      db.transaction(async (tx) => {
        await recordEvents(tx, dropped);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    const relay = new OutboxRelay({ db, bus });
    expect(await relay.flush()).toBe(1);
    await bus.drain();
    expect(received).toEqual([kept.id]);
    expect(await db.select().from(outbox)).toHaveLength(1);
    await bus.close();
  });

  it('publishes committed events once each, in commit order', async () => {
    await emptyOutbox();
    const bus = new InProcessEventBus(10);
    const received: string[] = [];
    const published: string[] = [];
    await bus.consume('order', ['#'], async (e) => void received.push(e.id));
    const committed: string[] = [];
    for (let t = 0; t < 12; t++) {
      const events = Array.from({ length: (t % 3) + 1 }, (_, i) => testEvent(t * 10 + i));
      await db.transaction(async (tx) => recordEvents(tx, events));
      committed.push(...events.map((e) => e.id));
    }

    const relay = new OutboxRelay({ db, bus: recordingBus(bus, published), batchSize: 5 });
    expect(await relay.flush()).toBe(committed.length);
    expect(await relay.flush()).toBe(0);
    await bus.drain();
    expect(published).toEqual(committed);
    expect(received).toEqual(committed);
    expect(await db.select().from(outbox).where(isNull(outbox.publishedAt))).toEqual([]);
    await bus.close();
  });

  it('publishes each of 500 events exactly once in total with two relays over one database', async () => {
    await emptyOutbox();
    const bus = new InProcessEventBus(10);
    const deliveries = new Map<string, number>();
    await bus.consume('two-relays', ['#'], async (e) => void deliveries.set(e.id, (deliveries.get(e.id) ?? 0) + 1));
    const byFirst: string[] = [];
    const bySecond: string[] = [];
    const relays = [
      new OutboxRelay({ db, bus: recordingBus(bus, byFirst, 1), batchSize: 10, intervalMs: 5 }),
      new OutboxRelay({ db, bus: recordingBus(bus, bySecond, 1), batchSize: 10, intervalMs: 5 }),
    ];
    for (const relay of relays) relay.start();

    // Writers commit while both relays run, poking both as a service would after each commit.
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: 5 }, async (_, w) => {
        for (let t = 0; t < 20; t++) {
          const events = Array.from({ length: 5 }, (_, i) => testEvent(w * 1000 + t * 10 + i));
          await db.transaction(async (tx) => recordEvents(tx, events));
          ids.push(...events.map((e) => e.id));
          for (const relay of relays) relay.poke();
        }
      }),
    );
    await waitFor(() => deliveries.size === 500, 20_000, 'all 500 events delivered');
    await sleep(200);
    for (const relay of relays) await relay.stop();
    await bus.drain();

    expect(ids).toHaveLength(500);
    expect([...deliveries.keys()].sort()).toEqual([...ids].sort());
    expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
    expect(byFirst.length + bySecond.length).toBe(500);
    expect(byFirst.filter((id) => bySecond.includes(id))).toEqual([]);
    // Both relays did part of the work, so the exclusivity above was really exercised.
    expect(byFirst.length).toBeGreaterThan(0);
    expect(bySecond.length).toBeGreaterThan(0);
    expect(await db.select().from(outbox).where(isNull(outbox.publishedAt))).toEqual([]);
    await bus.close();
  });
});

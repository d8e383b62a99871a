import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { handleOnce } from '../src/inbox.js';
import { effectCounts, openTestDatabase, testEvent, type TestDb } from './helpers.js';
import { effects, inbox } from './schema.js';

let db: TestDb;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase(inject('databaseUrl'), 'events_inbox'));
});
afterAll(async () => close?.());

const applyEffect = (consumer: string, eventId: string) => async (tx: TestDb) => {
  await tx.insert(effects).values({ consumer, eventId });
};

describe('handleOnce', () => {
  it('applies an event delivered twice once', async () => {
    const event = testEvent(1);
    expect(await handleOnce(db, 'twice', event, applyEffect('twice', event.id))).toBe(true);
    expect(await handleOnce(db, 'twice', event, applyEffect('twice', event.id))).toBe(false);
    expect(await effectCounts(db, 'twice')).toEqual({ total: 1, distinct: 1 });
  });

  it('applies an event delivered 10 times concurrently once', async () => {
    const event = testEvent(2);
    const results = await Promise.all(Array.from({ length: 10 }, () => handleOnce(db, 'concurrent', event, applyEffect('concurrent', event.id))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await effectCounts(db, 'concurrent')).toEqual({ total: 1, distinct: 1 });
  });

  it('keeps consumers apart: the same event applies once for each consumer', async () => {
    const event = testEvent(3);
    expect(await handleOnce(db, 'first', event, applyEffect('first', event.id))).toBe(true);
    expect(await handleOnce(db, 'second', event, applyEffect('second', event.id))).toBe(true);
    expect(await effectCounts(db, 'first')).toEqual({ total: 1, distinct: 1 });
    expect(await effectCounts(db, 'second')).toEqual({ total: 1, distinct: 1 });
  });

  it('records nothing when the effect fails, so the redelivery applies it', async () => {
    const event = testEvent(4);
    await expect(
      handleOnce(db, 'failing', event, async (tx) => {
        await applyEffect('failing', event.id)(tx);
        throw new Error('effect failed');
      }),
    ).rejects.toThrow('effect failed');
    expect(await effectCounts(db, 'failing')).toEqual({ total: 0, distinct: 0 });
    expect((await db.select().from(inbox)).some((row) => row.eventId === event.id && row.consumer === 'failing')).toBe(false);

    expect(await handleOnce(db, 'failing', event, applyEffect('failing', event.id))).toBe(true);
    expect(await effectCounts(db, 'failing')).toEqual({ total: 1, distinct: 1 });
  });
});

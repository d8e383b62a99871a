import { describe, expect, it } from 'vitest';
import { InProcessEventBus } from '../src/in-process-bus.js';
import { matchesTopic, type DomainEvent } from '../src/event.js';
import { testEvent } from './helpers.js';

describe('matchesTopic', () => {
  it.each([
    ['order.status_changed', 'order.status_changed', true],
    ['order.status_changed', 'order.refund_requested', false],
    ['order.*', 'order.status_changed', true],
    ['order.*', 'order', false],
    ['order.*', 'order.status_changed.v2', false],
    ['*.status_changed', 'payment.status_changed', true],
    ['*.status_changed', 'stock.changed', false],
    ['#', 'stock.changed', true],
    ['#', 'stock', true],
    ['order.#', 'order', true],
    ['order.#', 'order.status_changed.v2', true],
    ['order.#', 'payment.status_changed', false],
    ['#.changed', 'stock.changed', true],
    ['#.changed', 'order.status_changed', false],
    ['*.*', 'stock.changed', true],
    ['*.*', 'stock', false],
    ['a.#.z', 'a.z', true],
    ['a.#.z', 'a.b.c.z', true],
    ['a.#.z', 'a.b.c', false],
  ])('%s matches %s: %s', (pattern, type, expected) => {
    expect(matchesTopic(pattern, type)).toBe(expected);
  });
});

describe('InProcessEventBus', () => {
  it('delivers each event once per consumer group, round-robin between the handlers of one group', async () => {
    const bus = new InProcessEventBus(10);
    const first: string[] = [];
    const second: string[] = [];
    const other: string[] = [];
    await bus.consume('inventory', ['test.*'], async (e) => void first.push(e.id));
    await bus.consume('inventory', ['test.*'], async (e) => void second.push(e.id));
    await bus.consume('payments', ['test.#'], async (e) => void other.push(e.id));
    const events = Array.from({ length: 10 }, (_, n) => testEvent(n));
    for (const event of events) await bus.publish(event);
    await bus.publish(testEvent(99, 'stock.changed'));
    await bus.drain();

    expect(first).toHaveLength(5);
    expect(second).toHaveLength(5);
    expect(new Set([...first, ...second])).toEqual(new Set(events.map((e) => e.id)));
    expect(other).toEqual(events.map((e) => e.id));
    await bus.close();
  });

  it('broadcasts every matching event to every listener', async () => {
    const bus = new InProcessEventBus(10);
    const a: string[] = [];
    const b: string[] = [];
    await bus.broadcast(['test.happened'], async (e) => void a.push(e.id));
    const unsubscribe = await bus.broadcast(['#'], async (e) => void b.push(e.id));
    const events = [testEvent(1), testEvent(2), testEvent(3, 'stock.changed')];
    for (const event of events) await bus.publish(event);
    await bus.drain();
    await unsubscribe();
    const late = testEvent(4);
    await bus.publish(late);
    await bus.drain();

    expect(a).toEqual([events[0]!.id, events[1]!.id, late.id]);
    expect(b).toEqual(events.map((e) => e.id));
    await bus.close();
  });

  it('gives a throwing handler the event again until it succeeds', async () => {
    const bus = new InProcessEventBus(5);
    const attempts: DomainEvent[] = [];
    await bus.consume('flaky', ['test.*'], async (e) => {
      attempts.push(e);
      if (attempts.length < 3) throw new Error('not yet');
    });
    const event = testEvent(1);
    await bus.publish(event);
    await bus.drain();

    expect(attempts).toHaveLength(3);
    expect(attempts.every((e) => e.id === event.id)).toBe(true);
    await bus.close();
  });
});

import { describe, expect, it } from 'vitest';
import { ClientStream } from '../src/subscriptions/client-stream.js';

describe('a client subscription queue', () => {
  it('holds at most maxQueued results for a client that does not read, dropping the oldest', async () => {
    let dropped = 0;
    const stream = new ClientStream<number>(3, () => undefined, () => dropped++);
    for (let i = 1; i <= 10_000; i++) stream.push(i);
    expect(dropped).toBe(9_997);
    expect(await stream.next()).toEqual({ value: 9_998, done: false });
    expect(await stream.next()).toEqual({ value: 9_999, done: false });
    expect(await stream.next()).toEqual({ value: 10_000, done: false });
  });

  it('ends a pending read at once when the client leaves, and tells its owner exactly once', async () => {
    let closes = 0;
    const stream = new ClientStream<number>(3, () => closes++);
    const pending = stream.next();
    await stream.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    await stream.return();
    stream.push(1);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(closes).toBe(1);
  });

  it('delivers what was queued before the end, then completes', async () => {
    let closes = 0;
    const stream = new ClientStream<string>(3, () => closes++);
    stream.push('last event');
    stream.push('error');
    stream.end();
    const seen: string[] = [];
    for await (const value of stream) seen.push(value);
    expect(seen).toEqual(['last event', 'error']);
    expect(closes).toBe(1);
  });
});

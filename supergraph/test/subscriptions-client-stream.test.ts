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

  it('writes each event straight to the socket as a graphql-ws next message, serialized once for all clients', () => {
    let serialized = 0;
    const payload = () => (serialized++, Buffer.from('{"data":{"stockChanged":{"id":"p1"}}}'));
    const sent: string[][] = [[], []];
    const textFrames = (out: string[]) => (m: Buffer, options: { binary: false }) => out.push(options.binary ? 'binary frame' : m.toString('utf8'));
    const streams = sent.map((out, i) => new ClientStream<number>(3, () => undefined, () => undefined, { id: `s${i}`, socket: { readyState: 1, bufferedAmount: 0, send: textFrames(out) }, maxBufferedBytes: 1024 }));
    let encoded: Buffer | undefined;
    for (const stream of streams) stream.deliver(1, () => (encoded ??= payload()));
    expect(serialized).toBe(1);
    expect(sent[0]).toEqual(['{"id":"s0","type":"next","payload":{"data":{"stockChanged":{"id":"p1"}}}}']);
    expect(JSON.parse(sent[1]![0]!)).toEqual({ id: 's1', type: 'next', payload: { data: { stockChanged: { id: 'p1' } } } });
  });

  it('drops events for a client whose socket already holds more than the limit unsent, and never writes to a closed one', () => {
    let dropped = 0;
    const out: string[] = [];
    const socket = { readyState: 1, bufferedAmount: 2048, send: (m: Buffer) => out.push(m.toString('utf8')) };
    const stream = new ClientStream<number>(3, () => undefined, () => dropped++, { id: 'slow', socket, maxBufferedBytes: 1024 });
    for (let i = 0; i < 100; i++) stream.deliver(i, () => Buffer.from('{}'));
    expect(out).toEqual([]);
    expect(dropped).toBe(100);
    socket.bufferedAmount = 0;
    stream.deliver(1, () => Buffer.from('{}'));
    expect(out).toHaveLength(1);
    socket.readyState = 3;
    stream.deliver(2, () => Buffer.from('{}'));
    expect(out).toHaveLength(1);
  });
});

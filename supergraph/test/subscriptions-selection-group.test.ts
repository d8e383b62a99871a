import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '@shop/common';
import { ClientStream } from '../src/subscriptions/client-stream.js';
import { SelectionGroup } from '../src/subscriptions/selection-group.js';
import type { ExecutionResult } from 'graphql';

/** A client of the group whose socket records the frames written to it. */
function client(group: SelectionGroup, id: number, onFrame: (id: number) => void = () => undefined) {
  const frames: string[] = [];
  const socket = {
    readyState: 1,
    bufferedAmount: 0,
    send: (data: Buffer) => {
      frames.push(data.toString('utf8'));
      onFrame(id);
    },
  };
  const stream: ClientStream<ExecutionResult> = new ClientStream<ExecutionResult>(8, (s) => group.remove(s), () => undefined, { id: `c${id}`, socket, maxBufferedBytes: 1 << 20 });
  group.add(stream);
  return { frames, stream };
}

describe('a selection group fanning one event out to thousands of clients', () => {
  it('delivers to every client in turns, serializes the event once, and skips a client that leaves mid fan-out', async () => {
    let executions = 0;
    const group = new SelectionGroup(async (data) => (executions++, { data }), 10, createLogger('test'));
    let leaver: ClientStream<ExecutionResult> | undefined;
    let firstTurnDone = false;
    // The write to client 999 ends the first turn of 1,000; client 2,500 disconnects before the next turn starts.
    const clients = Array.from({ length: 3000 }, (_, i) =>
      client(group, i, (id) => {
        if (id === 999) setImmediate(() => ((firstTurnDone = true), void leaver!.return()));
      }),
    );
    leaver = clients[2500]!.stream;

    group.onEvent({ data: { stockChanged: { id: 'p1', available: 4 } } });
    // Until the fan-out has reached the last client (a loaded machine takes longer than one would guess).
    await vi.waitFor(() => expect(clients[2999]!.frames).toHaveLength(1), { timeout: 10_000, interval: 10 });

    expect(firstTurnDone).toBe(true);
    expect(executions).toBe(1);
    expect(clients[2500]!.frames).toEqual([]);
    const delivered = clients.filter((c, i) => i !== 2500 && c.frames.length === 1);
    expect(delivered).toHaveLength(2999);
    expect(JSON.parse(clients[2999]!.frames[0]!)).toEqual({ id: 'c2999', type: 'next', payload: { data: { stockChanged: { id: 'p1', available: 4 } } } });
    expect(group.size).toBe(2999);
  });
});

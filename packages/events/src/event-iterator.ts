import type { EventBus, Unsubscribe } from './bus.js';
import type { DomainEvent } from './event.js';

export interface EventIteratorOptions {
  /** Events held for a consumer that is slower than the bus; past this the oldest are dropped (live state: the newest wins). */
  bufferSize?: number;
}

/**
 * The events of a bus broadcast as an AsyncIterator, for a GraphQL subscription resolver's `subscribe`. It resolves
 * once the bus listens (on RabbitMQ: once the broadcast queue is bound), so a subscription that has started gets
 * every event published after that; a listener the bus cannot set up fails the subscription instead of leaving it
 * silent. Hand-rolled rather than an async generator: return() must end a pending next() at once (a generator's
 * return waits for the next event, which may never come) and must release the bus listener.
 */
export async function eventIterator<T>(
  bus: Pick<EventBus, 'broadcast'>,
  patterns: readonly string[],
  filter: (event: DomainEvent) => boolean,
  map: (event: DomainEvent) => T,
  options: EventIteratorOptions = {},
): Promise<AsyncIterableIterator<T> & { return(): Promise<IteratorResult<T>> }> {
  const bufferSize = options.bufferSize ?? 100;
  const buffer: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let closed = false;

  const unsubscribe: Unsubscribe = await bus.broadcast(patterns, async (event) => {
    if (closed || !filter(event)) return;
    const value = map(event);
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve({ value, done: false });
      return;
    }
    buffer.push(value);
    if (buffer.length > bufferSize) buffer.shift();
  });

  const iterator = {
    next(): Promise<IteratorResult<T>> {
      if (buffer.length > 0) return Promise.resolve({ value: buffer.shift()!, done: false });
      if (closed) return Promise.resolve({ value: undefined, done: true });
      return new Promise<IteratorResult<T>>((resolve) => {
        waiting = resolve;
      });
    },
    async return(): Promise<IteratorResult<T>> {
      if (!closed) {
        closed = true;
        buffer.length = 0;
        waiting?.({ value: undefined, done: true });
        waiting = null;
        await unsubscribe();
      }
      return { value: undefined, done: true };
    },
    async throw(error: unknown): Promise<IteratorResult<T>> {
      await iterator.return();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** The client's socket, when events may be written to it directly (see deliver). */
export interface DirectSink {
  /** The graphql-ws subscription id the client chose. */
  id: string;
  socket: { readonly readyState: number; readonly bufferedAmount: number; send(data: Buffer, options: { binary: false }): void };
  /** Bytes the socket may hold unsent before events for this client are dropped (a slow reader). */
  maxBufferedBytes: number;
}

const OPEN = 1;
const FRAME_END = Buffer.from('}');

/**
 * One client's subscription as the AsyncIterator graphql-ws reads from. graphql-ws pulls the next value only after the
 * previous one was written to the socket, so a slow client backs up here: the queue is bounded and drops its oldest
 * entry (every event carries the full current state, so the newest one is what matters).
 */
export class ClientStream<T> implements AsyncIterableIterator<T> {
  dropped = 0;
  private readonly queue: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private ended = false;
  private closed = false;
  /** The `next` message up to its payload, encoded once: per event only the group's encoded payload is appended. */
  private readonly framePrefix: Buffer | undefined;

  constructor(
    private readonly maxQueued: number,
    private readonly onClose: (stream: ClientStream<T>) => void,
    private readonly onDrop: () => void = () => undefined,
    private readonly direct?: DirectSink,
  ) {
    this.framePrefix = direct ? Buffer.from(`{"id":${JSON.stringify(direct.id)},"type":"next","payload":`) : undefined;
  }

  /**
   * Fan-out's fast path: the `next` message is written straight to the client's socket with the payload serialized
   * and UTF-8 encoded once per selection group, instead of one JSON encoding and promise chain per client inside graphql-ws. The
   * socket's own buffer is the bound: past maxBufferedBytes the event is dropped for this client.
   */
  deliver(value: T, payload: () => Buffer): void {
    if (this.ended || this.closed) return;
    const sink = this.direct;
    if (!sink) return this.push(value);
    // graphql-ws only sends `complete` after this iterator ends, so direct writes cannot overtake it.
    if (sink.socket.readyState !== OPEN) return;
    if (sink.socket.bufferedAmount > sink.maxBufferedBytes) {
      this.dropped++;
      this.onDrop();
      return;
    }
    sink.socket.send(Buffer.concat([this.framePrefix!, payload(), FRAME_END]), { binary: false });
  }

  push(value: T): void {
    if (this.ended || this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return;
    }
    this.queue.push(value);
    if (this.queue.length > this.maxQueued) {
      this.queue.shift();
      this.dropped++;
      this.onDrop();
    }
  }

  /** No more values: what is queued is still delivered, then the iteration ends. */
  end(): void {
    this.ended = true;
    if (this.waiting && this.queue.length === 0) this.finish();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.ended || this.closed) {
      this.finish();
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** The client completed or disconnected: ends a pending next() at once. */
  async return(): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.finish();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.({ value: undefined, done: true });
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
  }
}

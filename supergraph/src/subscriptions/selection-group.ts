import type { ExecutionResult, FormattedExecutionResult, GraphQLError as GraphQLErrorType } from 'graphql';
import { graphql } from './graphql-runtime.js';
import type { Logger } from '@shop/common';
import type { ClientStream } from './client-stream.js';
import type { EventExecutor } from './event-execution.js';
import { fromFormatted } from './upstream-errors.js';

const { GraphQLError } = graphql;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Clients written to before fan-out yields to the event loop, so pings, subscribes and other groups are served meanwhile. */
const DELIVERIES_PER_TURN = 1000;

type Work = { kind: 'event'; upstream: FormattedExecutionResult } | { kind: 'end'; errors: GraphQLErrorType[] | null };

/**
 * The clients of one upstream subscription that asked for the same selection (same document and variables): each
 * event's remaining plan runs once here and the one result goes to all of them. Events are handled one at a time,
 * in order; if they arrive faster than the entity fetches answer, the oldest waiting event is dropped.
 */
export class SelectionGroup {
  private readonly streams = new Set<ClientStream<ExecutionResult>>();
  private readonly pending: Work[] = [];
  private running = false;

  constructor(
    private readonly execute: EventExecutor,
    private readonly maxPendingEvents: number,
    private readonly logger: Logger,
    /** The same error masking graphql-ws applies to results it sends itself. */
    private readonly format: (result: ExecutionResult) => ExecutionResult | FormattedExecutionResult = (r) => r,
  ) {}

  get size(): number {
    return this.streams.size;
  }

  add(stream: ClientStream<ExecutionResult>): void {
    this.streams.add(stream);
  }

  /** Returns how many clients are left. */
  remove(stream: ClientStream<ExecutionResult>): number {
    this.streams.delete(stream);
    return this.streams.size;
  }

  onEvent(upstream: FormattedExecutionResult): void {
    this.pending.push({ kind: 'event', upstream });
    if (this.pending.length > this.maxPendingEvents) {
      const oldest = this.pending.findIndex((w) => w.kind === 'event');
      if (oldest >= 0) this.pending.splice(oldest, 1);
    }
    void this.run();
  }

  /** The upstream subscription ended: clients get the errors (if any) after the events before them, then complete. */
  finish(errors: GraphQLErrorType[] | null): void {
    this.pending.push({ kind: 'end', errors });
    void this.run();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending.length > 0) {
        const work = this.pending.shift()!;
        if (work.kind === 'end') {
          for (const stream of [...this.streams]) {
            if (work.errors) stream.push({ errors: work.errors });
            stream.end();
          }
          this.streams.clear();
          continue;
        }
        if (this.streams.size === 0) continue;
        const delivery = await this.resolve(work.upstream);
        await this.deliver(delivery);
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * One event to every client of the group, serialized once. The clients are those present when the event was resolved;
   * one that leaves while fan-out yields is skipped (its stream is closed), so nothing is written to a gone socket.
   */
  private async deliver(delivery: ExecutionResult): Promise<void> {
    let encoded: Buffer | undefined;
    const payload = () => (encoded ??= Buffer.from(JSON.stringify(this.format(delivery))));
    if (this.streams.size <= DELIVERIES_PER_TURN) {
      for (const stream of this.streams) stream.deliver(delivery, payload);
      return;
    }
    const streams = [...this.streams];
    for (let start = 0; start < streams.length; start += DELIVERIES_PER_TURN) {
      if (start > 0) await yieldToEventLoop();
      const end = Math.min(start + DELIVERIES_PER_TURN, streams.length);
      for (let i = start; i < end; i++) streams[i]!.deliver(delivery, payload);
    }
  }

  private async resolve(upstream: FormattedExecutionResult): Promise<ExecutionResult> {
    const upstreamErrors = upstream.errors?.map(fromFormatted);
    if (!upstream.data) return { errors: upstreamErrors?.length ? upstreamErrors : [new GraphQLError('The subgraph sent an event without data.')] };
    try {
      // executeQueryPlan merges entity data into the object it is given: each group works on its own copy.
      const result = await this.execute(structuredClone(upstream.data) as Record<string, unknown>);
      if (!upstreamErrors?.length) return result;
      return { ...result, errors: [...upstreamErrors, ...(result.errors ?? [])] };
    } catch (error) {
      this.logger.error({ err: error }, 'subscription event execution failed');
      return { errors: [new GraphQLError('Internal server error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] };
    }
  }
}

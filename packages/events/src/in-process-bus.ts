import type { EventBus, EventHandler, Unsubscribe } from './bus.js';
import { matchesTopic, type DomainEvent } from './event.js';
import { backoffDelay, createLogger } from '@shop/common';

interface Consumer {
  name: string;
  patterns: readonly string[];
  handlers: EventHandler[];
  next: number;
}

const logger = createLogger('in-process-bus');

/** The embedded default: every subgraph in one process shares this bus; delivery is asynchronous and retried like a broker's. */
export class InProcessEventBus implements EventBus {
  private readonly consumers = new Map<string, Consumer>();
  private readonly listeners = new Set<{ patterns: readonly string[]; handler: EventHandler }>();
  private closed = false;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly retryDelayMs = 200) {}

  async publish(event: DomainEvent): Promise<void> {
    if (this.closed) throw new Error('event bus is closed');
    const copy = structuredClone(event);
    for (const consumer of this.consumers.values()) {
      if (consumer.patterns.some((p) => matchesTopic(p, copy.type))) this.track(this.deliver(consumer, copy, 0));
    }
    for (const listener of this.listeners) {
      if (listener.patterns.some((p) => matchesTopic(p, copy.type))) this.track(listener.handler(copy).catch((err) => logger.warn({ err, type: copy.type }, 'broadcast handler failed')));
    }
  }

  async consume(name: string, patterns: readonly string[], handler: EventHandler): Promise<Unsubscribe> {
    const consumer = this.consumers.get(name) ?? { name, patterns, handlers: [], next: 0 };
    consumer.handlers.push(handler);
    this.consumers.set(name, consumer);
    return async () => {
      consumer.handlers = consumer.handlers.filter((h) => h !== handler);
      if (consumer.handlers.length === 0) this.consumers.delete(name);
    };
  }

  async broadcast(patterns: readonly string[], handler: EventHandler): Promise<Unsubscribe> {
    const listener = { patterns, handler };
    this.listeners.add(listener);
    return async () => void this.listeners.delete(listener);
  }

  /** Waits until every delivery under way has settled (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /**
   * Round-robin between a consumer's replicas; a failing handler gets the event again after a growing delay. As on
   * RabbitMQ, giving up on an event is the consumer's policy (the kernel's dead letters resolve the handler).
   */
  private async deliver(consumer: Consumer, event: DomainEvent, attempt: number): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.closed && attempt > 0) return;
    const handler = consumer.handlers[consumer.next++ % Math.max(consumer.handlers.length, 1)];
    if (!handler) return;
    try {
      await handler(event);
    } catch (err) {
      logger.warn({ err, consumer: consumer.name, type: event.type, attempt }, 'handler failed; will retry');
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt + 1, { minMs: this.retryDelayMs, maxMs: 5000 })));
      if (!this.closed) await this.deliver(consumer, event, attempt + 1);
    }
  }
}

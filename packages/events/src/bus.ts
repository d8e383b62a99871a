import type { DomainEvent } from './event.js';

export type EventHandler = (event: DomainEvent) => Promise<void>;
export type Unsubscribe = () => Promise<void>;

/**
 * How events cross services. Two kinds of delivery:
 * - consume: durable and load-balanced between the replicas of one consumer; at-least-once, so handlers must be
 *   idempotent (see handleOnce); a handler that throws gets the event again later.
 * - broadcast: every connected process gets every matching event, for live fan-out such as GraphQL subscriptions;
 *   nothing is kept for a process that is not connected.
 */
export interface EventBus {
  /** Resolves once the bus holds the event durably (a broker confirm); rejects when it cannot. */
  publish(event: DomainEvent): Promise<void>;
  consume(consumer: string, patterns: readonly string[], handler: EventHandler): Promise<Unsubscribe>;
  broadcast(patterns: readonly string[], handler: EventHandler): Promise<Unsubscribe>;
  close(): Promise<void>;
}

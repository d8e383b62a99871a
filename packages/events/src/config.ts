import { z } from 'zod';
import type { Logger } from '@shop/common';
import type { EventBus } from './bus.js';
import { InProcessEventBus } from './in-process-bus.js';
import { RabbitMqEventBus } from './rabbitmq-bus.js';

/** Merge into a subgraph's config schema: `subgraphBaseConfig(name, port).extend(eventBusConfig.shape)`. */
export const eventBusConfig = z.object({
  /** memory: every subgraph in one process (the embedded default); rabbitmq: separate processes through a broker. */
  EVENT_BUS: z.enum(['memory', 'rabbitmq']).default('memory'),
  RABBITMQ_URL: z.string().url().default('amqp://localhost:5672'),
});
export type EventBusConfig = z.infer<typeof eventBusConfig>;

/** Which service consumes which events (docs/architecture.md): their queues are declared by every service. */
export const CONSUMER_TOPOLOGY = {
  inventory: ['order.status_changed'],
  payments: ['order.status_changed', 'order.refund_requested'],
  orders: ['payment.status_changed'],
} as const satisfies Record<string, readonly string[]>;

/** The bus the config asks for; with rabbitmq it resolves once connected (and rejects if the broker never answers). */
export async function createEventBus(config: EventBusConfig, options: { logger?: Logger; prefetch?: number } = {}): Promise<EventBus> {
  if (config.EVENT_BUS === 'rabbitmq') return RabbitMqEventBus.connect(config.RABBITMQ_URL, { topology: CONSUMER_TOPOLOGY, ...options });
  return new InProcessEventBus();
}

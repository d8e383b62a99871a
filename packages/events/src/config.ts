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
  /**
   * Failed deliveries of one event to one consumer before it becomes a dead letter (acknowledged, kept with its error
   * for a replay). Only failures the event may cause count: transient ones (a dependency or the database not
   * answering, a dropped connection, a deadlock) are retried with backoff for as long as they last (failures.ts).
   */
  EVENT_MAX_DELIVERIES: z.coerce.number().int().min(1).max(1000).default(5),
});
export type EventBusConfig = z.infer<typeof eventBusConfig>;

/** The bus the config asks for; with rabbitmq it resolves once connected (and rejects if the broker never answers). */
export async function createEventBus(
  config: Pick<EventBusConfig, 'EVENT_BUS' | 'RABBITMQ_URL'>,
  /** topology: every consumer's queue and bindings (topologyOf the services' declarations), declared before anything is published. */
  options: { logger?: Logger; prefetch?: number; topology?: Record<string, readonly string[]> } = {},
): Promise<EventBus> {
  if (config.EVENT_BUS === 'rabbitmq') return RabbitMqEventBus.connect(config.RABBITMQ_URL, options);
  return new InProcessEventBus();
}

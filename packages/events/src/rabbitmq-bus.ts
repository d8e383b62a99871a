import { connect, type Channel, type ChannelModel, type ConfirmChannel, type ConsumeMessage } from 'amqplib';
import { createLogger, type Logger } from '@shop/common';
import type { EventBus, EventHandler, Unsubscribe } from './bus.js';
import type { DomainEvent } from './event.js';

/**
 * EventBus over RabbitMQ (amqplib).
 *
 * Topology: one durable topic exchange `artesanias.events`; the routing key is the event type.
 * - consume(consumer, …): a durable queue `artesanias.<consumer>` bound to each pattern. Every replica of a consumer
 *   consumes from the same queue, so RabbitMQ hands each message to one of them (competing consumers). Manual acks,
 *   sent only after the handler resolved; `prefetch` bounds how many messages one subscription works on at a time.
 *   Handlers run concurrently up to prefetch and a retried message goes back to the queue, so there is no ordering
 *   guarantee: consumers must be order-tolerant and idempotent (handleOnce).
 * - broadcast(…): an exclusive, auto-delete, server-named queue per call, auto-ack: live fan-out to every process
 *   while it is connected, nothing kept for one that is not.
 *
 * Retry: when a handler throws, the message stays unacked for a delay (retryDelayMs doubling per failure of that
 * event in this process, up to maxRetryDelayMs), then is nacked with requeue. Holding it costs one prefetch slot,
 * but needs no extra queues and no broker plugin, and it avoids a hot redelivery loop. A message that is not a JSON
 * event can never succeed: it is rejected without requeue (dropped, logged).
 *
 * Publishing: a ConfirmChannel; persistent messages (deliveryMode 2) with messageId = event id, type = event type and
 * content-type application/json. publish() resolves on the broker's ack (for a persistent message routed to a durable
 * queue, that means written to disk) and rejects on a nack, a confirm timeout, or when not connected: the outbox
 * relay keeps the row and retries. A message no queue is bound for is dropped by the broker (confirmed anyway), so a
 * consumer must have called consume() once (declaring its queue) before events it needs are published.
 *
 * Failures: when the connection drops (broker restart, network), every channel is gone; the bus reconnects with
 * exponential backoff and jitter, re-declares the exchange and re-attaches every consume/broadcast registered so far,
 * so subscribers resume by themselves. Unacked messages return to their queue and are redelivered (at least once).
 * Any unexpected channel close (a protocol error) is treated like a connection loss, so the bus is always either
 * fully set up or reconnecting.
 */
export const EVENTS_EXCHANGE = 'artesanias.events';
export const consumerQueueName = (consumer: string) => `artesanias.${consumer}`;

export interface RabbitMqEventBusOptions {
  /** amqp://user:password@host:port/vhost */
  url: string;
  /** Unacked messages per consume() subscription. Default 32. */
  prefetch?: number;
  logger?: Logger;
  /** Durable consumer queues and their bindings, declared on every connection (see CONSUMER_TOPOLOGY). */
  topology?: Readonly<Record<string, readonly string[]>>;
  /** First reconnect delay; doubles per failed attempt up to reconnectMaxMs. Defaults 100 ms and 5000 ms. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** Delay before a failed message is requeued; doubles per failure of the same event, up to maxRetryDelayMs. Defaults 500 ms and 30 s. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** A publish without a broker confirm by then rejects (the broker may be blocked). Default 10 s. */
  publishTimeoutMs?: number;
}

interface Subscription {
  kind: 'consume' | 'broadcast';
  queue: string | undefined;
  patterns: readonly string[];
  handler: EventHandler;
  /** The channel of the current attachment; undefined while disconnected. */
  channel: Channel | undefined;
  consumerTag: string | undefined;
  active: boolean;
  inFlight: Set<Promise<void>>;
  /** Failures per event id in this process, for the retry backoff. */
  failures: Map<string, number>;
}

class NotConnectedError extends Error {
  constructor(message = 'not connected to RabbitMQ') {
    super(message);
    this.name = 'NotConnectedError';
  }
}

export class RabbitMqEventBus implements EventBus {
  private connection: ChannelModel | undefined;
  private publisher: ConfirmChannel | undefined;
  private readonly subscriptions = new Set<Subscription>();
  private closing = false;
  private lastError: Error | undefined;
  private readonly sleepers = new Set<() => void>();
  private readonly firstConnection: Promise<void>;
  private settleFirst!: (err?: Error) => void;
  private readonly logger: Logger;
  private readonly host: string;

  /** Starts connecting in the background (retrying with backoff); use RabbitMqEventBus.connect to wait for it. */
  constructor(private readonly options: RabbitMqEventBusOptions) {
    this.logger = options.logger ?? createLogger('rabbitmq-bus');
    this.host = safeHost(options.url);
    this.firstConnection = new Promise<void>((resolve, reject) => {
      this.settleFirst = (err) => (err ? reject(err) : resolve());
    });
    this.firstConnection.catch(() => {});
    void this.connectLoop();
  }

  /** A bus that is connected and has its exchange declared; rejects (and closes the bus) after timeoutMs without a connection. */
  static async connect(url: string, options: Omit<RabbitMqEventBusOptions, 'url'> & { timeoutMs?: number } = {}): Promise<RabbitMqEventBus> {
    const bus = new RabbitMqEventBus({ ...options, url });
    const timeoutMs = options.timeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`could not connect to RabbitMQ at ${bus.host} within ${timeoutMs} ms: ${bus.lastError?.message ?? 'no answer'}`)), timeoutMs);
    });
    try {
      await Promise.race([bus.firstConnection, timeout]);
      return bus;
    } catch (err) {
      await bus.close();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  get connected(): boolean {
    return this.publisher !== undefined;
  }

  async publish(event: DomainEvent): Promise<void> {
    if (this.closing) throw new Error('event bus is closed');
    const channel = this.publisher;
    if (!channel) throw new NotConnectedError(`not connected to RabbitMQ (${this.lastError?.message ?? 'connecting'}); event ${event.id} not published`);
    const body = Buffer.from(JSON.stringify(event));
    const timeoutMs = this.options.publishTimeoutMs ?? 10_000;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no broker confirm for event ${event.id} within ${timeoutMs} ms`)), timeoutMs);
      try {
        channel.publish(
          EVENTS_EXCHANGE,
          event.type,
          body,
          { persistent: true, messageId: event.id, type: event.type, contentType: 'application/json', appId: event.source, timestamp: Math.floor(Date.parse(event.occurredAt) / 1000) || undefined },
          (err) => {
            clearTimeout(timer);
            if (err) reject(new Error(`broker did not confirm event ${event.id}: ${err instanceof Error ? err.message : String(err)}`));
            else resolve();
          },
        );
      } catch (err) {
        // The channel closed between our check and the write.
        clearTimeout(timer);
        reject(err);
      }
    });
  }

  async consume(consumer: string, patterns: readonly string[], handler: EventHandler): Promise<Unsubscribe> {
    if (!/^[\w.-]+$/.test(consumer)) throw new Error(`consumer name must be letters, digits, '.', '_' or '-': ${consumer}`);
    return this.subscribe({ kind: 'consume', queue: consumerQueueName(consumer), patterns, handler });
  }

  async broadcast(patterns: readonly string[], handler: EventHandler): Promise<Unsubscribe> {
    return this.subscribe({ kind: 'broadcast', queue: undefined, patterns, handler });
  }

  /** Stops taking deliveries, lets handlers under way finish (and ack), then closes the connection. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const wake of this.sleepers) wake();
    this.settleFirst(new Error('event bus closed before it connected'));
    await Promise.allSettled([...this.subscriptions].map((sub) => this.cancel(sub)));
    await Promise.allSettled([...this.subscriptions].flatMap((sub) => [...sub.inFlight]));
    const connection = this.connection;
    this.connection = undefined;
    this.publisher = undefined;
    await connection?.close().catch(() => {});
  }

  // Registers the subscription for every future connection, and attaches it now when connected.
  private async subscribe(spec: Pick<Subscription, 'kind' | 'queue' | 'patterns' | 'handler'>): Promise<Unsubscribe> {
    if (this.closing) throw new Error('event bus is closed');
    const sub: Subscription = { ...spec, channel: undefined, consumerTag: undefined, active: true, inFlight: new Set(), failures: new Map() };
    this.subscriptions.add(sub);
    const connection = this.connection;
    if (connection) {
      try {
        await this.attach(sub, connection);
      } catch (err) {
        // Lost with the connection: the reconnect attaches it. Refused on a live connection (a bad pattern or queue): the caller hears it.
        if (this.connection === connection) {
          this.subscriptions.delete(sub);
          sub.active = false;
          throw err;
        }
      }
    }
    return async () => {
      if (!sub.active) return;
      sub.active = false;
      this.subscriptions.delete(sub);
      const channel = sub.channel;
      await this.cancel(sub);
      await Promise.allSettled([...sub.inFlight]);
      sub.channel = undefined;
      await channel?.close().catch(() => {});
    };
  }

  private async cancel(sub: Subscription): Promise<void> {
    const { channel, consumerTag } = sub;
    sub.consumerTag = undefined;
    if (channel && consumerTag) await channel.cancel(consumerTag).catch(() => {});
  }

  private async connectLoop(): Promise<void> {
    for (let attempt = 0; !this.closing; attempt++) {
      if (attempt > 0) await this.sleep(backoff(attempt, this.options.reconnectMinMs ?? 100, this.options.reconnectMaxMs ?? 5000));
      if (this.closing) return;
      let connection: ChannelModel | undefined;
      try {
        connection = await connect(this.options.url, { clientProperties: { connection_name: 'artesanias-events' } });
        await this.setUp(connection);
        this.logger.info({ host: this.host, attempt }, 'connected to RabbitMQ');
        this.settleFirst();
        return;
      } catch (err) {
        this.lastError = err as Error;
        this.logger.warn({ err, host: this.host, attempt }, 'RabbitMQ connection failed; retrying');
        if (connection && this.connection !== connection) await connection.close().catch(() => {});
      }
    }
  }

  /** Declares the exchange, opens the publisher and re-attaches every subscription; the bus uses the connection only once all of it worked. */
  private async setUp(connection: ChannelModel): Promise<void> {
    let lost = false;
    connection.on('error', (err) => this.logger.warn({ err }, 'RabbitMQ connection error'));
    connection.on('blocked', (reason) => this.logger.warn({ reason }, 'RabbitMQ blocked publishing'));
    connection.on('close', () => {
      lost = true;
      this.onConnectionLost(connection);
    });
    const publisher = await connection.createConfirmChannel();
    this.watchChannel(publisher, connection, () => this.publisher === publisher);
    await publisher.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    // Every known consumer's queue exists before anything is published, even if that consumer never ran yet:
    // the broker drops (and still confirms) a message that matches no queue.
    for (const [consumer, patterns] of Object.entries(this.options.topology ?? {})) {
      const queue = consumerQueueName(consumer);
      await publisher.assertQueue(queue, { durable: true });
      for (const pattern of patterns) await publisher.bindQueue(queue, EVENTS_EXCHANGE, pattern);
    }
    // Subscriptions added meanwhile are visited too (Set iteration includes later additions).
    for (const sub of this.subscriptions) if (sub.active) await this.attach(sub, connection);
    if (lost) throw new NotConnectedError('connection closed during set-up');
    if (this.closing) throw new Error('event bus closed during set-up');
    this.connection = connection;
    this.publisher = publisher;
  }

  private async attach(sub: Subscription, connection: ChannelModel): Promise<void> {
    const channel = await connection.createChannel();
    this.watchChannel(channel, connection, () => sub.active && sub.channel === channel);
    let queue: string;
    if (sub.kind === 'consume') {
      queue = (await channel.assertQueue(sub.queue!, { durable: true })).queue;
      await channel.prefetch(this.options.prefetch ?? 32);
    } else {
      queue = (await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false })).queue;
    }
    for (const pattern of sub.patterns) await channel.bindQueue(queue, EVENTS_EXCHANGE, pattern);
    sub.channel = channel;
    const { consumerTag } = await channel.consume(queue, (message) => this.onMessage(sub, channel, message), { noAck: sub.kind === 'broadcast' });
    if (!sub.active || this.closing) {
      await channel.close().catch(() => {});
      return;
    }
    sub.consumerTag = consumerTag;
  }

  /** A channel that closes while it is still in use means a protocol error: start over with a fresh connection. */
  private watchChannel(channel: Channel, connection: ChannelModel, inUse: () => boolean): void {
    channel.on('error', (err) => this.logger.warn({ err }, 'RabbitMQ channel error'));
    channel.on('close', () => {
      if (this.closing || this.connection !== connection || !inUse()) return;
      this.logger.warn('RabbitMQ channel closed unexpectedly; reconnecting');
      void connection.close().catch(() => {});
    });
  }

  private onConnectionLost(connection: ChannelModel): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    this.publisher = undefined;
    for (const sub of this.subscriptions) {
      sub.channel = undefined;
      sub.consumerTag = undefined;
    }
    if (this.closing) return;
    this.lastError = new NotConnectedError('connection to RabbitMQ lost');
    this.logger.warn({ host: this.host }, 'lost the RabbitMQ connection; reconnecting');
    void this.connectLoop();
  }

  private onMessage(sub: Subscription, channel: Channel, message: ConsumeMessage | null): void {
    if (!message) {
      // The broker cancelled the consumer (its queue was deleted): a fresh set-up re-declares it.
      if (sub.active && !this.closing && this.connection) void this.connection.close().catch(() => {});
      return;
    }
    const event = parseEvent(message);
    if (!event) {
      this.logger.error({ messageId: message.properties.messageId, routingKey: message.fields.routingKey }, 'not a JSON event; dropped');
      if (sub.kind === 'consume') this.settle(() => channel.reject(message, false));
      return;
    }
    const work = sub.kind === 'broadcast' ? this.runBroadcast(sub, event) : this.runConsume(sub, channel, message, event);
    sub.inFlight.add(work);
    void work.finally(() => sub.inFlight.delete(work));
  }

  private async runBroadcast(sub: Subscription, event: DomainEvent): Promise<void> {
    try {
      await sub.handler(event);
    } catch (err) {
      this.logger.warn({ err, type: event.type, eventId: event.id }, 'broadcast handler failed');
    }
  }

  private async runConsume(sub: Subscription, channel: Channel, message: ConsumeMessage, event: DomainEvent): Promise<void> {
    try {
      await sub.handler(event);
      sub.failures.delete(event.id);
      this.settle(() => channel.ack(message));
    } catch (err) {
      const failures = (sub.failures.get(event.id) ?? 0) + 1;
      sub.failures.delete(event.id);
      sub.failures.set(event.id, failures);
      // Forget the oldest entries (events that later succeeded on another replica) so the map stays small.
      if (sub.failures.size > 1000) sub.failures.delete(sub.failures.keys().next().value!);
      const delay = Math.min((this.options.retryDelayMs ?? 500) * 2 ** (failures - 1), this.options.maxRetryDelayMs ?? 30_000);
      this.logger.warn({ err, queue: sub.queue, type: event.type, eventId: event.id, failures, retryInMs: delay }, 'handler failed; will be redelivered');
      await this.sleep(delay);
      this.settle(() => channel.nack(message, false, true));
    }
  }

  /** An ack or nack on a channel that died with its connection is lost: the broker redelivers the message, which is what we want. */
  private settle(action: () => void): void {
    try {
      action();
    } catch (err) {
      this.logger.debug({ err }, 'ack/nack on a closed channel; the broker will redeliver');
    }
  }

  /** A delay that close() cuts short. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}

function parseEvent(message: ConsumeMessage): DomainEvent | undefined {
  try {
    const event = JSON.parse(message.content.toString('utf8')) as DomainEvent;
    return typeof event?.id === 'string' && typeof event.type === 'string' ? event : undefined;
  } catch {
    return undefined;
  }
}

/** Exponential backoff with ±20% jitter, so a fleet of replicas does not reconnect in lockstep. */
function backoff(attempt: number, minMs: number, maxMs: number): number {
  const base = Math.min(maxMs, minMs * 2 ** (attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** host:port only: the URL may carry a password. */
function safeHost(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host;
  } catch {
    return 'RabbitMQ';
  }
}

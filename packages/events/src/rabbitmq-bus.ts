import amqp, { type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import type { Channel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { backoffDelay, createLogger, type Logger } from '@shop/common';
import type { EventBus, EventHandler, Unsubscribe } from './bus.js';
import type { DomainEvent } from './event.js';

/**
 * EventBus over RabbitMQ, on amqp-connection-manager: it reconnects and re-runs every channel's setup function on
 * each new connection, so this file only says what a channel needs (exchange, queues, bindings, consumer).
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
 * event in this process, up to maxRetryDelayMs), then is nacked with requeue. Holding it costs one prefetch slot but
 * needs no extra queues or broker plugin. A message that is not a JSON event can never succeed: it is dropped (logged).
 * The bus itself retries for ever: how many failures an event may have before it stops being redelivered is the
 * consumer's policy (the kernel's dead letters), which resolves the handler, so the message is acked, when it gives up.
 *
 * Publishing: persistent messages with messageId = event id, type = event type, content-type application/json and the
 * event's headers (trace context) as AMQP headers; the body is the event without them. publish() resolves on the
 * broker's confirm and rejects on a nack, a confirm timeout, a channel lost mid-flight, or at once when not connected,
 * so the outbox relay keeps the row and retries. Every known consumer's queue (`topology`) is declared before anything
 * is published: the broker drops, and still confirms, a message that matches no queue.
 *
 * Failures: after a connection loss the manager reconnects (with our backoff) and re-runs the setups, so subscribers
 * resume by themselves; unacked messages return to their queue and are redelivered (at least once). A channel the
 * broker closes with an error (a protocol error) is treated like a connection loss.
 */
export const EVENTS_EXCHANGE = 'artesanias.events';
export const consumerQueueName = (consumer: string) => `artesanias.${consumer}`;

export interface RabbitMqEventBusOptions {
  /** amqp://user:password@host:port/vhost */
  url: string;
  /** Unacked messages per consume() subscription. Default 32. */
  prefetch?: number;
  logger?: Logger;
  /** Durable consumer queues and their bindings, declared on every connection before anything is published. */
  topology?: Readonly<Record<string, readonly string[]>>;
  /** First reconnect delay; doubles per failed attempt up to reconnectMaxMs (±20% jitter). Defaults 100 ms and 5000 ms. */
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
  /** Settles the subscribe() call waiting for the first set-up; later calls do nothing. */
  settle: (err?: Error) => void;
}

class NotConnectedError extends Error {
  constructor(message = 'not connected to RabbitMQ') {
    super(message);
    this.name = 'NotConnectedError';
  }
}

export class RabbitMqEventBus implements EventBus {
  private readonly manager: AmqpConnectionManager;
  private readonly publisher: ChannelWrapper;
  /** The publisher's setup (exchange and topology) ran on the current connection. */
  private ready = false;
  private closing = false;
  private lastError: Error | undefined;
  private attempts = 0;
  private wakeReconnect: (() => void) | undefined;
  private readonly subscriptions = new Set<Subscription>();
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
    this.manager = amqp.connect(null, {
      // The manager waits a fixed time between attempts; it calls findServers before each one, so our growing delay goes there.
      findServers: () => this.nextAttempt(),
      reconnectTimeInSeconds: 0.001,
      connectionOptions: { clientProperties: { connection_name: 'artesanias-events' } },
    });
    this.manager.on('connect', () => {
      this.logger.info({ host: this.host, attempt: this.attempts - 1 }, 'connected to RabbitMQ');
      this.attempts = 0;
    });
    this.manager.on('connectFailed', ({ err }) => {
      if (this.closing) return;
      this.lastError = err;
      this.logger.warn({ err, host: this.host, attempt: this.attempts - 1 }, 'RabbitMQ connection failed; retrying');
    });
    this.manager.on('disconnect', ({ err }) => {
      this.ready = false;
      for (const sub of this.subscriptions) sub.settle();
      if (this.closing) return;
      this.lastError = new NotConnectedError(`connection to RabbitMQ lost${err ? `: ${err.message}` : ''}`);
      this.logger.warn({ host: this.host }, 'lost the RabbitMQ connection; reconnecting');
    });
    this.manager.on('blocked', ({ reason }) => this.logger.warn({ reason }, 'RabbitMQ blocked publishing'));
    this.publisher = this.manager.createChannel({ name: 'publisher', confirm: true, setup: (channel: ConfirmChannel) => this.setUpPublisher(channel) });
    this.publisher.on('connect', () => {
      this.ready = true;
      this.settleFirst();
    });
    this.publisher.on('error', (err) => {
      this.lastError = err;
      this.logger.error({ err }, 'RabbitMQ publisher set-up failed');
    });
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
    return this.ready && !this.closing;
  }

  async publish(event: DomainEvent): Promise<void> {
    if (this.closing) throw new Error('event bus is closed');
    // The wrapper would hold the message until a reconnect; the outbox relay must hear now, keep the row and retry.
    if (!this.ready) throw new NotConnectedError(`not connected to RabbitMQ (${this.lastError?.message ?? 'connecting'}); event ${event.id} not published`);
    const { headers, ...body } = event;
    const timeoutMs = this.options.publishTimeoutMs ?? 10_000;
    try {
      await this.publisher.publish(EVENTS_EXCHANGE, event.type, Buffer.from(JSON.stringify(body)), {
        persistent: true,
        messageId: event.id,
        type: event.type,
        contentType: 'application/json',
        appId: event.source,
        timestamp: Math.floor(Date.parse(event.occurredAt) / 1000) || undefined,
        headers,
        timeout: timeoutMs,
      });
    } catch (err) {
      const reason = (err as Error).message === 'timeout' ? `no confirm within ${timeoutMs} ms` : (err as Error).message;
      throw new Error(`broker did not confirm event ${event.id}: ${reason}`, { cause: err });
    }
  }

  async consume(consumer: string, patterns: readonly string[], handler: EventHandler): Promise<Unsubscribe> {
    if (!/^[\w.-]+$/.test(consumer)) throw new Error(`consumer name must be letters, digits, '.', '_' or '-': ${consumer}`);
    return this.subscribe('consume', consumerQueueName(consumer), patterns, handler);
  }

  async broadcast(patterns: readonly string[], handler: EventHandler): Promise<Unsubscribe> {
    return this.subscribe('broadcast', undefined, patterns, handler);
  }

  /** Stops taking deliveries, lets handlers under way finish (and ack), then closes the connection. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const wake of this.sleepers) wake();
    this.settleFirst(new Error('event bus closed before it connected'));
    for (const sub of this.subscriptions) sub.settle();
    await Promise.allSettled([...this.subscriptions].map((sub) => this.cancel(sub)));
    await Promise.allSettled([...this.subscriptions].flatMap((sub) => [...sub.inFlight]));
    // Only now: a connection attempt under way makes manager.close() wait for it.
    this.wakeReconnect?.();
    await this.manager.close().catch(() => {});
  }

  private async nextAttempt(): Promise<string> {
    const attempt = this.attempts++;
    if (attempt > 0) {
      const delay = backoffDelay(attempt, { minMs: this.options.reconnectMinMs ?? 100, maxMs: this.options.reconnectMaxMs ?? 5000 });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wakeReconnect = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    if (this.closing) throw new Error('event bus closed');
    return this.options.url;
  }

  private async setUpPublisher(channel: ConfirmChannel): Promise<void> {
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    for (const [consumer, patterns] of Object.entries(this.options.topology ?? {})) {
      const queue = consumerQueueName(consumer);
      await channel.assertQueue(queue, { durable: true });
      for (const pattern of patterns) await channel.bindQueue(queue, EVENTS_EXCHANGE, pattern);
    }
    this.reconnectOnError(channel);
  }

  private async subscribe(kind: Subscription['kind'], queue: string | undefined, patterns: readonly string[], handler: EventHandler): Promise<Unsubscribe> {
    if (this.closing) throw new Error('event bus is closed');
    let settle!: Subscription['settle'];
    const firstSetUp = new Promise<void>((resolve, reject) => (settle = (err) => (err ? reject(err) : resolve())));
    const sub: Subscription = { kind, queue, patterns, handler, channel: undefined, consumerTag: undefined, active: true, inFlight: new Set(), failures: new Map(), settle };
    // Not connected: the next connection sets it up; the caller need not wait for the broker.
    if (!this.manager.isConnected()) settle();
    this.subscriptions.add(sub);
    const wrapper = this.manager.createChannel({ name: queue ?? 'broadcast', confirm: false, setup: (channel: Channel) => this.attach(sub, channel) });
    wrapper.on('error', (err) => this.logger.error({ err, queue }, 'RabbitMQ subscription set-up failed'));
    try {
      await firstSetUp;
    } catch (err) {
      sub.active = false;
      this.subscriptions.delete(sub);
      await wrapper.close().catch(() => {});
      throw err;
    }
    return async () => {
      if (!sub.active) return;
      sub.active = false;
      this.subscriptions.delete(sub);
      await this.cancel(sub);
      await Promise.allSettled([...sub.inFlight]);
      await wrapper.close().catch(() => {});
    };
  }

  /** The subscription's setup, run on every new channel: queue, bindings, consumer. */
  private async attach(sub: Subscription, channel: Channel): Promise<void> {
    if (!sub.active || this.closing) return;
    try {
      // Also here: the publisher's channel may not have declared the exchange yet on this connection.
      await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
      const { queue } = sub.kind === 'consume' ? await channel.assertQueue(sub.queue!, { durable: true }) : await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
      if (sub.kind === 'consume') await channel.prefetch(this.options.prefetch ?? 32);
      for (const pattern of sub.patterns) await channel.bindQueue(queue, EVENTS_EXCHANGE, pattern);
      const { consumerTag } = await channel.consume(queue, (message) => this.onMessage(sub, channel, message), { noAck: sub.kind === 'broadcast' });
      sub.channel = channel;
      sub.consumerTag = consumerTag;
      channel.once('close', () => {
        if (sub.channel === channel) sub.channel = sub.consumerTag = undefined;
      });
      this.reconnectOnError(channel);
      sub.settle();
    } catch (err) {
      // Lost with the connection: the next one runs this again. Refused on a live connection (a bad queue or pattern): the caller hears it.
      sub.settle(this.manager.isConnected() ? (err as Error) : undefined);
      throw err;
    }
  }

  private async cancel(sub: Subscription): Promise<void> {
    const { channel, consumerTag } = sub;
    sub.consumerTag = undefined;
    if (channel && consumerTag) await channel.cancel(consumerTag).catch(() => {});
  }

  /** The manager would leave a channel the broker closed with an error dead until the next reconnect: reconnect now. */
  private reconnectOnError(channel: Channel): void {
    channel.on('error', (err) => {
      this.logger.warn({ err }, 'RabbitMQ closed a channel; reconnecting');
      this.reconnect();
    });
  }

  /** Closing the connection makes the manager reconnect and re-run every setup. */
  private reconnect(): void {
    if (!this.closing) void this.manager.connection?.close().catch(() => {});
  }

  private onMessage(sub: Subscription, channel: Channel, message: ConsumeMessage | null): void {
    if (!message) {
      // The broker cancelled the consumer (its queue was deleted): a fresh set-up re-declares it.
      if (sub.active) this.reconnect();
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
      // No jitter: retryDelayMs is a floor callers rely on, and one event's retries do not stampede.
      const delay = backoffDelay(failures, { minMs: this.options.retryDelayMs ?? 500, maxMs: this.options.maxRetryDelayMs ?? 30_000, jitter: 0 });
      this.logger.warn({ err, queue: sub.queue, type: event.type, eventId: event.id, failures, retryInMs: delay }, 'handler failed; will be redelivered');
      await this.sleep(delay);
      this.settle(() => channel.nack(message, false, true));
    }
  }

  /** Acks and nacks go to the channel that delivered the message; on a channel that died with its connection they are lost and the broker redelivers, which is what we want. */
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

/** The event from the body, with the string AMQP headers (trace context) back in event.headers. */
function parseEvent(message: ConsumeMessage): DomainEvent | undefined {
  try {
    const event = JSON.parse(message.content.toString('utf8')) as DomainEvent;
    if (typeof event?.id !== 'string' || typeof event.type !== 'string') return undefined;
    const headers = Object.entries(message.properties.headers ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    return headers.length ? { ...event, headers: Object.fromEntries(headers) } : event;
  } catch {
    return undefined;
  }
}

/** host:port only: the URL may carry a password. */
function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'RabbitMQ';
  }
}

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect, type ConsumeMessage } from 'amqplib';
import { freePort, startRabbitMq, type RabbitMqServer } from '@shop/testing';
import { consumerQueueName, EVENTS_EXCHANGE, RabbitMqEventBus, type RabbitMqEventBusOptions } from '../src/rabbitmq-bus.js';
import { createEventBus, eventBusConfig } from '../src/config.js';
import { InProcessEventBus } from '../src/in-process-bus.js';
import type { DomainEvent } from '../src/event.js';
import { eventIterator } from '../src/event-iterator.js';
import { sleep, testEvent, waitFor } from './helpers.js';
import { describePoisonMessagesOnRabbitMq } from '../../kernel/test/support/poison.js';

let broker: RabbitMqServer;
const buses: RabbitMqEventBus[] = [];

beforeAll(async () => {
  broker = await startRabbitMq();
}, 90_000);
afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
});
afterAll(async () => broker?.stop(), 60_000);

async function bus(options: Omit<RabbitMqEventBusOptions, 'url'> = {}): Promise<RabbitMqEventBus> {
  const created = await RabbitMqEventBus.connect(broker.url, options);
  buses.push(created);
  return created;
}

/** Ready and unacked counts of a queue, read over a separate raw connection. */
async function queueDepth(queue: string): Promise<number> {
  const connection = await connect(broker.url);
  try {
    const channel = await connection.createChannel();
    return (await channel.checkQueue(queue)).messageCount;
  } finally {
    await connection.close();
  }
}

describe('RabbitMqEventBus', () => {
  it('round-trips an event from publish (confirmed) to a consumer, routed by topic', async () => {
    const publisher = await bus();
    const consumer = await bus();
    const received: DomainEvent[] = [];
    await consumer.consume('roundtrip', ['order.*'], async (e) => void received.push(e));
    const event = testEvent(1, 'order.status_changed');
    await publisher.publish(event);
    await publisher.publish(testEvent(2, 'stock.changed'));
    await waitFor(() => received.length === 1, 5000, 'the order event');
    await sleep(200);

    expect(received).toEqual([event]);
    expect(await queueDepth(consumerQueueName('roundtrip'))).toBe(0);
  });

  it('starts an event iterator only once its broadcast queue is bound: an event published right after reaches every one', async () => {
    const [publisher, listener] = [await bus(), await bus()];
    // As a GraphQL subscription starts: the resolver's iterator, then (the moment it is returned) a publish.
    const aggregate = (i: number) => `aggregate-${100 + i}`;
    const iterators = await Promise.all(Array.from({ length: 20 }, (_, i) => eventIterator(listener, ['stock.changed'], (e) => e.aggregateId === aggregate(i), (e) => e.aggregateId)));
    await Promise.all(iterators.map((_, i) => publisher.publish(testEvent(100 + i, 'stock.changed'))));
    const next = await Promise.all(iterators.map((iterator) => Promise.race([iterator.next(), sleep(5000).then(() => ({ value: 'missed', done: true }))])));
    expect(next.map((n) => n.value)).toEqual(iterators.map((_, i) => aggregate(i)));
    await Promise.all(iterators.map((iterator) => iterator.return()));
  });

  it('publishes persistent JSON messages carrying the event id and type on the durable topic exchange', async () => {
    const connection = await connect(broker.url);
    const channel = await connection.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true });
    const publisher = await bus();
    await channel.bindQueue(queue, EVENTS_EXCHANGE, 'payment.#');
    const messages: ConsumeMessage[] = [];
    await channel.consume(queue, (m) => void (m && messages.push(m)), { noAck: true });
    const event = testEvent(3, 'payment.status_changed');
    await publisher.publish(event);
    await waitFor(() => messages.length === 1, 5000, 'the raw message');
    const exchange = await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    await connection.close();

    const [message] = messages;
    expect(exchange.exchange).toBe(EVENTS_EXCHANGE);
    expect(message!.fields.routingKey).toBe('payment.status_changed');
    expect(message!.properties).toMatchObject({ deliveryMode: 2, messageId: event.id, type: event.type, contentType: 'application/json' });
    expect(JSON.parse(message!.content.toString())).toEqual(event);
  });

  it('carries the event headers (W3C trace context) as AMQP headers, and hands the consumer the same headers', async () => {
    const publisher = await bus();
    const consumer = await bus();
    const received: DomainEvent[] = [];
    await consumer.consume('traced', ['order.#'], async (e) => void received.push(e));
    const event = { ...testEvent(1, 'order.status_changed'), headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'shop=1' } };
    await publisher.publish(event);
    await waitFor(() => received.length === 1, 5000, 'the traced event');

    expect(received).toEqual([event]);
  });

  it('shares a consumer group between two buses: each message goes to exactly one of them', async () => {
    const publisher = await bus();
    const first = await bus({ prefetch: 4 });
    const second = await bus({ prefetch: 4 });
    const a: string[] = [];
    const b: string[] = [];
    await first.consume('shared', ['stock.changed'], async (e) => void a.push(e.id));
    await second.consume('shared', ['stock.changed'], async (e) => void b.push(e.id));
    const events = Array.from({ length: 40 }, (_, n) => testEvent(n, 'stock.changed'));
    await Promise.all(events.map((e) => publisher.publish(e)));
    await waitFor(() => a.length + b.length >= 40, 5000, '40 deliveries');
    await sleep(300);

    expect(a.length + b.length).toBe(40);
    expect(new Set([...a, ...b])).toEqual(new Set(events.map((e) => e.id)));
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  });

  it('broadcasts every event to every connected bus, and stops after unsubscribe', async () => {
    const publisher = await bus();
    const first = await bus();
    const second = await bus();
    const a: string[] = [];
    const b: string[] = [];
    await first.broadcast(['order.#', 'payment.status_changed'], async (e) => void a.push(e.id));
    const unsubscribe = await second.broadcast(['#'], async (e) => void b.push(e.id));
    const events = [testEvent(1, 'order.status_changed'), testEvent(2, 'payment.status_changed'), testEvent(3, 'order.refund_requested')];
    for (const event of events) await publisher.publish(event);
    await waitFor(() => a.length === 3 && b.length === 3, 5000, 'both listeners');
    await unsubscribe();
    await publisher.publish(testEvent(4, 'order.status_changed'));
    await waitFor(() => a.length === 4, 5000, 'the fourth event');
    await sleep(200);

    expect(a.slice(0, 3)).toEqual(events.map((e) => e.id));
    expect(b).toEqual(events.map((e) => e.id));
  });

  it('redelivers the message to a handler that throws, after a delay, and acks it once the handler succeeds', async () => {
    const publisher = await bus();
    const consumer = await bus({ retryDelayMs: 100 });
    const attempts: number[] = [];
    await consumer.consume('flaky', ['test.#'], async () => {
      attempts.push(Date.now());
      if (attempts.length < 3) throw new Error('not yet');
    });
    await publisher.publish(testEvent(1));
    await waitFor(() => attempts.length === 3, 5000, 'the third attempt');
    await sleep(300);
    // Closing returns unacked messages to the queue: an empty queue afterwards means it was acked.
    await consumer.close();

    expect(attempts).toHaveLength(3);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(90);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(180);
    expect(await queueDepth(consumerQueueName('flaky'))).toBe(0);
  });

  it('keeps messages for a consumer group while none of its replicas is connected', async () => {
    const publisher = await bus();
    const first = await bus();
    const unsubscribe = await first.consume('offline', ['test.#'], async () => {});
    await unsubscribe();
    const events = [testEvent(1), testEvent(2)];
    for (const event of events) await publisher.publish(event);
    expect(await queueDepth(consumerQueueName('offline'))).toBe(2);

    const received: string[] = [];
    const later = await bus();
    await later.consume('offline', ['test.#'], async (e) => void received.push(e.id));
    await waitFor(() => received.length === 2, 5000, 'the kept messages');
    expect(received.sort()).toEqual(events.map((e) => e.id).sort());
  });

  it('rejects publish while it has no connection, and connect() gives up after its timeout', async () => {
    const url = `amqp://guest:guest@127.0.0.1:${await freePort()}`;
    const offline = new RabbitMqEventBus({ url, reconnectMinMs: 50, reconnectMaxMs: 200 });
    await expect(offline.publish(testEvent(1))).rejects.toThrow(/not connected/);
    await offline.close();
    await expect(offline.publish(testEvent(1))).rejects.toThrow(/closed/);
    await expect(RabbitMqEventBus.connect(url, { timeoutMs: 500, reconnectMinMs: 50 })).rejects.toThrow(/could not connect/);
  });

  it('creates the bus the config names', async () => {
    const memory = await createEventBus(eventBusConfig.parse({}));
    expect(memory).toBeInstanceOf(InProcessEventBus);
    await memory.close();
    const rabbit = await createEventBus(eventBusConfig.parse({ EVENT_BUS: 'rabbitmq', RABBITMQ_URL: broker.url }));
    expect(rabbit).toBeInstanceOf(RabbitMqEventBus);
    expect((rabbit as RabbitMqEventBus).connected).toBe(true);
    await rabbit.close();
  });
});

// The kernel's dead-letter policy on a real broker, on this file's node rather than one of its own (a node takes 20+ s to start).
describePoisonMessagesOnRabbitMq(() => broker.url);

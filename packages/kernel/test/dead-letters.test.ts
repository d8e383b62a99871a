import { inject, describe, expect, it } from 'vitest';
import { InProcessEventBus } from '@shop/events';
import { createTestDatabase } from '@shop/testing';
import { startSubgraph } from '../src/index.js';
import { behaviour, command, config, letterOf, MAX_DELIVERIES, ping, timesAnswered, worker } from './support/poison.js';

// The same cases on RabbitMQ (two replicas, metrics, the admin command) run on the broker of
// packages/events/test/rabbitmq-bus.test.ts: describePoisonMessagesOnRabbitMq in ./support/poison.ts.
describe('poison messages on the in-process bus', () => {
  it('follows the same policy: dead-lettered after the limit, acknowledged, replayable', async () => {
    const database = await createTestDatabase(inject('databaseUrl'), 'kernel_dead_letters_memory');
    const bus = new InProcessEventBus(5);
    const replica = await startSubgraph(worker, { config: config(database.url), bus });
    try {
      behaviour.fixed = false;
      behaviour.poisonCalls = 0;
      const poison = ping.create({ pingId: 'poison-memory' });
      await bus.publish(poison);
      await bus.drain();
      expect(behaviour.poisonCalls).toBe(MAX_DELIVERIES);
      expect(await letterOf(replica, poison.id)).toMatchObject({ attempts: MAX_DELIVERIES, error: 'no customer for poison-memory' });
      behaviour.fixed = true;
      expect((await command(['replay', 'letters', poison.id], replica)).code).toBe(0);
      expect(await timesAnswered(replica, 'poison-memory')).toBe(1);
    } finally {
      await replica.stop();
      await bus.close();
      await database.drop();
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@shop/testing';
import { createLogger } from '@shop/common';
import { UpstreamConnections } from '../src/subscriptions/upstream-connections.js';
import { ANONYMOUS } from '../src/subscriptions/scope.js';

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
afterEach(() => {
  process.off('unhandledRejection', onRejection);
});

describe('upstream connections to a subgraph that is down', () => {
  it('releases the last user without an unhandled rejection (which would stop the gateway)', async () => {
    process.on('unhandledRejection', onRejection);
    const closedPort = await freePort();
    const connections = new UpstreamConnections({ keepAliveMs: 10_000, retryAttempts: 100, retryWaitMs: 20, logger: createLogger('test') });
    const client = connections.acquire('notifications', `ws://127.0.0.1:${closedPort}/graphql`, ANONYMOUS);
    const unsubscribe = client.subscribe({ query: 'subscription { notificationAdded { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    // Refused at least once: the client is between attempts when its last user leaves.
    await new Promise((resolve) => setTimeout(resolve, 200));
    unsubscribe();
    connections.release('notifications', ANONYMOUS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connections.clients()).toBe(0);
    expect(rejections).toEqual([]);
    await connections.dispose();
  });
});

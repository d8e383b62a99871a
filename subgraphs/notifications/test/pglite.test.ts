import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { InProcessEventBus } from '@shop/events';
import { startSubgraph } from '@shop/kernel';
import { graphqlRequest } from '@shop/testing';
import type { RunningServer } from '@shop/server';
import { users as usersDefinition } from '@shop/users';
import { notifications as definition } from '../src/subgraph.js';
import { queries } from './support/harness.js';
import { orderChange } from './support/events.js';

// The embedded default (`npm start`) runs PostgreSQL in WASM: the same migrations and SQL must work there.
let dataDir: string;
let users: RunningServer;
let notifications: RunningServer;
let token: string;
const bus = new InProcessEventBus(20);
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'notifications-pglite-'));
  const keys = await generateKeyPairPem();
  token = await (await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem)).issue({ id: demo.customer.id, roles: ['CUSTOMER'] });
  const common = { PORT: 0, HOST: '127.0.0.1', JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true' } as const;
  users = await startSubgraph(usersDefinition, { config: { ...common, DATA_DIR: join(dataDir, 'users'), JWT_PRIVATE_KEY: keys.privateKeyPem } });
  notifications = await startSubgraph(definition, { config: { ...common, DATA_DIR: join(dataDir, 'notifications'), USERS_URL: users.url, EMAIL_INTERVAL_MS: '50' }, bus });
});
afterAll(async () => {
  await notifications?.stop();
  await users?.stop();
  await bus.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('on embedded PGlite', () => {
  it('migrates, seeds, notifies, pages the feed, marks read, keeps preferences and writes the .eml', async () => {
    const seeded = await graphqlRequest(notifications.url, queries.feed, { id: demo.customer.id }, token);
    expect(seeded.data._entities[0].unreadNotificationCount).toBe(1);

    await bus.publish(orderChange(demo.customer.id, 'PAID', 'SHIPPED', { number: 'ORD-000077' }));
    await bus.drain();
    const page = await graphqlRequest(notifications.url, queries.feed, { id: demo.customer.id, first: 1 }, token);
    expect(page.data._entities[0].notifications.edges[0].node).toMatchObject({ title: 'Tu pedido ORD-000077 fue enviado', read: false });
    const next = await graphqlRequest(notifications.url, queries.feed, { id: demo.customer.id, first: 1, after: page.data._entities[0].notifications.pageInfo.endCursor }, token);
    expect(next.data._entities[0].notifications.edges[0].node.title).toBe('Nueva respuesta en tu ticket TKT-000001');

    const marked = await graphqlRequest(notifications.url, queries.markRead, {}, token);
    expect(marked.data.markNotificationsRead).toEqual({ unreadNotificationCount: 0, errors: [] });
    const set = await graphqlRequest(notifications.url, queries.setPreference, { kind: 'ORDER_PAID', email: false }, token);
    expect(set.data.setNotificationPreference.preferences).toContainEqual({ kind: 'ORDER_PAID', email: false });

    await vi.waitFor(async () => expect((await readdir(join(dataDir, 'notifications', 'mail')).catch(() => [])).length).toBe(1), { timeout: 5000 });
  });
});

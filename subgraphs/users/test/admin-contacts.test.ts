import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { request } from 'undici';
import { createServiceCredentials, generateKeyPairPem, serviceSecretFrom } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { startSubgraph } from '@shop/kernel';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import type { RunningServer } from '@shop/server';
import { adminContactsAnswer, userPaths } from '../src/contract.js';
import { users } from '../src/subgraph.js';

let server: RunningServer;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'users_admins');
  drop = database.drop;
  const keys = await generateKeyPairPem();
  server = await startSubgraph(users, {
    config: { PORT: 0, HOST: '127.0.0.1', DATABASE_URL: database.url, JWT_PRIVATE_KEY: keys.privateKeyPem, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', LOGIN_LIMITS: 'off' },
  });
});
afterAll(async () => {
  await server?.stop();
  await drop?.();
});

const adminContactsUrl = () => new URL(userPaths.adminContacts, server.url).toString();

describe('GET /internal/admin-contacts', () => {
  it('lists every admin (and only admins) to a verified service', async () => {
    await graphqlRequest(server.url, `mutation { register(input: { email: "shopper@example.com", password: "password123", name: "Shopper" }) { errors { code } } }`);
    const credentials = createServiceCredentials('notifications', serviceSecretFrom({}));
    const response = await request(adminContactsUrl(), { headers: await credentials.headers() });
    expect(response.statusCode).toBe(200);
    const { admins } = adminContactsAnswer.parse(await response.body.json());
    expect(admins).toEqual([{ id: demo.admin.id, name: demo.admin.name, email: demo.admin.email }]);
  });

  it('answers 401 without a service token, and with a user token', async () => {
    const anonymous = await request(adminContactsUrl());
    expect(anonymous.statusCode).toBe(401);
    expect(JSON.stringify(await anonymous.body.json())).not.toContain(demo.admin.email);
    const login = await graphqlRequest(server.url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: demo.admin.email, p: demo.admin.password });
    const asUser = await request(adminContactsUrl(), { headers: { authorization: `Bearer ${login.data.login.token}` } });
    expect(asUser.statusCode).toBe(401);
    await asUser.body.text();
  });
});

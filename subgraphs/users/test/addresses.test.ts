import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { request } from 'undici';
import { createServiceCredentials, generateKeyPairPem, serviceSecretFrom } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { openDatabase, type Database } from '@shop/db';
import { startSubgraph } from '@shop/kernel';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import type { RunningServer } from '@shop/server';
import { RemoteAddressBook } from '../src/address-book.js';
import { addressPath, addressRecord } from '../src/contract.js';
import { schema, type UsersSchema } from '../src/db/schema.js';
import { MAX_ADDRESSES_PER_USER } from '../src/domain/addresses.js';
import { demoAddresses, seedDemoUsers } from '../src/domain/seed.js';
import { users } from '../src/subgraph.js';

let server: RunningServer;
let db: Database<UsersSchema>;
let closeDb: () => Promise<void>;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'users_addresses');
  drop = database.drop;
  const keys = await generateKeyPairPem();
  server = await startSubgraph(users, {
    config: { PORT: 0, HOST: '127.0.0.1', DATABASE_URL: database.url, JWT_PRIVATE_KEY: keys.privateKeyPem, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', LOGIN_LIMITS: 'off' },
  });
  const opened = await openDatabase({ url: database.url, schema, migrationsFolder: fileURLToPath(users.database.migrations), maxConnections: 2 });
  db = opened.db;
  closeDb = opened.close;
});
afterAll(async () => {
  await server?.stop();
  await closeDb?.();
  await drop?.();
});

const FIELDS = 'id recipient line1 line2 city region postalCode country phone';
const ADD = `mutation($i: AddressInput!) { addAddress(input: $i) { address { ${FIELDS} } errors { code field message } } }`;
const UPDATE = `mutation($id: ID!, $i: AddressInput!) { updateAddress(id: $id, input: $i) { address { ${FIELDS} } errors { code field message } } }`;
const REMOVE = `mutation($id: ID!) { removeAddress(id: $id) { address { ${FIELDS} } errors { code field message } } }`;
const MINE = `{ me { addresses { ${FIELDS} } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { token user { id } } }`;

const home = { recipient: 'Ana Pérez', line1: 'Calle 26 # 13-19', line2: 'Oficina 301', city: 'Bogotá', region: 'Bogotá D.C.', postalCode: '110311', country: 'CO', phone: '+57 (601) 555-0100' };

let registered = 0;
async function newCustomer(): Promise<{ id: string; token: string }> {
  const res = await graphqlRequest(server.url, REGISTER, { i: { email: `addr-${++registered}-${Date.now()}@example.test`, password: 'password123', name: 'Ana' } });
  return { id: res.data.register.user.id, token: res.data.register.token };
}
const signIn = async (email: string, password: string) => (await graphqlRequest(server.url, LOGIN, { e: email, p: password })).data.login.token as string;
const addressesOf = async (token: string) => (await graphqlRequest(server.url, MINE, {}, token)).data.me.addresses as { id: string }[];

describe('saved addresses', () => {
  it('seeds the demo customer with a Bogotá and a Medellín address once, however often the seed runs', async () => {
    const token = await signIn(demo.customer.email, demo.customer.password);
    const before = await addressesOf(token);
    expect(before).toMatchObject([
      { id: demoAddresses[0]!.id, city: 'Bogotá', region: 'Bogotá D.C.', country: 'CO' },
      { id: demoAddresses[1]!.id, city: 'Medellín', region: 'Antioquia', country: 'CO' },
    ]);
    expect(await seedDemoUsers(db)).toBe(false);
    expect(await addressesOf(token)).toEqual(before);
  });

  it('adds, lists, updates and removes the viewer’s own address, trimming text and upper-casing the country', async () => {
    const ana = await newCustomer();
    const added = await graphqlRequest(server.url, ADD, { i: { ...home, recipient: '  Ana Pérez ', line2: '   ', country: 'co', postalCode: '', phone: null } }, ana.token);
    expect(added.data.addAddress.errors).toEqual([]);
    const address = added.data.addAddress.address;
    expect(address).toEqual({ ...home, id: expect.any(String), line2: null, postalCode: null, phone: null });
    expect(await addressesOf(ana.token)).toEqual([address]);

    const updated = await graphqlRequest(server.url, UPDATE, { id: address.id, i: { ...home, city: 'Medellín', region: 'Antioquia' } }, ana.token);
    expect(updated.data.updateAddress).toEqual({ address: { ...home, id: address.id, city: 'Medellín', region: 'Antioquia' }, errors: [] });

    const removed = await graphqlRequest(server.url, REMOVE, { id: address.id }, ana.token);
    expect(removed.data.removeAddress.address.id).toBe(address.id);
    expect(await addressesOf(ana.token)).toEqual([]);
  });

  // One customer with one saved address for every case: it must stay exactly as saved.
  let validating: Promise<{ ana: { token: string }; kept: { id: string } }> | undefined;
  it.each([
    ['a blank recipient', { recipient: '  ' }, ['input', 'recipient']],
    ['a blank street', { line1: '' }, ['input', 'line1']],
    ['a street of 201 characters', { line1: 'x'.repeat(201) }, ['input', 'line1']],
    ['a blank region', { region: ' ' }, ['input', 'region']],
    ['a blank city', { city: '' }, ['input', 'city']],
    ['a country that is no ISO code (UK)', { country: 'UK' }, ['input', 'country']],
    ['a three-letter country', { country: 'COL' }, ['input', 'country']],
    ['a postal code with #', { postalCode: '11#0' }, ['input', 'postalCode']],
    ['a postal code of 21 characters', { postalCode: '1'.repeat(21) }, ['input', 'postalCode']],
    ['a phone with letters', { phone: 'call me' }, ['input', 'phone']],
  ])('refuses %s with INVALID_INPUT at the field, adding and updating, and saves nothing', async (_name, change, field) => {
    const { ana, kept } = await (validating ??= (async () => {
      const ana = await newCustomer();
      return { ana, kept: (await graphqlRequest(server.url, ADD, { i: home }, ana.token)).data.addAddress.address };
    })());
    const bad = { ...home, ...change };
    const added = await graphqlRequest(server.url, ADD, { i: bad }, ana.token);
    expect(added.data.addAddress).toEqual({ address: null, errors: [expect.objectContaining({ code: 'INVALID_INPUT', field })] });
    const updated = await graphqlRequest(server.url, UPDATE, { id: kept.id, i: bad }, ana.token);
    expect(updated.data.updateAddress).toEqual({ address: null, errors: [expect.objectContaining({ code: 'INVALID_INPUT', field })] });
    expect(await addressesOf(ana.token)).toEqual([kept]);
  });

  it(`keeps at most ${MAX_ADDRESSES_PER_USER} addresses, even when more are added at once (LIMIT_REACHED for the rest)`, async () => {
    const ana = await newCustomer();
    const results = await Promise.all(
      Array.from({ length: MAX_ADDRESSES_PER_USER + 5 }, (_, i) => graphqlRequest(server.url, ADD, { i: { ...home, line2: `Casa ${i}` } }, ana.token)),
    );
    const refused = results.filter((r) => r.data.addAddress.errors.length > 0);
    expect(refused).toHaveLength(5);
    for (const r of refused) expect(r.data.addAddress).toEqual({ address: null, errors: [expect.objectContaining({ code: 'LIMIT_REACHED' })] });
    expect(await addressesOf(ana.token)).toHaveLength(MAX_ADDRESSES_PER_USER);
    // Removing one makes room again.
    const [first] = await addressesOf(ana.token);
    await graphqlRequest(server.url, REMOVE, { id: first!.id }, ana.token);
    expect((await graphqlRequest(server.url, ADD, { i: home }, ana.token)).data.addAddress.errors).toEqual([]);
  });

  it('answers another user’s address exactly like one that does not exist (NOT_FOUND) and leaves it untouched', async () => {
    const ana = await newCustomer();
    const eve = await newCustomer();
    const anas = (await graphqlRequest(server.url, ADD, { i: home }, ana.token)).data.addAddress.address;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const answers = [];
    for (const id of [anas.id, unknown, 'not-an-id']) {
      answers.push((await graphqlRequest(server.url, UPDATE, { id, i: { ...home, line1: 'Robada 1' } }, eve.token)).data.updateAddress);
      answers.push((await graphqlRequest(server.url, REMOVE, { id }, eve.token)).data.removeAddress);
    }
    for (const answer of answers) expect(answer).toEqual({ address: null, errors: [{ code: 'NOT_FOUND', field: ['id'], message: 'You have no saved address with this id.' }] });
    expect(await addressesOf(ana.token)).toEqual([anas]);
  });

  it('shows User.addresses to the user and admins only: a seller’s public profile shows them to nobody else (FORBIDDEN)', async () => {
    const ana = await newCustomer();
    const anas = (await graphqlRequest(server.url, ADD, { i: home }, ana.token)).data.addAddress.address;
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id addresses { id } } } }`;
    const eve = await newCustomer();
    // A customer is nobody else's to see at all; a seller is public (the shop's name) but not their addresses.
    const asEve = await graphqlRequest(server.url, query, { r: [{ __typename: 'User', id: ana.id }] }, eve.token);
    expect(asEve.data._entities).toEqual([null]);
    const sellersAddresses = await graphqlRequest(server.url, query, { r: [{ __typename: 'User', id: demo.sellers[0].id }] }, eve.token);
    expect(sellersAddresses.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await signIn(demo.admin.email, demo.admin.password);
    const asAdmin = await graphqlRequest(server.url, query, { r: [{ __typename: 'User', id: ana.id }] }, admin);
    expect(asAdmin.data._entities).toEqual([{ id: ana.id, addresses: [{ id: anas.id }] }]);
  });

  it('signed out, the mutations are UNAUTHENTICATED and save nothing', async () => {
    const res = await graphqlRequest(server.url, ADD, { i: home });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('GET /internal/users/:userId/addresses/:addressId', () => {
  const book = () => new RemoteAddressBook({ url: server.url, credentials: createServiceCredentials('orders', serviceSecretFrom({})) });

  it('answers the user’s address to a verified service, and NOT_FOUND for someone else’s or an unknown id', async () => {
    const ana = await newCustomer();
    const eve = await newCustomer();
    const anas = (await graphqlRequest(server.url, ADD, { i: home }, ana.token)).data.addAddress.address;
    expect(await book().findAddress(ana.id, anas.id)).toEqual(anas);
    expect(await book().findAddress(eve.id, anas.id)).toBeNull();
    expect(await book().findAddress(ana.id, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await book().findAddress('nobody', 'nothing')).toBeNull();
  });

  it('answers 401 without a service token, and with a user token, telling nothing', async () => {
    const ana = await newCustomer();
    const anas = (await graphqlRequest(server.url, ADD, { i: home }, ana.token)).data.addAddress.address;
    const url = new URL(addressPath(ana.id, anas.id), server.url);
    for (const headers of [{}, { authorization: `Bearer ${ana.token}` }]) {
      const response = await request(url, { headers });
      expect(response.statusCode).toBe(401);
      const body = await response.body.text();
      expect(body).not.toContain(home.line1);
      expect(addressRecord.safeParse(JSON.parse(body)).success).toBe(false);
    }
  });

  it('throws SubgraphUnavailableError when users does not answer', async () => {
    const down = new RemoteAddressBook({ url: 'http://127.0.0.1:1/graphql', timeoutMs: 500, credentials: createServiceCredentials('orders', serviceSecretFrom({})) });
    await expect(down.findAddress(demo.customer.id, demoAddresses[0]!.id)).rejects.toMatchObject({ name: 'SubgraphUnavailableError' });
  });
});

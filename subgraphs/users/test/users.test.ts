import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SignJWT } from 'jose';
import { generateKeyPairPem, importPrivateKey, JWT_AUDIENCE, JWT_ISSUER } from '@shop/auth';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import { demo } from '@shop/demo-store';
import { startSubgraph } from '@shop/kernel';
import type { RunningServer } from '@shop/server';
import { users } from '../src/subgraph.js';

let server: RunningServer;
let drop: () => Promise<void>;
let keys: Awaited<ReturnType<typeof generateKeyPairPem>>;

beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'users');
  drop = database.drop;
  keys = await generateKeyPairPem();
  server = await startSubgraph(users, {
    config: { PORT: 0, HOST: '127.0.0.1', DATABASE_URL: database.url, JWT_PRIVATE_KEY: keys.privateKeyPem, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true' },
  });
});
afterAll(async () => {
  await server?.stop();
  await drop?.();
});

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id email name roles } errors { code field message } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } errors { code } } }`;
const ME = `{ me { id email roles } }`;

describe('accounts', () => {
  it('registers a customer, signs in and answers me with the email', async () => {
    const reg = await graphqlRequest(server.url, REGISTER, { input: { email: 'Ana@Example.com ', password: 'correct horse', name: 'Ana' } });
    expect(reg.data.register.errors).toEqual([]);
    expect(reg.data.register.user).toMatchObject({ email: 'ana@example.com', roles: ['CUSTOMER'] });
    const login = await graphqlRequest(server.url, LOGIN, { e: 'ana@example.com', p: 'correct horse' });
    expect(login.data.login.user.id).toBe(reg.data.register.user.id);
    const me = await graphqlRequest(server.url, ME, {}, login.data.login.token);
    expect(me.data.me).toEqual({ id: reg.data.register.user.id, email: 'ana@example.com', roles: ['CUSTOMER'] });
  });

  it('lets a seller open a shop but never self-assigns ADMIN, and writes nothing then', async () => {
    const seller = await graphqlRequest(server.url, REGISTER, { input: { email: 'shop@example.com', password: 'password123', name: 'Shop', roles: ['SELLER'] } });
    expect(seller.data.register.user.roles).toEqual(['SELLER']);
    const admin = await graphqlRequest(server.url, REGISTER, { input: { email: 'boss@example.com', password: 'password123', name: 'Boss', roles: ['ADMIN'] } });
    expect(admin.data.register).toMatchObject({ token: null, user: null, errors: [{ code: 'FORBIDDEN', field: ['input', 'roles'] }] });
    const login = await graphqlRequest(server.url, LOGIN, { e: 'boss@example.com', p: 'password123' });
    expect(login.data.login.errors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
  });

  it.each([
    [{ email: '', password: 'password123', name: 'X' }, ['input', 'email']],
    [{ email: 'not-an-email', password: 'password123', name: 'X' }, ['input', 'email']],
    [{ email: `${'a'.repeat(250)}@x.co`, password: 'password123', name: 'X' }, ['input', 'email']],
    [{ email: 'short@example.com', password: 'short', name: 'X' }, ['input', 'password']],
    [{ email: 'long@example.com', password: 'p'.repeat(129), name: 'X' }, ['input', 'password']],
    [{ email: 'blank@example.com', password: 'password123', name: '   ' }, ['input', 'name']],
    [{ email: 'huge@example.com', password: 'password123', name: 'n'.repeat(101) }, ['input', 'name']],
  ])('rejects bad registration input %# with INVALID_INPUT at the field', async (input, field) => {
    const res = await graphqlRequest(server.url, REGISTER, { input });
    expect(res.status).toBe(200);
    expect(res.data.register.user).toBeNull();
    expect(res.data.register.errors).toContainEqual(expect.objectContaining({ code: 'INVALID_INPUT', field }));
  });

  it('rejects an unknown role enum as a GraphQL BAD_USER_INPUT error', async () => {
    const res = await graphqlRequest(server.url, REGISTER, { input: { email: 'r@example.com', password: 'password123', name: 'R', roles: ['KING'] } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res)).not.toMatch(/stack|at .*\.ts/);
  });

  it('refuses a second account with the same email (EMAIL_TAKEN)', async () => {
    const input = { email: 'twice@example.com', password: 'password123', name: 'Twice' };
    await graphqlRequest(server.url, REGISTER, { input });
    const again = await graphqlRequest(server.url, REGISTER, { input: { ...input, email: 'TWICE@example.com' } });
    expect(again.data.register.errors).toEqual([{ code: 'EMAIL_TAKEN', field: ['input', 'email'], message: expect.any(String) }]);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await graphqlRequest(server.url, LOGIN, { e: demo.customer.email, p: 'wrong-password' });
    const unknown = await graphqlRequest(server.url, LOGIN, { e: 'nobody@example.com', p: 'wrong-password' });
    expect(wrong.data.login).toEqual({ token: null, user: null, errors: [{ code: 'INVALID_CREDENTIALS' }] });
    expect(unknown.data.login).toEqual(wrong.data.login);
  });

  it('seeds the demo accounts whose credentials the README lists', async () => {
    const res = await graphqlRequest(server.url, LOGIN, { e: demo.admin.email, p: demo.admin.password });
    expect(res.data.login.user.id).toBe(demo.admin.id);
  });
});

describe('tokens', () => {
  const sign = async (privateKeyPem: string, claims: { sub?: string; exp?: string | number; iss?: string }) =>
    new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject(claims.sub ?? demo.customer.id)
      .setIssuer(claims.iss ?? JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(claims.exp ?? '1h')
      .sign(await importPrivateKey(privateKeyPem));

  it.each([
    ['forged with another key', async () => sign((await generateKeyPairPem()).privateKeyPem, {})],
    ['expired', async () => sign(keys.privateKeyPem, { exp: Math.floor(Date.now() / 1000) - 60 })],
    ['from another issuer', async () => sign(keys.privateKeyPem, { iss: 'someone-else' })],
    ['malformed', async () => 'not.a.jwt'],
    ['tampered', async () => (await sign(keys.privateKeyPem, {})).replace(/\.[^.]+$/, '.AAAA')],
  ])('a %s token is UNAUTHENTICATED', async (_name, token) => {
    const res = await graphqlRequest(server.url, ME, {}, await token());
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });

  it("shows a customer only to themself and admins, and of a seller's public profile never the email", async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email } } }`;
    const r = [{ __typename: 'User', id: demo.customer.id }];
    const anonymous = await graphqlRequest(server.url, query, { r });
    expect(anonymous.data._entities[0]).toBeNull();
    const seller = await graphqlRequest(server.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name email } } }`, { r: [{ __typename: 'User', id: demo.sellers[0].id }] });
    expect(seller.data._entities[0]).toEqual({ id: demo.sellers[0].id, name: demo.sellers[0].name, email: null });
    const adminLogin = await graphqlRequest(server.url, LOGIN, { e: demo.admin.email, p: demo.admin.password });
    const asAdmin = await graphqlRequest(server.url, query, { r }, adminLogin.data.login.token);
    expect(asAdmin.data._entities[0].email).toBe(demo.customer.email);
  });

  it('publishes the public key as JWKS', async () => {
    const jwks = (await (await fetch(server.url.replace('/graphql', '/.well-known/jwks.json'))).json()) as { keys: { kty: string; crv: string }[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
  });
});

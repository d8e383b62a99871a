import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { startTestPlatform } from './support/platform.js';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;

// The gateway believes X-Forwarded-For from loopback here (as behind a load balancer), so each test client has its own address.
beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'), { clientLimits: { trustProxy: 'loopback' } });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }`;
const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { token errors { code } } }`;
const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('sign-in limits through the gateway', () => {
  it('counts per client address the gateway forwards: the 21st registration from one address is RATE_LIMITED, another address is served', { timeout: 60_000 }, async () => {
    const register = (n: number, ip: string) =>
      graphqlRequest(platform.gatewayUrl, REGISTER, { i: { email: `gw-${n}@example.test`, password: 'long-enough-pass', name: `Gw ${n}` } }, undefined, from(ip));
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => register(n, '198.51.100.20')));
    expect(answers.map((a) => a.data?.register.errors)).toEqual(Array(20).fill([]));
    const refused = await register(20, '198.51.100.20');
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Too many accounts were created from this address/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
    expect(JSON.stringify(refused)).not.toMatch(/127\.0\.0\.1|localhost|serviceName/);
    expect((await register(20, '198.51.100.21')).data.register.errors).toEqual([]);
  });

  it('locks an account after 10 wrong passwords, for the right password too, and names the wait', async () => {
    const account = { email: 'gw-0@example.test', password: 'long-enough-pass' };
    for (let i = 0; i < 10; i++) expect((await graphqlRequest(platform.gatewayUrl, LOGIN, { e: account.email, p: 'wrong-password' }, undefined, from('198.51.100.22'))).data.login.errors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    const locked = await graphqlRequest(platform.gatewayUrl, LOGIN, { e: account.email, p: account.password }, undefined, from('198.51.100.23'));
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect((await graphqlRequest(platform.gatewayUrl, LOGIN, { e: demo.customer.email, p: demo.customer.password }, undefined, from('198.51.100.22'))).data.login.errors).toEqual([]);
  });
});

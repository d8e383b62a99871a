import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateKeyPairPem } from '@shop/auth';
import { createLogger } from '@shop/common';
import { demo } from '@shop/demo-store';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { RateLimited } from '@shop/server';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import { clientAddressOf, zTrustProxy } from '../src/client-address.js';
import { logIn } from '../src/domain/accounts.js';
import { humanWait, StoredSignInLimits } from '../src/domain/sign-in-limits.js';
import { users } from '../src/subgraph.js';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } errors { code } } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token errors { code field } } }`;
const WRONG = 'not-the-password-7f3a';

let keys: Awaited<ReturnType<typeof generateKeyPairPem>>;
let server: RunningSubgraph<any, any>;
let replica: RunningSubgraph<any, any>;
let drop: () => Promise<void>;
const logLines: string[] = [];
const secrets = new Set<string>([WRONG]);

// Requests come from 127.0.0.1, which users trusts by default to name the client (as the gateway does).
const from = (ip: string) => ({ 'x-forwarded-for': ip });
const login = (url: string, email: string, password: string, ip: string) => graphqlRequest(url, LOGIN, { e: email, p: password }, undefined, from(ip));

beforeAll(async () => {
  keys = await generateKeyPairPem();
  const database = await createTestDatabase(inject('databaseUrl'), 'users_limits');
  drop = database.drop;
  const config = { PORT: 0, HOST: '127.0.0.1', DATABASE_URL: database.url, JWT_PRIVATE_KEY: keys.privateKeyPem, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true' as const, LOGIN_MAX_FAILURES_PER_IP: 30, REGISTER_MAX_PER_IP: 5 };
  // Every line users writes, at every level, to look for secrets in afterwards.
  const logger = createLogger('users', new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) }));
  logger.level = 'trace';
  server = await startSubgraph(users, { config, logger });
  // A second replica over the same database: limits are counted there, not in either process.
  replica = await startSubgraph(users, { config, logger });
});
afterAll(async () => {
  await replica?.stop();
  await server?.stop();
  await drop?.();
});

describe('login limits', () => {
  it('locks an account after 10 wrong passwords in a row: RATE_LIMITED with retryAfterSeconds, even for the right password, on every replica', async () => {
    const answers = [];
    for (let i = 0; i < 50; i++) answers.push(await login(server.url, demo.customer.email, WRONG, '198.51.100.1'));
    expect(answers.slice(0, 10).map((a) => a.data?.login.errors[0].code)).toEqual(Array(10).fill('INVALID_CREDENTIALS'));
    for (const limited of answers.slice(10)) {
      expect(limited.status).toBe(200);
      expect(limited.data ?? null).toBeNull();
      expect(limited.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Too many failed sign-in attempts\. Try again in \d+ (minutes|seconds)\.$/), extensions: { code: 'RATE_LIMITED' } });
      const wait = limited.errors![0]!.extensions!.retryAfterSeconds;
      expect(wait).toBeGreaterThan(14 * 60);
      expect(wait).toBeLessThanOrEqual(15 * 60);
    }
    // The right password, from elsewhere, through the other replica, and with the email written differently: still locked.
    const right = await login(replica.url, `  ${demo.customer.email.toUpperCase()} `, demo.customer.password, '203.0.113.7');
    expect(right.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(right.data ?? null).toBeNull();
  });

  it('still lets another account sign in from another address', async () => {
    const other = await login(server.url, demo.admin.email, demo.admin.password, '203.0.113.8');
    expect(other.data.login.errors).toEqual([]);
    expect(other.data.login.token).toEqual(expect.any(String));
  });

  it('forgets an account’s failures after a successful login', async () => {
    const seller = demo.sellers[0]!;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++) expect((await login(server.url, seller.email, WRONG, '198.51.100.2')).data.login.errors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
      const ok = await login(replica.url, seller.email, seller.password, '198.51.100.2');
      expect(ok.data.login.errors).toEqual([]);
    }
  });

  it('locks an address after its limit of failures over many accounts, while other addresses are served', async () => {
    const attacker = '198.51.100.66';
    for (let i = 0; i < 30; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, j) => login(server.url, `victim${i + j}@example.test`, WRONG, attacker)));
      expect(batch.map((b) => b.data?.login.errors[0].code)).toEqual(Array(10).fill('INVALID_CREDENTIALS'));
    }
    const blocked = await login(server.url, demo.sellers[1]!.email, demo.sellers[1]!.password, attacker);
    expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    const elsewhere = await login(server.url, demo.sellers[1]!.email, demo.sellers[1]!.password, '198.51.100.67');
    expect(elsewhere.data.login.errors).toEqual([]);
  });

  it('checks at most the limit of passwords when the wrong ones arrive all at once', async () => {
    const answers = await Promise.all(Array.from({ length: 25 }, () => login(server.url, 'burst@example.test', WRONG, '198.51.100.3')));
    const codes = answers.map((a) => a.data?.login.errors[0].code ?? a.errors?.[0]?.extensions?.code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(15);
  });

  it('makes each lockout within a day twice as long as the one before', async () => {
    const limits = new StoredSignInLimits(server.db, { maxFailuresPerAccount: 2, maxFailuresPerIp: 1000, failureWindowSeconds: 60, lockoutSeconds: 1, maxLockoutSeconds: 3, registrationsPerIp: 10, registrationWindowSeconds: 60 });
    const caller = { limits, ip: '198.51.100.4' };
    const waitOf = async () => {
      const error = await logIn(server.db, 'grow@example.test', WRONG, caller).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimited);
      return (error as RateLimited).retryAfterSeconds;
    };
    const lockedOut = async () => {
      for (let i = 0; i < 2; i++) expect((await logIn(server.db, 'grow@example.test', WRONG, caller)).ok).toBe(false);
      return waitOf();
    };
    expect(await lockedOut()).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await lockedOut()).toBe(2);
    await new Promise((r) => setTimeout(r, 2100));
    // Capped at maxLockoutSeconds.
    expect(await lockedOut()).toBe(3);
  });
});

describe('registration limits', () => {
  it('refuses a sixth registration from one address with RATE_LIMITED; invalid input and other addresses are not counted', async () => {
    const register = (n: number, ip: string, password = 'long-enough-pass') => {
      secrets.add(password);
      return graphqlRequest(server.url, REGISTER, { input: { email: `reg${n}@example.test`, password, name: `Reg ${n}` } }, undefined, from(ip));
    };
    const invalid = await register(99, '198.51.100.5', 'short');
    expect(invalid.data.register.errors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'password'] }]);
    for (let n = 0; n < 5; n++) expect((await register(n, '198.51.100.5')).data.register.errors).toEqual([]);
    const sixth = await register(5, '198.51.100.5');
    expect(sixth.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Too many accounts were created from this address\. Try again in \d+ minutes\.$/), extensions: { code: 'RATE_LIMITED' } });
    expect(sixth.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(3500);
    // Nothing was created by the refused one: the same email registers from another address.
    expect((await register(5, '198.51.100.6')).data.register.errors).toEqual([]);
  });
});

describe('the client address', () => {
  const request = (peer: string, forwarded?: string) => {
    const socket = { remoteAddress: peer };
    return { socket, connection: socket, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} } as unknown as IncomingMessage;
  };

  it('believes X-Forwarded-For only from a trusted peer', () => {
    const trustDefault = zTrustProxy.parse(undefined);
    expect(clientAddressOf(request('127.0.0.1', '203.0.113.9'), trustDefault)).toBe('203.0.113.9');
    expect(clientAddressOf(request('10.1.2.3', '203.0.113.9'), trustDefault)).toBe('203.0.113.9');
    expect(clientAddressOf(request('203.0.113.50', '198.51.100.1'), trustDefault)).toBe('203.0.113.50');
    expect(clientAddressOf(request('127.0.0.1', '203.0.113.9'), zTrustProxy.parse('false'))).toBe('127.0.0.1');
    expect(clientAddressOf(request('192.0.2.1', '203.0.113.9'), zTrustProxy.parse('192.0.2.0/24'))).toBe('203.0.113.9');
    expect(clientAddressOf(undefined, trustDefault)).toBeUndefined();
    expect(zTrustProxy.safeParse('not an address').success).toBe(false);
  });

  it('says a wait as a person would', () => {
    expect([humanWait(1), humanWait(45), humanWait(900), humanWait(86_400)]).toEqual(['1 second', '45 seconds', '15 minutes', '24 hours']);
  });
});

describe('the embedded database (PGlite)', () => {
  it('counts and locks there too', { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'users-limits-'));
    const embedded = await startSubgraph(users, {
      config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_PRIVATE_KEY: keys.privateKeyPem, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' },
    });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) {
        const res = await login(embedded.url, demo.customer.email, WRONG, '198.51.100.9');
        codes.push(res.data?.login.errors[0].code ?? res.errors?.[0]?.extensions?.code);
      }
      expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'RATE_LIMITED']);
      expect((await login(embedded.url, demo.admin.email, demo.admin.password, '198.51.100.10')).data.login.errors).toEqual([]);
    } finally {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('logs', () => {
  it('never hold a password or a token', async () => {
    const token = (await login(server.url, demo.admin.email, demo.admin.password, '198.51.100.11')).data.login.token as string;
    const text = logLines.join('');
    expect(text).toMatch(/users subgraph listening/);
    for (const secret of [...secrets, demo.customer.password, demo.admin.password, demo.sellers[0]!.password, token]) expect(text).not.toContain(secret);
  });
});

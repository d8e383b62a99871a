import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import postgres from 'postgres';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem, importPrivateKey, JWT_ALG, JWT_AUDIENCE, JWT_ISSUER, keyId, loadOrCreateKeyPair } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { graphqlRequest, startNpmStart, type NpmStartPlatform } from '@shop/testing';
import { SERVICE_NAMES } from '@shop/platform';
import { hostileCases, type Actor, type HostileCase, type Known } from './hostile-corpus.cases.js';

/**
 * The corpus against the platform as production runs it (NODE_ENV=production, its own process, real PostgreSQL):
 * each case's status and code, no 500, nothing internal in any answer, no database changed, no secret in the logs.
 */
let platform: NpmStartPlatform;
let known: Known;
let databaseBase: string;
let admin: postgres.Sql;
const answers: { name: string; status: number; code: string; body: string }[] = [];

/** Counters of the limits themselves change with every request; they are not the shop's data. */
const NOT_SHOP_DATA = /rate_limit|login_attempt|__drizzle_migrations/;

async function checksums(): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const name of SERVICE_NAMES) {
    const url = new URL(inject('databaseUrl'));
    url.pathname = `/${databaseBase}_${name}`;
    const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const tables = await db<{ schema: string; table: string }[]>`
        select table_schema as schema, table_name as table from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`;
      for (const { schema, table } of tables) {
        if (NOT_SHOP_DATA.test(table)) continue;
        const [row] = await db.unsafe(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${schema}"."${table}" t`);
        sums[`${name}.${schema}.${table}`] = row!.sum;
      }
    } finally {
      await db.end();
    }
  }
  return sums;
}

/**
 * Background work started before the corpus (relays marking events sent, consumers, the e-mail worker sending the
 * setup order's mail every EMAIL_INTERVAL_MS, 2 s by default) settles before the first checksum: the sums must stay
 * the same for longer than the slowest of those intervals.
 */
const QUIET_FOR_MS = 3_000;
async function settledChecksums(): Promise<Record<string, string>> {
  let previous = await checksums();
  let quietSince = Date.now();
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const next = await checksums();
    if (JSON.stringify(next) !== JSON.stringify(previous)) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_FOR_MS) return next;
    previous = next;
  }
  return previous;
}

const login = async (email: string, password: string) => {
  const res = await graphqlRequest(platform.gatewayUrl, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }', { e: email, p: password });
  expect(res.data?.login?.token, JSON.stringify(res)).toBeTruthy();
  return res.data.login.token as string;
};

async function forgedTokens(adminId: string): Promise<Known['forged']> {
  const keys = await loadOrCreateKeyPair(join(platform.dataDir, 'keys'));
  const realKey = await importPrivateKey(keys.privateKeyPem);
  const claims = { roles: ['ADMIN'] };
  const sign = (key: Parameters<SignJWT['sign']>[0], alg: string, audience = JWT_AUDIENCE, expires: string | number = '1h') =>
    new SignJWT(claims).setProtectedHeader({ alg, kid: keyId(keys.publicKeyPem) }).setSubject(adminId).setIssuer(JWT_ISSUER).setAudience(audience).setIssuedAt().setExpirationTime(expires).sign(key);
  const other = await generateKeyPairPem();
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    otherKey: await (await createTokenIssuer(other.privateKeyPem, other.publicKeyPem)).issue({ id: adminId, roles: ['ADMIN'] }),
    expired: await sign(realKey, JWT_ALG, JWT_AUDIENCE, Math.floor(Date.now() / 1000) - 60),
    algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: adminId, roles: ['ADMIN'], iss: JWT_ISSUER, aud: JWT_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 3600 })}.`,
    hsWithPublicKey: await sign(new TextEncoder().encode(keys.publicKeyPem), 'HS256'),
    wrongAudience: await sign(realKey, JWT_ALG, 'another-api'),
  };
}

async function send(c: HostileCase): Promise<{ status: number; text: string }> {
  if (c.raw) {
    const raw = c.raw(known);
    const response = await fetch(platform.gatewayUrl + (raw.search ?? ''), { method: raw.method ?? 'POST', headers: raw.headers, body: raw.body });
    return { status: response.status, text: await response.text() };
  }
  const op = c.operation!(known);
  const token = op.actor && op.actor !== 'anonymous' ? known.tokens[op.actor as Exclude<Actor, 'anonymous'>] : undefined;
  const authorization = op.authorization ?? (token ? `Bearer ${token}` : undefined);
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: op.query, variables: op.variables }),
  });
  return { status: response.status, text: await response.text() };
}

function codeOf(text: string): string {
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return 'NONE';
  }
  const top = body?.errors?.[0]?.extensions?.code;
  if (top) return top;
  const payload = Object.values(body?.data ?? {}).find((value: any) => Array.isArray(value?.errors) && value.errors.length > 0) as any;
  return payload ? payload.errors[0].code : 'OK';
}

/** What no answer may carry: stacks, internal addresses, upstream bodies, library messages. */
const INTERNAL = [/stacktrace/i, /https?:\/\/(127\.0\.0\.1|localhost|0\.0\.0\.0)/, /\n\s+at \S+ \(/, /node_modules/, /ZodError|invalid_type|too_big|too_small/, /PostgresError|DrizzleError|relation "|syntax error at or near|violates/, /Syntax Error:/];

beforeAll(async () => {
  databaseBase = `corpus_${randomBytes(3).toString('hex')}`;
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${databaseBase}`;
  admin = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  // As the other platform tests run it: 60 days of demo sales instead of a year (seconds of seeding) and no forecast
  // batch (seconds of CPU, and analytics rows changing under the checksums while it runs).
  platform = await startNpmStart({
    readyTimeoutMs: 150_000,
    env: { DATABASE_URL: url.toString(), NODE_ENV: 'production', LOG_LEVEL: 'info', DEMO_HISTORY_DAYS: '60', FORECAST_CHECK_INTERVAL_MS: String(3_600_000) },
  });

  const [customerA, sellerA, sellerB, adminToken] = [
    await login(demo.customer.email, demo.customer.password),
    await login(demo.sellers[0].email, demo.sellers[0].password),
    await login(demo.sellers[1].email, demo.sellers[1].password),
    await login(demo.admin.email, demo.admin.password),
  ];
  const emailB = `corpus-b-${randomUUID()}@example.test`;
  await graphqlRequest(platform.gatewayUrl, 'mutation($i: RegisterInput!) { register(input: $i) { token } }', { i: { email: emailB, password: 'corpus-b-password', name: 'Cliente B' } });
  const customerB = await login(emailB, 'corpus-b-password');

  const productOf = (sellerId: string) => demo.products.find((p) => p.sellerId === sellerId)!.id;
  const warehouse = demo.warehouses[0]!.id;
  const placed = await graphqlRequest(
    platform.gatewayUrl,
    'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id } errors { code } } }',
    { i: { lines: [{ productId: productOf(demo.sellers[0].id), quantity: 1 }], idempotencyKey: randomUUID() } },
    customerA,
  );
  expect(placed.data?.placeOrder?.order?.id, JSON.stringify(placed)).toBeTruthy();
  known = {
    productA: productOf(demo.sellers[0].id),
    productB: productOf(demo.sellers[1].id),
    warehouse,
    orderA: placed.data.placeOrder.order.id,
    tokens: { customerA, customerB, sellerA, sellerB, admin: adminToken },
    forged: await forgedTokens(demo.admin.id),
  };
}, 200_000);

afterAll(async () => {
  await platform?.stop();
  if (admin && databaseBase) {
    for (const name of SERVICE_NAMES) await admin.unsafe(`drop database if exists "${databaseBase}_${name}" with (force)`);
    await admin.end();
  }
});

describe(`a hostile-client corpus of ${hostileCases.length} requests through the gateway`, () => {
  it('answers every case with its expected status and code, never 500, never anything internal, and changes no database', async () => {
    expect(hostileCases.length).toBeGreaterThanOrEqual(100);
    const before = await settledChecksums();
    for (const c of hostileCases) {
      const { status, text } = await send(c);
      answers.push({ name: c.name, status, code: codeOf(text), body: text });
    }
    const after = await settledChecksums();

    const mismatches = hostileCases
      .map((c, i) => ({ c, a: answers[i]! }))
      .filter(({ c, a }) => a.status !== c.expect.status || a.code !== c.expect.code)
      .map(({ c, a }) => `${c.name}: expected ${c.expect.status} ${c.expect.code}, got ${a.status} ${a.code} ${a.body.slice(0, 200)}`);
    expect(mismatches).toEqual([]);
    expect(answers.filter((a) => a.status >= 500).map((a) => a.name)).toEqual([]);
    const leaks = answers.flatMap((a) => INTERNAL.filter((pattern) => pattern.test(a.body)).map((pattern) => `${a.name}: ${pattern}`));
    expect(leaks).toEqual([]);
    expect(after).toEqual(before);
  }, 240_000);

  it('writes no password, token, card number or CVC to the logs', async () => {
    // The start banner shows the demo accounts on purpose (the README lists them too); everything else is logs.
    const logs = platform.output().replace(/Artesanías graph ready[\s\S]*?Press Ctrl-C to stop\./, '');
    expect(logs.length).toBeGreaterThan(0);
    const secrets = [
      ...new Set([demo.customer.password, demo.admin.password, demo.sellers[0].password, 'corpus-b-password', ...Object.values(known.tokens), '4242424242424242', 'abcdabcdabcdabcd']),
    ];
    expect(secrets.filter((secret) => logs.includes(secret))).toEqual([]);
    expect(logs).not.toMatch(/"cvc":"(?!\[redacted\])/);
    expect(logs).not.toMatch(/PRIVATE KEY/);
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SignJWT } from 'jose';
import { generateKeyPairPem, importPrivateKey, JWT_AUDIENCE, JWT_ISSUER } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { startTestPlatform } from './support/platform.js';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
const tokens: Record<string, string> = {};

const login = async (email: string, password: string) =>
  (await graphqlRequest(platform.gatewayUrl, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password })).data.login.token as string;

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'));
  tokens.wayuu = await login(demo.sellers[0].email, demo.sellers[0].password);
  tokens.raquira = await login(demo.sellers[1].email, demo.sellers[1].password);
  tokens.customer = await login(demo.customer.email, demo.customer.password);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(platform.gatewayUrl, { method: 'POST', headers, body });

function expectNoLeak(text: string) {
  expect(text).not.toMatch(/at [\w.<>]+ \(|node_modules|\.ts:\d+|stacktrace/);
}

describe('the gateway at the edge', () => {
  it.each([
    ['forged with another key', async () => new SignJWT({ roles: ['ADMIN'] }).setProtectedHeader({ alg: 'EdDSA' }).setSubject(demo.admin.id).setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setExpirationTime('1h').sign(await importPrivateKey((await generateKeyPairPem()).privateKeyPem))],
    ['malformed', async () => 'abc.def.ghi'],
  ])('refuses a %s token with UNAUTHENTICATED and no data', async (_name, make) => {
    const res = await graphqlRequest(platform.gatewayUrl, '{ me { id } }', {}, await make());
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers malformed JSON with 400 and a GraphQL-shaped error, no stack trace', async () => {
    const res = await post('{"query": "{ me { id } ');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expectNoLeak(text);
  });

  it('answers a wrong content type with 400, never 500 (CSRF prevention)', async () => {
    const res = await post(JSON.stringify({ query: '{ categories { id } }' }), { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
    expectNoLeak(await res.text());
  });

  it('rejects a body over the size limit with 413', async () => {
    const res = await post(JSON.stringify({ query: `{ categories { id } } # ${'x'.repeat(1_100_000)}` }));
    expect(res.status).toBe(413);
  });

  it.each([
    ['deep', `{ ${'products { edges { node { seller { '.repeat(4)}id${' } } } }'.repeat(4)} }`, 'QUERY_TOO_DEEP'],
    ['aliased', `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: categories { id }`).join(' ')} }`, 'TOO_MANY_ALIASES'],
  ])('stops a %s query bomb before it runs', async (_name, query, code) => {
    const res = await graphqlRequest(platform.gatewayUrl, query);
    expect(res.status, JSON.stringify(res)).toBe(400);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
  });

  it('answers a syntax error and an oversize document with 400', async () => {
    const broken = await graphqlRequest(platform.gatewayUrl, '{ categories { id ');
    expect(broken.status).toBe(400);
    expect(broken.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const huge = await graphqlRequest(platform.gatewayUrl, `{ ${Array.from({ length: 3000 }, () => 'categories { id }').join(' ')} }`);
    expect(huge.status).toBe(400);
    expectNoLeak(JSON.stringify(huge));
  });

  it('treats SQL in a search string as text', async () => {
    const res = await graphqlRequest(platform.gatewayUrl, `query($s: String) { products(filter: { search: $s }) { totalCount } }`, { s: "'; drop table products; --" });
    expect(res.errors).toBeUndefined();
    const after = await graphqlRequest(platform.gatewayUrl, `{ products { totalCount } }`);
    expect(after.data.products.totalCount).toBeGreaterThanOrEqual(60);
  });

  it('does not let a seller edit another seller\'s product or stock', async () => {
    const raquiraProduct = demo.products.find((p) => p.sellerId === demo.sellers[1].id)!;
    const edit = await graphqlRequest(platform.gatewayUrl, `mutation($id: ID!) { updateProduct(id: $id, input: { price: "1.00" }) { product { id } errors { code } } }`, { id: raquiraProduct.id }, tokens.wayuu);
    expect(edit.data.updateProduct.errors).toEqual([{ code: 'FORBIDDEN' }]);
    const stock = await graphqlRequest(
      platform.gatewayUrl,
      `mutation($p: ID!, $w: ID!) { adjustStock(input: { productId: $p, warehouseId: $w, delta: 5, reason: RESTOCK }) { errors { code } } }`,
      { p: raquiraProduct.id, w: demo.warehouses[0]!.id },
      tokens.wayuu,
    );
    expect(stock.data.adjustStock.errors).toEqual([{ code: 'FORBIDDEN' }]);
    const unchanged = await graphqlRequest(platform.gatewayUrl, `query($id: ID!) { product(id: $id) { price { amount } } }`, { id: raquiraProduct.id });
    expect(unchanged.data.product.price.amount).not.toBe('1.00');
  });

  it('forwards the verified viewer to the subgraphs: a seller restocks its own product through the gateway', async () => {
    const own = demo.products.find((p) => p.sellerId === demo.sellers[1].id)!;
    const res = await graphqlRequest(
      platform.gatewayUrl,
      `mutation($p: ID!, $w: ID!) { adjustStock(input: { productId: $p, warehouseId: $w, delta: 7, reason: RESTOCK }) { product { id stock { onHand } } errors { code } } }`,
      { p: own.id, w: demo.warehouses[1]!.id },
      tokens.raquira,
    );
    expect(res.data.adjustStock.errors).toEqual([]);
    const expected = demo.stock.filter((s) => s.productId === own.id).reduce((sum, s) => sum + s.onHand, 0) + 7;
    expect(res.data.adjustStock.product.stock.onHand).toBe(expected);
  });

  it('lets browsers cache the CORS preflight of the storefront\'s POSTs', async () => {
    const res = await fetch(platform.gatewayUrl, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  it('answers a malformed ID argument with BAD_USER_INPUT, not a 500', async () => {
    const res = await graphqlRequest(platform.gatewayUrl, `{ product(id: "not-an-id") { id } }`);
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expectNoLeak(JSON.stringify(res));
  });
});

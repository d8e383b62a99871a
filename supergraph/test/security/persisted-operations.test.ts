import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { parse } from 'graphql';
import { gqlPluckFromCodeStringSync } from '@graphql-tools/graphql-tag-pluck';
import { generateKeyPairPem } from '@shop/auth';
import type { Database } from '@shop/db';
import { createTestDatabase } from '@shop/testing';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../src/gateway.js';
import { persistedQueryManifest } from '../../src/persisted-operations/manifest.js';
import { STOREFRONT_MANIFEST } from '../../src/persisted-operations/persisted-operations.js';
import { PostgresKeyValueCache } from '../../src/persisted-operations/postgres-cache.js';
import { PRODUCT, startTestSubgraphs, type TestSubgraphs } from '../subscriptions.fixtures.js';
import { startTestPlatform } from '../support/platform.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

async function post(url: string, body: unknown) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}
const codeOf = (answer: Awaited<ReturnType<typeof post>>) => answer.body.errors?.[0]?.extensions?.code;

const wsClientOf = (gateway: RunningGateway): Client =>
  createClient({ url: gateway.url.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });

/** The first result (or error) of one operation over graphql-ws. */
const overSocket = (client: Client, payload: { query: string; extensions?: Record<string, unknown> }) =>
  new Promise<{ data?: any; errors?: readonly { message: string; extensions?: { code?: string } }[] }>((resolve) => {
    const dispose = client.subscribe(payload, {
      next: (result) => (dispose(), resolve(result as any)),
      error: (errors) => resolve({ errors: errors as any }),
      complete: () => {},
    });
  });

describe('APQ with a cache shared through PostgreSQL', () => {
  const QUERY = `query ProductName { product(id: "${PRODUCT.id}") { id name } }`;
  let graph: TestSubgraphs;
  let database: { url: string; drop(): Promise<void> };
  const gateways: RunningGateway[] = [];
  const start = async (extra: Partial<GatewayOptions>) => {
    const gateway = await startGateway({
      port: 0,
      supergraphSdl: graph.supergraphSdl,
      subgraphUrls: Object.fromEntries(Object.entries(graph.subgraphs).map(([name, s]) => [name, s.url])),
      tokenVerification: { publicKeyPem: graph.keys.publicKeyPem },
      ...extra,
    });
    gateways.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    graph = await startTestSubgraphs();
    database = await createTestDatabase(inject('databaseUrl'), 'apq');
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    await graph?.stop();
    await database?.drop();
  });

  it('answers a hash alone with PERSISTED_QUERY_NOT_FOUND until the text is registered, then runs it by hash alone', async () => {
    const gateway = await start({});
    const query = `${QUERY} # ${Math.random()}`;
    const missing = await post(gateway.url, { extensions: persisted(sha256(query)) });
    expect(codeOf(missing)).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(gateway.url, { query, extensions: persisted(sha256(query)) });
    expect(registered.body.data).toEqual({ product: { id: PRODUCT.id, name: PRODUCT.name } });
    const byHash = await post(gateway.url, { extensions: persisted(sha256(query)) });
    expect(byHash).toMatchObject({ status: 200, body: { data: { product: { id: PRODUCT.id, name: PRODUCT.name } } } });
  });

  it('runs by hash through a second gateway an operation registered through the first, over the same database', async () => {
    const [first, second] = [await start({ databaseUrl: database.url }), await start({ databaseUrl: database.url })];
    const query = `${QUERY} # ${Math.random()}`;
    expect(codeOf(await post(second.url, { extensions: persisted(sha256(query)) }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(first.url, { query, extensions: persisted(sha256(query)) })).body.data?.product.name).toBe(PRODUCT.name);
    // Apollo Server registers after answering; the write reaches the table a moment later.
    await expect.poll(async () => (await post(second.url, { extensions: persisted(sha256(query)) })).body.data?.product.name).toBe(PRODUCT.name);
  });

  it('keeps gateways without a shared database apart (each has its own memory)', async () => {
    const [first, second] = [await start({}), await start({})];
    const query = `${QUERY} # ${Math.random()}`;
    await post(first.url, { query, extensions: persisted(sha256(query)) });
    expect(codeOf(await post(second.url, { extensions: persisted(sha256(query)) }))).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('turned off, refuses persisted queries with PERSISTED_QUERY_NOT_SUPPORTED and still serves text', async () => {
    const gateway = await start({ persistedOperations: { mode: 'off' } });
    expect(codeOf(await post(gateway.url, { extensions: persisted(sha256(QUERY)) }))).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    expect((await post(gateway.url, { query: QUERY })).body.data?.product.id).toBe(PRODUCT.id);
  });

  it('honours the TTL: an expired entry is a miss, and the table is created idempotently', async () => {
    const client = postgres(database.url, { max: 2, onnotice: () => {} });
    try {
      const cache = new PostgresKeyValueCache(drizzle(client) as unknown as Database<any>, { sweepEveryMs: 0 });
      await Promise.all([cache.createTable(), cache.createTable()]);
      await cache.set('apq:short', 'query { a }', { ttl: 1 });
      await cache.set('apq:forever', 'query { b }');
      expect(await cache.get('apq:short')).toBe('query { a }');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await cache.get('apq:short')).toBeUndefined();
      expect(await cache.get('apq:forever')).toBe('query { b }');
      await cache.set('apq:other', 'query { c }', { ttl: 60 }); // sweeps expired rows
      expect(await client`select key from gateway_cache where key = 'apq:short'`).toHaveLength(0);
      expect(await cache.delete('apq:forever')).toBe(true);
    } finally {
      await client.end();
    }
  });
});

describe('safelist mode on the real supergraph with the storefront manifest', () => {
  const manifest = persistedQueryManifest.parse(JSON.parse(readFileSync(STOREFRONT_MANIFEST, 'utf8')));
  const operation = (name: string) => manifest.operations.find((o) => o.name === name)!;
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let gateway: RunningGateway;
  let ws: Client;

  beforeAll(async () => {
    const keys = await generateKeyPairPem();
    platform = await startTestPlatform(inject('databaseUrl'), { keys });
    gateway = await startGateway({
      port: 0,
      supergraphSdl: readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8'),
      subgraphUrls: platform.subgraphUrls,
      tokenVerification: { publicKeyPem: keys.publicKeyPem },
      persistedOperations: { mode: 'safelist', manifests: [STOREFRONT_MANIFEST] },
    });
    ws = wsClientOf(gateway);
  });
  afterAll(async () => {
    await ws?.dispose();
    await gateway?.stop();
    await platform?.stop();
    await platform?.dropDatabases();
  });

  it('runs a manifest operation sent by its hash alone, with no query text', async () => {
    const answer = await post(gateway.url, { operationName: 'Categories', extensions: persisted(operation('Categories').id) });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.categories.length).toBeGreaterThan(0);
  });

  it('runs the full text of a manifest operation (its hash is listed), as the storefront prefetch sends it', async () => {
    const answer = await post(gateway.url, { operationName: 'Catalog', query: operation('Catalog').body, variables: { first: 2 } });
    expect(answer.status).toBe(200);
    expect(answer.body.data.products.edges.length).toBeGreaterThan(0);
  });

  it('refuses any other text, or an unknown hash, with HTTP 400 and PERSISTED_QUERY_NOT_IN_SAFELIST, never a 500', async () => {
    const refusals = [
      await post(gateway.url, { query: '{ categories { id } }' }),
      await post(gateway.url, { query: `${operation('Categories').body} ` }),
      await post(gateway.url, { query: '{ __schema { types { name } } }' }),
      await post(gateway.url, { extensions: persisted(sha256('{ categories { id } }')) }),
      await post(gateway.url, { query: '{ categories { id } }', extensions: persisted(operation('Categories').id) }),
    ];
    for (const answer of refusals) {
      expect(answer.status).toBe(400);
      expect(codeOf(answer)).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
    }
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ categories { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(400);
    expect(((await get.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
  });

  it('does not register text: an unlisted operation stays refused by hash after being sent with its text', async () => {
    const query = '{ categories { name } }';
    await post(gateway.url, { query, extensions: persisted(sha256(query)) });
    expect(codeOf(await post(gateway.url, { extensions: persisted(sha256(query)) }))).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
  });

  it('answers a listed text with a hash that is not its own as a client error, never a 500', async () => {
    const answer = await post(gateway.url, { query: operation('Categories').body, extensions: persisted(operation('Catalog').id) });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it('over graphql-ws: runs manifest operations (by text, or by hash with an empty query) and refuses anything else', async () => {
    const byText = await overSocket(ws, { query: operation('Categories').body });
    expect(byText.data?.categories.length).toBeGreaterThan(0);
    const byHash = await overSocket(ws, { query: '', extensions: persisted(operation('Categories').id) });
    expect(byHash.data?.categories.length).toBeGreaterThan(0);
    const refused = await overSocket(ws, { query: 'subscription { stockChanged { id } }' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
    const query = await overSocket(ws, { query: '{ categories { id } }' });
    expect(query.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
  });

  it("over graphql-ws: accepts the storefront's own subscription text", async () => {
    const outcome = await new Promise<string>((resolve) => {
      const dispose = ws.subscribe(
        { query: operation('StockChanged').body, variables: { productIds: [] } },
        { next: () => resolve('event'), error: (errors) => resolve(`error ${JSON.stringify(errors)}`), complete: () => resolve('complete') },
      );
      // No event is due; what matters is that the subscribe was not refused.
      setTimeout(() => (dispose(), resolve('subscribed')), 500);
    });
    expect(outcome).toBe('subscribed');
  });
});

describe('the storefront manifest', () => {
  const checkedIn = readFileSync(STOREFRONT_MANIFEST, 'utf8');
  const manifest = persistedQueryManifest.parse(JSON.parse(checkedIn));

  it('is exactly what `npm run persisted:manifest` generates from web/src (never hand-kept)', () => {
    const fresh = execFileSync(join(root, 'node_modules/.bin/tsx'), ['web/scripts/persisted-manifest.ts', '--stdout'], { cwd: root, encoding: 'utf8' });
    expect(checkedIn).toBe(fresh);
  });

  it('lists every operation written in the storefront, each under the SHA-256 of its body', () => {
    const written = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== 'gql') walk(path);
        else if (/\.tsx?$/.test(entry.name)) {
          for (const source of gqlPluckFromCodeStringSync(path, readFileSync(path, 'utf8'))) {
            for (const definition of parse(source.body).definitions) {
              if (definition.kind === 'OperationDefinition') written.add(definition.name!.value);
            }
          }
        }
      }
    };
    walk(join(root, 'web/src'));
    expect(written.size).toBeGreaterThan(0);
    expect(new Set(manifest.operations.map((o) => o.name))).toEqual(written);
    for (const { id, body } of manifest.operations) expect(id).toBe(sha256(body));
  });
});

import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeServices } from '@apollo/composition';
import { gql } from 'graphql-tag';
import { createTokenVerifier } from '@shop/auth';
import { startSubgraphServer, type RunningSubgraphServer } from '@shop/server';
import { freePort } from '@shop/testing';
import { startGateway, type RunningGateway } from '../../src/gateway.js';
import { fileSupergraph, supergraphSourceFromConfig, urlSupergraph, type SupergraphWatcher } from '../../src/supergraph-source.js';
import { collect, PRODUCT, sleep, startTestSubgraphs, until, wsClient, type TestSubgraphs } from '../subscriptions.fixtures.js';

/**
 * The gateway on a supergraph file (the small test graph of subscriptions.fixtures.ts), which the tests replace:
 * with one adding Product.rating from a fifth subgraph, with text that is no supergraph, and with one naming a
 * subgraph nobody serves.
 */
let graph: TestSubgraphs;
let reviews: RunningSubgraphServer;
let ghost: RunningSubgraphServer | undefined;
let ghostPort: number;
let gateway: RunningGateway;
let dir: string;
let file: string;
const supergraphs = { withoutRating: '', withRating: '', withGhost: '' };

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const reviewsSdl = gql`
  ${link}
  type Product @key(fields: "id") {
    id: ID!
    rating: Int!
  }
`;
const ghostSdl = gql`
  ${link}
  type Product @key(fields: "id") {
    id: ID!
    ghost: String
  }
`;

/** Written beside it and renamed over it, as docs/operations.md asks: the watcher never reads half a file. */
function replaceSupergraph(text: string) {
  writeFileSync(`${file}.next`, text);
  renameSync(`${file}.next`, file);
}

async function compose(extra: { name: string; url: string; typeDefs: ReturnType<typeof gql> }[]): Promise<string> {
  // The running subgraphs' own SDL (_service), as @apollo/gateway's IntrospectAndCompose reads it.
  const services = await Promise.all(
    Object.entries(graph.subgraphs).map(async ([name, subgraph]) => {
      const response = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
      const { data } = (await response.json()) as { data: { _service: { sdl: string } } };
      return { name, url: subgraph.url, typeDefs: gql(data._service.sdl) };
    }),
  );
  const composed = composeServices([...services, ...extra]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  return composed.supergraphSdl;
}

async function query(text: string) {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: text, variables: { id: PRODUCT.id } }) });
  return (await response.json()) as { data?: { product: Record<string, unknown> }; errors?: { extensions?: { code?: string } }[] };
}

async function metric(name: string, result?: string): Promise<number> {
  const text = await (await fetch(gateway.url.replace(/\/graphql$/, '/metrics'))).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && (!result || l.includes(`result="${result}"`)));
  if (!line) throw new Error(`no ${name} ${result ?? ''} in /metrics`);
  return Number(line.split(' ').at(-1));
}

/** Polls an async condition (the watcher and the reload are asynchronous). */
async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const WITH_RATING = 'query($id: ID!) { product(id: $id) { name rating } }';

beforeAll(async () => {
  graph = await startTestSubgraphs();
  const verifier = await createTokenVerifier({ publicKeyPem: graph.keys.publicKeyPem });
  reviews = await startSubgraphServer<object>(
    { name: 'reviews', typeDefs: reviewsSdl, resolvers: { Product: { __resolveReference: ({ id }: { id: string }) => ({ id, rating: 5 }) } } as never, verifier, context: () => ({}) },
    0,
  );
  // Nothing listens there until the last test starts the ghost subgraph: a supergraph naming it fails the health check.
  ghostPort = await freePort();
  const ghostUrl = `http://127.0.0.1:${ghostPort}/graphql`;
  [supergraphs.withoutRating, supergraphs.withRating, supergraphs.withGhost] = await Promise.all([
    compose([]),
    compose([{ name: 'reviews', url: reviews.url, typeDefs: reviewsSdl }]),
    compose([{ name: 'reviews', url: reviews.url, typeDefs: reviewsSdl }, { name: 'ghost', url: ghostUrl, typeDefs: ghostSdl }]),
  ]);
  dir = mkdtempSync(join(tmpdir(), 'supergraph-reload-'));
  file = join(dir, 'supergraph.graphql');
  writeFileSync(file, supergraphs.withoutRating);
  gateway = await startGateway({
    port: 0,
    supergraphSdl: fileSupergraph(file, { retryMs: 200, settleMs: 20 }),
    // reviews and ghost are reached at the URLs their supergraph names.
    subgraphUrls: Object.fromEntries(Object.entries(graph.subgraphs).map(([name, s]) => [name, s.url])),
    tokenVerification: { publicKeyPem: graph.keys.publicKeyPem },
  });
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await ghost?.stop();
  await reviews?.stop();
  await graph?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('supergraph reload', () => {
  it('serves a new field once the file has it, and open subscriptions keep receiving events across the reload', async () => {
    const before = wsClient(gateway.url.replace('http', 'ws'));
    const open = collect(before, 'subscription($ids: [ID!]) { stockChanged(productIds: $ids) { id available name } }', { ids: [PRODUCT.id] });
    await until(() => graph.subgraphs.stock.liveStats().subscriptions === 1, 'the upstream subscription');
    await graph.publishStock(PRODUCT.id, 1);
    await open.received(1);
    expect((await query(WITH_RATING)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    replaceSupergraph(supergraphs.withRating);
    await eventually(async () => (await query(WITH_RATING)).data?.product.rating === 5, 'Product.rating to be served');
    expect(await metric('gateway_supergraph_reloads_total', 'applied')).toBe(1);
    expect(await metric('gateway_supergraph_stale')).toBe(0);

    // New subscriptions are validated and planned on the new supergraph; the open one was never interrupted.
    const after = wsClient(gateway.url.replace('http', 'ws'));
    const rated = collect(after, 'subscription($ids: [ID!]) { stockChanged(productIds: $ids) { id available rating } }', { ids: [PRODUCT.id] });
    await until(() => gateway.subscriptions.stats().clients === 2, 'the second subscription');
    await graph.publishStock(PRODUCT.id, 2);
    await Promise.all([open.received(2), rated.received(1)]);
    expect(open.results.map((r) => r.data?.stockChanged)).toEqual([
      { id: PRODUCT.id, available: 1, name: PRODUCT.name },
      { id: PRODUCT.id, available: 2, name: PRODUCT.name },
    ]);
    expect(open.error).toBeUndefined();
    expect(open.completed).toBe(false);
    expect(rated.results[0]?.data?.stockChanged).toEqual({ id: PRODUCT.id, available: 2, rating: 5 });
    // Same primary fetch on the stock subgraph: the old and the new selection share one upstream subscription.
    expect(graph.subgraphs.stock.liveStats().subscriptions).toBe(1);
    await Promise.all([before.dispose(), after.dispose()]);
  });

  it('keeps serving the previous supergraph when the new one does not parse, and is current again when the file is', async () => {
    replaceSupergraph('type Query {');
    await eventually(async () => (await metric('gateway_supergraph_reloads_total', 'invalid')) === 1, 'the broken supergraph to be refused');
    expect(await metric('gateway_supergraph_stale')).toBe(1);
    expect((await query(WITH_RATING)).data?.product).toEqual({ name: PRODUCT.name, rating: 5 });

    // Back to the text it serves: nothing to apply, no longer stale.
    replaceSupergraph(supergraphs.withRating);
    await eventually(async () => (await metric('gateway_supergraph_stale')) === 0, 'the gateway to be current again');
    expect(await metric('gateway_supergraph_reloads_total', 'applied')).toBe(1);
    expect(await metric('gateway_supergraph_reloads_total', 'invalid')).toBe(1);
  });

  it('refuses a supergraph naming a subgraph that does not answer, and applies it once that subgraph is up', async () => {
    replaceSupergraph(supergraphs.withGhost);
    await eventually(async () => (await metric('gateway_supergraph_reloads_total', 'unhealthy')) >= 1, 'the supergraph with an unreachable subgraph to be refused');
    expect(await metric('gateway_supergraph_stale')).toBe(1);
    const GHOST = 'query($id: ID!) { product(id: $id) { name ghost } }';
    expect((await query(GHOST)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await query(WITH_RATING)).data?.product).toEqual({ name: PRODUCT.name, rating: 5 });

    // Retried every retryMs without the file changing again.
    const verifier = await createTokenVerifier({ publicKeyPem: graph.keys.publicKeyPem });
    ghost = await startSubgraphServer<object>(
      { name: 'ghost', typeDefs: ghostSdl, resolvers: { Product: { __resolveReference: ({ id }: { id: string }) => ({ id, ghost: 'boo' }) } } as never, verifier, context: () => ({}) },
      ghostPort,
    );
    await eventually(async () => (await query(GHOST)).data?.product.ghost === 'boo', 'Product.ghost to be served');
    expect(await metric('gateway_supergraph_reloads_total', 'applied')).toBe(2);
    expect(await metric('gateway_supergraph_stale')).toBe(0);
  });
});

describe('supergraph sources', () => {
  /** Records what a source reports. */
  const recorder = () => {
    const seen = { texts: [] as string[], errors: [] as unknown[] };
    const watcher: SupergraphWatcher = { onSupergraph: (sdl) => void seen.texts.push(sdl), onError: (error) => void seen.errors.push(error) };
    return { seen, watcher };
  };

  it('a URL is polled with If-None-Match: a new text is reported once, an error as an error', async () => {
    let body = 'first';
    let status = 200;
    let notModified = 0;
    const server: Server = createServer((req, res) => {
      const etag = `"${body}"`;
      if (status !== 200) return void res.writeHead(status).end();
      if (req.headers['if-none-match'] === etag) {
        notModified++;
        return void res.writeHead(304).end();
      }
      res.writeHead(200, { etag }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const source = urlSupergraph(`http://127.0.0.1:${(server.address() as AddressInfo).port}/supergraph.graphql`, { intervalMs: 20 });
    expect(await source.load()).toBe('first');
    const { seen, watcher } = recorder();
    const stop = source.watch(watcher);
    await until(() => notModified >= 2, 'polls answered 304');
    expect(seen.texts).toEqual([]);
    body = 'second';
    await until(() => seen.texts.length === 1, 'the new text');
    status = 503;
    await until(() => seen.errors.length >= 1, 'the error');
    stop();
    server.close();
    expect(seen.texts).toEqual(['second']);
    expect(String(seen.errors[0])).toContain('503');
  });

  it('a file replaced by rename is read again; a removed one is an error, not a supergraph', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'supergraph-source-'));
    const path = join(folder, 'supergraph.graphql');
    writeFileSync(path, 'first');
    const source = fileSupergraph(path, { settleMs: 10 });
    expect(await source.load()).toBe('first');
    const { seen, watcher } = recorder();
    const stop = source.watch(watcher);
    writeFileSync(join(folder, 'next'), 'second');
    renameSync(join(folder, 'next'), path);
    await until(() => seen.texts.length === 1, 'the replaced file');
    unlinkSync(path);
    await until(() => seen.errors.length === 1, 'the removed file');
    stop();
    rmSync(folder, { recursive: true, force: true });
    expect(seen.texts).toEqual(['second']);
  });

  it('the configuration names one source: a URL, a path, or the default file', () => {
    const interval = { SUPERGRAPH_POLL_INTERVAL_MS: 5000 };
    expect(supergraphSourceFromConfig({ ...interval, SUPERGRAPH_URL: 'http://registry/supergraph' }, '/default').description).toBe('http://registry/supergraph');
    expect(supergraphSourceFromConfig({ ...interval, SUPERGRAPH_PATH: '/etc/supergraph.graphql' }, '/default')).toMatchObject({ description: '/etc/supergraph.graphql', retryMs: 5000 });
    expect(supergraphSourceFromConfig(interval, '/default').description).toBe('/default');
    expect(() => supergraphSourceFromConfig({ ...interval, SUPERGRAPH_URL: 'http://registry/supergraph', SUPERGRAPH_PATH: '/etc/supergraph.graphql' }, '/default')).toThrow(/not both/);
  });
});

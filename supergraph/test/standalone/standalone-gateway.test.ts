import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeServices } from '@apollo/composition';
import { gql } from 'graphql-tag';
import { createTokenIssuer, createTokenVerifier, generateKeyPairPem, type KeyPairPem, type TokenIssuer, type Viewer } from '@shop/auth';
import { startSubgraphServer, type RunningSubgraphServer } from '@shop/server';
import { graphqlRequest, scrapeMetrics } from '@shop/testing';
import { parseGatewayArguments } from '../../src/cli/arguments.js';
import { gatewayFromCommandLine } from '../../src/cli/gateway-command.js';
import { subgraphUrlOverrides } from '../../src/cli/subgraph-urls.js';
import type { DedupMode } from '../../src/deduplication.js';
import { startGateway, type RunningGateway } from '../../src/gateway.js';
import { sleep, until } from '../subscriptions.fixtures.js';

/**
 * `npm run gateway -- --supergraph <file> --port <n>` over a supergraph that is not ours, whose subgraphs are named
 * products and inventory like two of ours (so a gateway taking our default ports would miss them), and deduplication:
 * the products subgraph holds every answer until the test opens its gate, so concurrent requests are truly concurrent
 * and the test counts how many reached it.
 */
const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const productsSdl = gql`
  ${link}
  type Query {
    product(id: ID!): Product
  }
  type Mutation {
    rename(id: ID!, name: String!): Product
  }
  type Product @key(fields: "id") {
    id: ID!
    name: String!
    askedBy: String
  }
`;
const inventorySdl = gql`
  ${link}
  type Product @key(fields: "id") {
    id: ID!
    stock: Int!
  }
`;

type Ctx = { viewer: Viewer | null };
let keys: KeyPairPem;
let issuer: TokenIssuer;
let products: RunningSubgraphServer;
let inventory: RunningSubgraphServer;
let dir: string;
let supergraphFile: string;
let supergraphSdl: string;
/** Executions of Query.product and Mutation.rename on the products subgraph. */
const seen = { queries: 0, mutations: 0 };
/** The ids Query.product was asked for, in the order its executions started. */
const asked: string[] = [];
let gate: { promise: Promise<void>; open(): void } | null = null;
const closeGate = () => {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  gate = { promise, open };
  return () => {
    gate = null;
    open();
  };
};

const PRODUCT = 'query($id: ID!) { product(id: $id) { id name stock askedBy } }';
// Products alone: with stock, the executions a shared products fetch releases would race to share inventory's too.
const PRODUCT_NAME = 'query($id: ID!) { product(id: $id) { id name askedBy } }';

beforeAll(async () => {
  keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const verifier = await createTokenVerifier({ publicKeyPem: keys.publicKeyPem });
  const context = (viewer: Viewer | null): Ctx => ({ viewer });
  products = await startSubgraphServer<Ctx>(
    {
      name: 'products',
      typeDefs: productsSdl,
      resolvers: {
        Query: {
          product: async (_: unknown, { id }: { id: string }, { viewer }: Ctx) => {
            seen.queries++;
            asked.push(id);
            await gate?.promise;
            return { id, name: `Product ${id}`, askedBy: viewer?.id ?? null };
          },
        },
        Mutation: {
          rename: async (_: unknown, { id, name }: { id: string; name: string }) => {
            seen.mutations++;
            await gate?.promise;
            return { id, name };
          },
        },
      } as never,
      verifier,
      context,
    },
    0,
  );
  inventory = await startSubgraphServer<Ctx>(
    { name: 'inventory', typeDefs: inventorySdl, resolvers: { Product: { __resolveReference: ({ id }: { id: string }) => ({ id, stock: 7 }) } } as never, verifier, context },
    0,
  );
  const composed = composeServices([
    { name: 'products', typeDefs: productsSdl, url: products.url },
    { name: 'inventory', typeDefs: inventorySdl, url: inventory.url },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  dir = mkdtempSync(join(tmpdir(), 'standalone-gateway-'));
  supergraphFile = join(dir, 'supergraph.graphql');
  supergraphSdl = composed.supergraphSdl;
  writeFileSync(supergraphFile, supergraphSdl);
}, 60_000);

afterAll(async () => {
  await products?.stop();
  await inventory?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const metricsOf = (gatewayUrl: string) => scrapeMetrics(gatewayUrl.replace(/\/graphql$/, '/metrics'));

async function metric(gatewayUrl: string, direction: 'inbound' | 'outbound'): Promise<number> {
  return (await metricsOf(gatewayUrl)).value('gateway_deduplicated_requests_total', { direction });
}

/**
 * Sends the requests at once with the gate closed and opens it once `arrived` holds (what reached the subgraph and
 * what joined at the gateway): opened earlier, a late request would find nothing in flight to join.
 */
async function concurrently<T>(requests: (() => Promise<T>)[], arrived: () => Promise<boolean>, what: string): Promise<T[]> {
  const open = closeGate();
  try {
    const pending = requests.map((send) => send());
    await until(arrived, what, 15_000);
    open();
    return await Promise.all(pending);
  } finally {
    open();
  }
}

describe('the gateway as a command over any supergraph', () => {
  let gateway: RunningGateway;
  let url: string;

  beforeAll(async () => {
    // What `npm run gateway -- --supergraph <file> --port 0` starts (main.ts), in this process: the command itself
    // runs in the audit (bench/audit). --dedup left out: the platform's default applies. Only the environment given
    // here is read: no *_URL, so both subgraphs are reached where the supergraph says.
    gateway = await gatewayFromCommandLine(parseGatewayArguments(['--supergraph', supergraphFile, '--port', '0']), { JWT_PUBLIC_KEY: keys.publicKeyPem });
    url = gateway.url;
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  it('plans across both subgraphs at the URLs the supergraph names, though their names are two of ours', async () => {
    const res = await graphqlRequest(url, PRODUCT, { id: 'p1' });
    expect(res.errors).toBeUndefined();
    expect({ data: res.data }).toEqual({ data: { product: { id: 'p1', name: 'Product p1', stock: 7, askedBy: null } } });
  });

  it('shares one execution among identical concurrent anonymous queries by default (inbound)', async () => {
    const before = { queries: seen.queries, joined: await metric(url, 'inbound') };
    const answers = await concurrently(
      Array.from({ length: 5 }, () => () => graphqlRequest(url, PRODUCT, { id: 'shared' })),
      // The first reached the subgraph and waits there; the other four joined it at the gateway.
      async () => seen.queries === before.queries + 1 && (await metric(url, 'inbound')) === before.joined + 4,
      'one query at the subgraph and four joined at the gateway',
    );
    expect(answers.every((a) => JSON.stringify(a) === JSON.stringify(answers[0]))).toBe(true);
    expect(answers[0]!.data.product.name).toBe('Product shared');
    expect(seen.queries).toBe(before.queries + 1);
    expect((await metric(url, 'inbound')) - before.joined).toBe(4);
  });

  it('never shares between different viewers; one viewer\'s identical queries share one subgraph fetch', async () => {
    const [ana, bea] = await Promise.all([issuer.issue({ id: 'ana', roles: ['CUSTOMER'] }), issuer.issue({ id: 'bea', roles: ['CUSTOMER'] })]);
    const before = { queries: seen.queries, outbound: await metric(url, 'outbound'), inbound: await metric(url, 'inbound') };
    const answers = await concurrently(
      [ana, bea, ana].map((token) => () => graphqlRequest(url, PRODUCT_NAME, { id: 'viewer' }, token)),
      // Ana's two share a fetch; Bea's is her own.
      async () => seen.queries === before.queries + 2 && (await metric(url, 'outbound')) === before.outbound + 1,
      'one execution per viewer',
    );
    expect(answers.map((a) => a.data.product.askedBy)).toEqual(['ana', 'bea', 'ana']);
    expect(seen.queries).toBe(before.queries + 2);
    expect((await metric(url, 'outbound')) - before.outbound).toBe(1);
    expect((await metric(url, 'inbound')) - before.inbound).toBe(0);
  });

  it('never shares mutations', async () => {
    const before = seen.mutations;
    const answers = await concurrently(
      Array.from({ length: 2 }, () => () => graphqlRequest(url, 'mutation { rename(id: "p1", name: "Twice") { name } }')),
      async () => seen.mutations === before + 2,
      'both mutations at the subgraph',
    );
    expect(answers.map((a) => a.data.rename.name)).toEqual(['Twice', 'Twice']);
  });

  it('shares hash-only persisted queries (APQ, as mobile apps send them) once the hash came with its text; never a hash of a mutation', async () => {
    const persisted = async (query: string | undefined, hashOf: string, variables: Record<string, unknown>) => {
      const body = { ...(query !== undefined && { query }), variables, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(hashOf) } } };
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await res.json()) as { data?: Record<string, { name: string } | null>; errors?: { extensions?: { code?: string } }[] };
    };
    // The client's first request for an operation carries its text (APQ registration), later ones the hash alone.
    expect((await persisted(PRODUCT_NAME, PRODUCT_NAME, { id: 'apq-registered' })).data?.product?.name).toBe('Product apq-registered');
    const before = { queries: seen.queries, joined: await metric(url, 'inbound') };
    const answers = await concurrently(
      Array.from({ length: 4 }, () => () => persisted(undefined, PRODUCT_NAME, { id: 'apq-shared' })),
      async () => seen.queries === before.queries + 1 && (await metric(url, 'inbound')) === before.joined + 3,
      'one hash-only query at the subgraph and three joined at the gateway',
    );
    expect(answers.map((a) => a.data?.product?.name)).toEqual(Array(4).fill('Product apq-shared'));

    // A mutation's text sent under the query's hash teaches nothing (Apollo Server refuses it too), and a mutation sent
    // by its own registered hash runs once per request.
    const RENAME = 'mutation Rename($id: ID!) { rename(id: $id, name: "By hash") { name } }';
    expect((await persisted(RENAME, PRODUCT_NAME, { id: 'p1' })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect((await persisted(RENAME, RENAME, { id: 'p1' })).data?.rename?.name).toBe('By hash');
    const mutations = seen.mutations;
    const joined = await metric(url, 'inbound');
    await concurrently(Array.from({ length: 2 }, () => () => persisted(undefined, RENAME, { id: 'p1' })), async () => seen.mutations === mutations + 2, 'both hash-only mutations at the subgraph');
    expect(await metric(url, 'inbound')).toBe(joined);
  });
});

describe('each --dedup mode, in process', () => {
  const gateways: RunningGateway[] = [];
  const start = async (dedup: DedupMode) => {
    const gateway = await startGateway({ port: 0, supergraphSdl, subgraphUrls: {}, tokenVerification: { publicKeyPem: keys.publicKeyPem }, dedup });
    gateways.push(gateway);
    return gateway;
  };
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
  });

  it('none: every identical concurrent query reaches the subgraph', async () => {
    const gateway = await start('none');
    const before = seen.queries;
    await concurrently(Array.from({ length: 3 }, () => () => graphqlRequest(gateway.url, PRODUCT, { id: 'none' })), async () => seen.queries === before + 3, 'three executions');
    expect(seen.queries).toBe(before + 3);
  });

  it('outbound: identical concurrent queries each execute at the gateway and share one subgraph fetch', async () => {
    const gateway = await start('outbound');
    const before = seen.queries;
    const answers = await concurrently(
      Array.from({ length: 3 }, () => () => graphqlRequest(gateway.url, PRODUCT_NAME, { id: 'outbound' })),
      async () => seen.queries === before + 1 && (await metric(gateway.url, 'outbound')) === 2,
      'one fetch at the subgraph and two joined at the gateway',
    );
    expect(answers.map((a) => a.data.product.name)).toEqual(['Product outbound', 'Product outbound', 'Product outbound']);
    expect(seen.queries).toBe(before + 1);
    expect(await metric(gateway.url, 'outbound')).toBe(2);
    expect(await metric(gateway.url, 'inbound')).toBe(0);
  });
});

describe('admission: a busy gateway starts queries in turn', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    // busyUtilization 0: the event loop always counts as busy, so the limit stays at busyConcurrency.
    gateway = await startGateway({
      port: 0,
      supergraphSdl,
      subgraphUrls: {},
      tokenVerification: { publicKeyPem: keys.publicKeyPem },
      dedup: 'none',
      admission: { busyConcurrency: 1, busyUtilization: 0 },
    });
  }, 60_000);
  afterAll(async () => {
    await gateway?.stop();
  });

  const series = async (name: string) => (await metricsOf(gateway.url)).value(name);

  it('runs one query at a time while busy, the others in arrival order; one whose client left while waiting never runs', async () => {
    const open = closeGate();
    try {
      const from = asked.length;
      const query = (id: string, signal?: AbortSignal) =>
        fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PRODUCT_NAME, variables: { id } }), signal });
      const first = query('turn-1');
      await until(() => asked.length === from + 1, 'the first at the subgraph');
      const leaving = new AbortController();
      const gone = query('turn-gone', leaving.signal).catch(() => 'aborted');
      await until(async () => (await series('gateway_admission_waiting')) === 1, 'one waiting');
      const second = query('turn-2');
      await until(async () => (await series('gateway_admission_waiting')) === 2, 'two waiting');
      const third = query('turn-3');
      await until(async () => (await series('gateway_admission_waiting')) === 3, 'three waiting');
      leaving.abort();
      expect(await gone).toBe('aborted');
      // Still held by the first: nothing else reached the subgraph.
      await sleep(100);
      expect(asked.slice(from)).toEqual(['turn-1']);
      open();
      const answers = await Promise.all([first, second, third].map(async (response) => ((await (await response).json()) as { data: { product: { name: string } } }).data.product.name));
      expect(answers).toEqual(['Product turn-1', 'Product turn-2', 'Product turn-3']);
      expect(asked.slice(from)).toEqual(['turn-1', 'turn-2', 'turn-3']);
      expect(await series('gateway_admission_waiting')).toBe(0);
      expect(await series('gateway_admission_wait_seconds_count')).toBe(3);
    } finally {
      open();
    }
  });
});

describe('command line', () => {
  it('reads --supergraph, --port, --dedup and --workers, and refuses what it does not know', () => {
    expect(parseGatewayArguments(['--supergraph', 'a.graphql', '--port', '4100', '--dedup', 'outbound'])).toEqual({ supergraph: 'a.graphql', port: 4100, dedup: 'outbound', help: false });
    expect(parseGatewayArguments([])).toEqual({ help: false });
    expect(() => parseGatewayArguments(['--dedup', 'always'])).toThrow(/--dedup/);
    expect(() => parseGatewayArguments(['--port', 'eighty'])).toThrow(/--port/);
    expect(() => parseGatewayArguments(['--supergrpah', 'a.graphql'])).toThrow(/Unknown option/);
    expect(parseGatewayArguments(['--workers', '3']).workers).toBe(3);
    expect(parseGatewayArguments(['--workers', 'auto']).workers).toBe(availableParallelism());
    expect(() => parseGatewayArguments(['--workers', '0'])).toThrow(/--workers/);
    expect(() => parseGatewayArguments(['--workers', 'many'])).toThrow(/--workers/);
  });

  it('takes a subgraph URL from <NAME>_URL when set, else leaves the supergraph\'s', () => {
    const sdl = supergraphSdl;
    expect(subgraphUrlOverrides(sdl, { INVENTORY_URL: 'http://stock.internal/graphql', USERS_URL: 'http://users.internal/graphql' })).toEqual({ inventory: 'http://stock.internal/graphql' });
    expect(subgraphUrlOverrides(sdl, {})).toEqual({});
  });
});

/**
 * The four subgraphs of The Guild's federation benchmark (accounts, inventory, products, reviews), written here in
 * Node over the same data and with the same resolver behaviour, on one HTTP server at /accounts, /inventory,
 * /products and /reviews, as the reference serves them. GET /stats says how many requests each subgraph answered.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { IN_STOCK, PRODUCTS, REVIEWS, USERS, type Review } from './data.js';

// graphql as @apollo/subgraph loads it (CommonJS): under vitest an ESM import is another instance, whose execute
// refuses the schema buildSubgraphSchema built.
const { execute, parse, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export const SUBGRAPH_NAMES = ['accounts', 'inventory', 'products', 'reviews'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const subgraphSdl = (name: SubgraphName): string =>
  readFileSync(new URL(`./${name}.graphql`, import.meta.url), 'utf8');

// The reference gives every review the same author (user 1, username provided) and every user the first two reviews.
const AUTHOR = { id: '1', username: 'urigo' };
const USER_REVIEWS = REVIEWS.slice(0, 2);

const resolvers: Record<SubgraphName, GraphQLResolverMap<unknown>> = {
  accounts: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: { id: string }) => USERS.find((u) => u.id === id) ?? null,
      users: () => USERS,
    },
    User: { __resolveReference: ({ id }: { id: string }) => USERS.find((u) => u.id === id) ?? null },
  },
  inventory: {
    Product: {
      // The reference's entity resolver reads its own row by upc and ignores the required price and weight, which that
      // row does not hold: shippingEstimate is null for every product, and the expected response says so.
      __resolveReference: ({ upc }: { upc: string }) =>
        IN_STOCK.has(upc) ? { upc, inStock: IN_STOCK.get(upc), price: null, weight: null } : null,
      shippingEstimate: ({ price, weight }: { price: number | null; weight: number | null }) =>
        price === null ? null : price > 1000 ? 0 : weight === null ? null : Math.trunc(weight / 2),
    },
  },
  products: {
    Query: { topProducts: (_: unknown, { first }: { first: number | null }) => PRODUCTS.slice(0, first ?? 5) },
    Product: { __resolveReference: ({ upc }: { upc: string }) => PRODUCTS.find((p) => p.upc === upc) ?? null },
  },
  reviews: {
    Review: {
      __resolveReference: ({ id }: { id: string }) => REVIEWS.find((r) => r.id === id) ?? null,
      product: (review: Review) => ({ upc: review.upc }),
      author: () => AUTHOR,
    },
    User: { __resolveReference: ({ id }: { id: string }) => ({ id }), reviews: () => USER_REVIEWS },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
      reviews: ({ upc }: { upc: string }) => REVIEWS.filter((r) => r.upc === upc),
    },
  },
};

interface Subgraph {
  schema: GraphQLSchema;
  requests: number;
  /**
   * Response bodies by request body. The data never changes, so an identical request gets the identical answer
   * computed once: it keeps these Node subgraphs near the Rust reference's speed, so the gateway is what is measured.
   */
  answers: Map<string, string>;
}
const MAX_ANSWERS = 10_000;

const buildSubgraph = (name: SubgraphName): Subgraph => ({
  schema: buildSubgraphSchema({ typeDefs: gql(subgraphSdl(name)), resolvers: resolvers[name] }),
  requests: 0,
  answers: new Map(),
});

async function answer(subgraph: Subgraph, body: string): Promise<string> {
  const known = subgraph.answers.get(body);
  if (known !== undefined) return known;
  let result: unknown;
  try {
    const { query, variables, operationName } = JSON.parse(body) as { query: string; variables?: Record<string, unknown>; operationName?: string };
    const document: DocumentNode = parse(query);
    const errors = validate(subgraph.schema, document);
    result = errors.length > 0 ? { errors } : await execute({ schema: subgraph.schema, document, variableValues: variables, operationName });
  } catch (error) {
    return JSON.stringify({ errors: [{ message: (error as Error).message }] });
  }
  const text = JSON.stringify(result);
  if (subgraph.answers.size >= MAX_ANSWERS) subgraph.answers.clear();
  subgraph.answers.set(body, text);
  return text;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export interface ServedSubgraphs {
  /** Each subgraph's URL, e.g. http://127.0.0.1:4200/accounts. */
  urls: Record<SubgraphName, string>;
  /** Requests each subgraph answered since start or the last reset. */
  requests(): Record<SubgraphName, number>;
  resetRequests(): void;
  close(): Promise<void>;
}

/** Serves the four subgraphs in this process on 127.0.0.1:<port> (0: any free port). */
export async function serveFederationSubgraphs(port = 0): Promise<ServedSubgraphs> {
  const subgraphs = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, buildSubgraph(name)])) as Record<SubgraphName, Subgraph>;
  const requests = () => Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].requests])) as Record<SubgraphName, number>;
  const resetRequests = () => SUBGRAPH_NAMES.forEach((name) => (subgraphs[name].requests = 0));
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'GET' && path === '/stats') return send(res, 200, JSON.stringify(requests()));
    if (req.method === 'POST' && path === '/stats/reset') {
      resetRequests();
      return send(res, 200, '{}');
    }
    if (req.method === 'GET' && path === '/health') return send(res, 200, '{"ok":true}');
    const subgraph = subgraphs[path.slice(1) as SubgraphName];
    if (req.method !== 'POST' || !subgraph) return send(res, 404, '{"errors":[{"message":"not found"}]}');
    subgraph.requests += 1;
    readBody(req).then(
      (body) => answer(subgraph, body).then((text) => send(res, 200, text)),
      () => send(res, 400, '{"errors":[{"message":"unreadable body"}]}'),
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `${base}/${name}`])) as Record<SubgraphName, string>,
    requests,
    resetRequests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

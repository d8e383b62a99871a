import { createRequire } from 'node:module';
import { composeServices } from '@apollo/composition';
import { buildOperationContext, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphql } from '@shop/server';
import { apolloExecuteQueryPlan, executeQueryPlan, useOwnPlanExecution } from '../../src/execution/plan-execution.js';

// The graphql instance @apollo/subgraph and @apollo/gateway use (see @shop/server's graphql-runtime.ts).
const { execute, GraphQLError, parse } = graphql;

/**
 * The gateway's executeQueryPlan must answer exactly as @apollo/gateway's: both run the same query plans over the
 * same subgraphs (real subgraph schemas executed in process, whose answers are a deterministic function of a seed:
 * null fields, null list items, resolver errors, nulls in non-null positions, missing entities), and the data (key
 * order included), the errors (message, path, extensions) and the extensions must be the same.
 */
const SUBGRAPHS = {
  products: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
    type Query { topProducts(first: Int = 5): [Product] product(upc: String!): Product search: [Result!]! grid: [[Int]] }
    interface Node { id: ID! }
    union Result = Product | Brand
    type Brand implements Node { id: ID! name: String }
    type Product implements Node @key(fields: "upc") { id: ID! upc: String! name: String price: Int! weight: Int brand: Brand }`,
  inventory: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
    type Product @key(fields: "upc") { upc: String! price: Int! @external weight: Int @external inStock: Boolean shippingEstimate: Int @requires(fields: "price weight") }`,
  reviews: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { me: User }
    type Review { id: ID! body: String! rating: Int author: User product: Product }
    type User @key(fields: "id") { id: ID! reviews: [Review] }
    type Product @key(fields: "upc") { upc: String! reviews: [Review!] }`,
  accounts: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type User @key(fields: "id") { id: ID! name: String username: String! friends: [User!] }`,
};

const OPERATIONS = {
  deep: `query Deep { topProducts(first: 6) { upc name price weight inStock shippingEstimate reviews { id body rating author { id name username reviews { id product { upc name inStock } } } } } }`,
  aliases: `query Aliases($upc: String!) { a: product(upc: $upc) { upc title: name cost: price reviews { stars: rating } } b: product(upc: "p-3") { ...P } } fragment P on Product { upc shippingEstimate brand { name } }`,
  abstract: `query Abstract { search { __typename ... on Product { upc name inStock } ... on Brand { id name } ... on Node { id } } grid }`,
  viewer: `query Viewer($skip: Boolean!) { me { id name username @skip(if: $skip) friends { name reviews { body product { upc shippingEstimate } } } } }`,
  typename: `query Typename { __typename topProducts(first: 2) { __typename upc reviews { __typename author { __typename username } } } }`,
  introspection: `query Introspection { __schema { queryType { name } } __type(name: "Product") { fields { name } } topProducts(first: 1) { upc } }`,
} as const;
/** Per seed, so @skip both skips and keeps. */
const variablesFor = (name: string, seed: number): Record<string, unknown> =>
  name === 'aliases' ? { upc: `p-${seed % 4}` } : name === 'viewer' ? { skip: seed % 2 === 0 } : {};

/** A deterministic hash of the seed and a key: which fields are null, fail or are missing. */
function roll(seed: number, key: string): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 1000) / 1000;
}

function resolversFor(seed: number) {
  const maybe = <T>(key: string, value: T, nullRate = 0.12, errorRate = 0.06): T | null => {
    const r = roll(seed, key);
    if (r < errorRate) throw new GraphQLError(`failed ${key}`, { extensions: { code: r < errorRate / 2 ? 'BAD_THING' : undefined } });
    return r < errorRate + nullRate ? null : value;
  };
  const product = (upc: string) => ({ upc, id: `id-${upc}` });
  return {
    products: {
      Query: {
        topProducts: (_: unknown, { first }: { first: number }) => Array.from({ length: first }, (_, i) => maybe(`top${i}`, product(`p-${i}`), 0.1, 0)),
        product: (_: unknown, { upc }: { upc: string }) => maybe(`product:${upc}`, product(upc)),
        search: () => [product('p-1'), { __typename: 'Brand', id: 'b-1' }, product('p-2'), { __typename: 'Brand', id: 'b-2' }],
        grid: () => [[1, maybe('g1', 2)], null, [maybe('g2', 3, 0.3, 0)]],
      },
      Result: { __resolveType: (value: { __typename?: string }) => value.__typename ?? 'Product' },
      Brand: { name: (b: { id: string }) => maybe(`brand:${b.id}`, `Brand ${b.id}`) },
      Product: {
        __resolveReference: (ref: { upc: string }) => product(ref.upc),
        __isTypeOf: (value: { upc?: string }) => value.upc !== undefined,
        name: (p: { upc: string }) => maybe(`name:${p.upc}`, `Product ${p.upc}`),
        price: (p: { upc: string }) => maybe(`price:${p.upc}`, 100 + p.upc.length, 0.1, 0.05),
        weight: (p: { upc: string }) => maybe(`weight:${p.upc}`, 7),
        brand: (p: { upc: string }) => maybe(`brand-of:${p.upc}`, { id: `b-${p.upc}` }),
      },
    },
    inventory: {
      Product: {
        __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => maybe(`stock:${ref.upc}`, ref, 0.1, 0.03),
        inStock: (p: { upc: string }) => maybe(`inStock:${p.upc}`, roll(seed, p.upc) > 0.5),
        shippingEstimate: (p: { price?: number; weight?: number }) => ((p.price ?? 0) > 100 ? 0 : (p.weight ?? 0) / 2),
      },
    },
    reviews: {
      Query: { me: () => maybe('me', { id: 'u-1' }, 0.1, 0.02) },
      User: {
        __resolveReference: (ref: { id: string }) => ref,
        reviews: (u: { id: string }) => maybe(`user-reviews:${u.id}`, [0, 1].map((i) => maybe(`ur:${u.id}:${i}`, { id: `r-${u.id}-${i}`, productUpc: `p-${i + 2}` }))),
      },
      Product: {
        __resolveReference: (ref: { upc: string }) => ref,
        reviews: (p: { upc: string }) => maybe(`reviews:${p.upc}`, [0, 1, 2].map((i) => ({ id: `r-${p.upc}-${i}`, productUpc: p.upc, authorId: `u-${i}` }))),
      },
      Review: {
        body: (r: { id: string }) => maybe(`body:${r.id}`, `Review ${r.id}`, 0.1, 0.03),
        rating: (r: { id: string }) => maybe(`rating:${r.id}`, 4),
        author: (r: { authorId?: string }) => (r.authorId ? { id: r.authorId } : null),
        product: (r: { productUpc: string }) => ({ upc: r.productUpc }),
      },
    },
    accounts: {
      User: {
        __resolveReference: (ref: { id: string }) => maybe(`user:${ref.id}`, ref, 0.08, 0.03),
        name: (u: { id: string }) => maybe(`uname:${u.id}`, `User ${u.id}`),
        username: (u: { id: string }) => maybe(`username:${u.id}`, `@${u.id}`, 0.08, 0.04),
        friends: (u: { id: string }) => maybe(`friends:${u.id}`, [{ id: 'u-2' }, { id: 'u-3' }]),
      },
    },
  };
}

const composed = composeServices(Object.entries(SUBGRAPHS).map(([name, sdl]) => ({ name, typeDefs: parse(sdl), url: `http://${name}` })));
if (!composed.supergraphSdl) throw new Error(`composition failed: ${composed.errors?.map((e) => e.message).join('; ')}`);
const supergraph = Supergraph.build(composed.supergraphSdl);
const apiSchema = supergraph.apiSchema();
const apiGraphQLSchema = apiSchema.toGraphQLJSSchema();
const supergraphSchema = supergraph.schema.toGraphQLJSSchema();
const planner = new QueryPlanner(supergraph);

/** Subgraphs answering over the wire's JSON, as the gateway receives them. */
function serviceMapFor(seed: number): ServiceMap {
  const resolvers = resolversFor(seed);
  const map: ServiceMap = {};
  for (const [name, sdl] of Object.entries(SUBGRAPHS)) {
    const schema: GraphQLSchema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers[name as keyof typeof resolvers] as never });
    const source: GraphQLDataSource = {
      process: async ({ request }) => JSON.parse(JSON.stringify(await execute({ schema, document: parse(request.query!), variableValues: request.variables }))),
    };
    map[name] = source;
  }
  return map;
}

type Executor = typeof executeQueryPlan;
async function run(executor: Executor, name: keyof typeof OPERATIONS, seed: number) {
  const document = parse(OPERATIONS[name]);
  const plan = planner.buildQueryPlan(operationFromDocument(apiSchema, document));
  const operationContext = buildOperationContext({ schema: apiGraphQLSchema, operationDocument: document });
  const requestContext = { request: { query: OPERATIONS[name], variables: variablesFor(name, seed) }, context: {}, metrics: {}, logger: console } as never;
  let result;
  try {
    result = await executor(plan, serviceMapFor(seed), requestContext, operationContext as never, supergraphSchema, apiSchema);
  } catch (error) {
    return { threw: String(error) };
  }
  return {
    data: JSON.stringify(result.data),
    errors: result.errors?.map((e) => ({ message: e.message, path: e.path, extensions: e.extensions })),
    extensions: JSON.stringify(result.extensions),
    // Where subgraph errors were reported for usage reporting (requestContext.metrics.nonFtv1ErrorPaths).
    metrics: (requestContext as { metrics: object }).metrics,
  };
}

describe('executeQueryPlan', () => {
  it.each(Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[])('answers %s exactly as @apollo/gateway does, over 40 seeds of subgraph answers', async (name) => {
    let errors = 0;
    let nulls = 0;
    for (let seed = 0; seed < 40; seed++) {
      const ours = await run(executeQueryPlan, name, seed);
      const apollo = await run(apolloExecuteQueryPlan, name, seed);
      expect(ours, `${name}, seed ${seed}`).toEqual(apollo);
      errors += ours.errors?.length ?? 0;
      nulls += ours.data === 'null' ? 1 : 0;
    }
    // The seeds reach the error paths (a check that compared only clean answers would prove little).
    if (name !== 'introspection' && name !== 'typename') expect(errors).toBeGreaterThan(0);
    expect(nulls).toBeLessThan(40);
  });

  it('is what @apollo/gateway runs once installed', () => {
    const require = createRequire(import.meta.url);
    const module = require('@apollo/gateway/dist/executeQueryPlan.js') as { executeQueryPlan: Executor };
    const before = module.executeQueryPlan;
    useOwnPlanExecution();
    try {
      expect(module.executeQueryPlan).toBe(executeQueryPlan);
      // ApolloGateway calls it through the module object at every request (index.js), not a copy taken at import.
      const gatewaySource = require('node:fs').readFileSync(require.resolve('@apollo/gateway/dist/index.js'), 'utf8') as string;
      expect(gatewaySource).toContain('(0, executeQueryPlan_1.executeQueryPlan)(');
    } finally {
      module.executeQueryPlan = before;
    }
  });
});

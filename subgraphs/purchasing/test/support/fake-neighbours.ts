import { gql } from 'graphql-tag';
import { createTokenVerifier } from '@shop/auth';
import { analyticsPaths, demandQuery, type DemandAnswer } from '@shop/analytics/contract';
import { startSubgraphServer, type RunningServer } from '@shop/server';

/**
 * What purchasing asks of other services, from maps the test fills, on one real HTTP server: products' and
 * inventory's _entities (Product { id seller { id } }, Warehouse { id kind seller { id } }) and analytics'
 * GET /internal/demand as its contract says (demandAnswer, 404 with no forecast).
 */
const typeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Product @key(fields: "id") {
    id: ID!
    seller: User
  }
  type Warehouse @key(fields: "id") {
    id: ID!
    kind: String!
    seller: User
  }
  type User @key(fields: "id") {
    id: ID!
  }
  type Query {
    ping: Int!
  }
`;

export interface FakeNeighbours extends RunningServer {
  products: Map<string, string>;
  warehouses: Map<string, { kind: 'WAREHOUSE' | 'STORE'; sellerId: string | null }>;
  /** Expected units per product; absent: 404. */
  forecasts: Map<string, number>;
  /** When set, /internal/demand answers after this many ms (past the client's timeout: analytics is slow). */
  demandDelayMs: number;
  /** Every demand query asked: [productId, days]. */
  demandAsked: [string, number][];
  productLookups: number;
}

export async function startFakeNeighbours(publicKeyPem: string): Promise<FakeNeighbours> {
  const state = {
    products: new Map<string, string>(),
    warehouses: new Map<string, { kind: 'WAREHOUSE' | 'STORE'; sellerId: string | null }>(),
    forecasts: new Map<string, number>(),
    demandDelayMs: 0,
    demandAsked: [] as [string, number][],
    productLookups: 0,
  };
  const resolvers = {
    Query: { ping: () => 1 },
    Product: {
      __resolveReference: (ref: { id: string }) => {
        state.productLookups += 1;
        const sellerId = state.products.get(ref.id);
        return sellerId ? { id: ref.id, seller: { __typename: 'User', id: sellerId } } : null;
      },
    },
    Warehouse: {
      __resolveReference: (ref: { id: string }) => {
        const warehouse = state.warehouses.get(ref.id);
        return warehouse ? { id: ref.id, kind: warehouse.kind, seller: warehouse.sellerId ? { __typename: 'User', id: warehouse.sellerId } : null } : null;
      },
    },
  };
  const server = await startSubgraphServer(
    {
      name: 'fake-neighbours',
      typeDefs,
      resolvers,
      verifier: await createTokenVerifier({ publicKeyPem }),
      context: () => ({}),
      routes: (app) =>
        app.get(analyticsPaths.demand, async (req, res) => {
          const { productId, days } = demandQuery.parse(req.query);
          state.demandAsked.push([productId, days]);
          if (state.demandDelayMs) await new Promise((resolve) => setTimeout(resolve, state.demandDelayMs));
          const units = state.forecasts.get(productId);
          if (units === undefined) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No forecast of this product yet.' } });
          const answer: DemandAnswer = { productId, days, units, method: 'ets', computedAt: new Date().toISOString() };
          res.json(answer);
        }),
    },
    0,
  );
  return Object.assign(state, server);
}

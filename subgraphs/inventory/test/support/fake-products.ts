import { gql } from 'graphql-tag';
import { createTokenVerifier } from '@shop/auth';
import { formatMinor } from '@shop/common';
import { demo } from '@shop/demo-store';
import { startSubgraphServer, type RunningServer } from '@shop/server';

/**
 * A real @apollo/subgraph HTTP server that speaks the products subgraph's _entities protocol for
 * Product { id status seller { id } price { amount currency } } from a fixed map (used while subgraphs/products is not ready).
 */
const typeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Product @key(fields: "id") {
    id: ID!
    status: String
    seller: User
    price: Money
  }
  type Money {
    amount: String!
    currency: String!
  }
  type User @key(fields: "id") {
    id: ID!
  }
  type Query {
    productCount: Int!
  }
`;

export interface FakeProduct {
  id: string;
  sellerId: string;
  status: string;
  /** In pesos' minor units; 1 000 000 (10 000 pesos) unless given. */
  priceMinor?: bigint;
}

export interface FakeProductsServer extends RunningServer {
  /** How many Product references it has resolved. */
  lookups(): number;
}

export async function startFakeProducts(publicKeyPem: string, extra: FakeProduct[] = []): Promise<FakeProductsServer> {
  const products = new Map<string, FakeProduct>([
    ...demo.products.map((p): [string, FakeProduct] => [p.id, { id: p.id, sellerId: p.sellerId, status: 'ACTIVE', priceMinor: p.priceMinor }]),
    ...extra.map((p): [string, FakeProduct] => [p.id, p]),
  ]);
  let lookups = 0;
  const resolvers = {
    Query: { productCount: () => products.size },
    Product: {
      __resolveReference: (ref: { id: string }) => {
        lookups += 1;
        const product = products.get(ref.id);
        return product
          ? { id: product.id, status: product.status, seller: { __typename: 'User', id: product.sellerId }, price: { amount: formatMinor(product.priceMinor ?? 1_000_000n), currency: 'COP' } }
          : null;
      },
    },
  };
  const server = await startSubgraphServer(
    { name: 'fake-products', typeDefs, resolvers, verifier: await createTokenVerifier({ publicKeyPem }), context: () => ({}) },
    0,
  );
  return { ...server, lookups: () => lookups };
}

import { gql } from 'graphql-tag';
import { createTokenVerifier } from '@shop/auth';
import { startSubgraphServer, type RunningServer } from '@shop/server';

/** What the stub knows about an order: the fields orders' lookup (@shop/orders/lookup) reads; number defaults to ORD-000001. */
export interface StubOrder {
  id: string;
  number?: string;
  status: string;
  totalAmount: string;
  currency: string;
  customerId: string;
}

const typeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Money {
    amount: String!
    currency: String!
  }
  type User @key(fields: "id", resolvable: false) {
    id: ID!
  }
  type Order @key(fields: "id") {
    id: ID!
    number: String!
    status: String!
    total: Money!
    customer: User!
  }
  type Query {
    stubOrderCount: Int!
  }
`;

/**
 * A real HTTP federation subgraph standing in for orders (which is being changed elsewhere): it answers _entities
 * on Order from a map the test controls, with the same field shapes as the real one.
 */
export async function startOrdersStub(publicKeyPem: string): Promise<RunningServer & { orders: Map<string, StubOrder> }> {
  const orders = new Map<string, StubOrder>();
  const server = await startSubgraphServer(
    {
      name: 'orders-stub',
      typeDefs,
      verifier: await createTokenVerifier({ publicKeyPem }),
      context: () => ({}),
      resolvers: {
        Query: { stubOrderCount: () => orders.size },
        Order: {
          __resolveReference: (ref: { id: string }) => orders.get(ref.id) ?? null,
          number: (order: StubOrder) => order.number ?? 'ORD-000001',
          total: (order: StubOrder) => ({ amount: order.totalAmount, currency: order.currency }),
          customer: (order: StubOrder) => ({ __typename: 'User', id: order.customerId }),
        },
      },
    },
    0,
  );
  return { ...server, orders };
}

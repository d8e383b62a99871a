import { randomUUID } from 'node:crypto';
import { gql } from 'graphql-tag';
import { createTokenVerifier } from '@shop/auth';
import { formatMinor } from '@shop/common';
import { startSubgraphServer, type RunningServer } from '@shop/server';

/**
 * A real @apollo/subgraph HTTP server that speaks the orders subgraph's _entities protocol for
 * Order { id number status customer { id } total { amount currency } } from a map the test fills.
 */
const typeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Order @key(fields: "id") {
    id: ID!
    number: String!
    status: String!
    customer: User!
    total: Money!
  }
  type Money {
    amount: String!
    currency: String!
  }
  type User @key(fields: "id") {
    id: ID!
  }
  type Query {
    orderCount: Int!
  }
`;

export interface FakeOrder {
  id: string;
  number: string;
  customerId: string;
  status: string;
  totalMinor: number;
  currency: string;
}

export interface FakeOrdersServer extends RunningServer {
  /** Adds an order of this customer (PAID, COP 200,000 unless said otherwise). */
  add(customerId: string, over?: Partial<FakeOrder>): FakeOrder;
}

export async function startFakeOrders(publicKeyPem: string): Promise<FakeOrdersServer> {
  const orders = new Map<string, FakeOrder>();
  let numbers = 0;
  const resolvers = {
    Query: { orderCount: () => orders.size },
    Order: {
      __resolveReference: (ref: { id: string }) => {
        const order = orders.get(ref.id);
        return order
          ? { id: order.id, number: order.number, status: order.status, customer: { __typename: 'User', id: order.customerId }, total: { amount: formatMinor(BigInt(order.totalMinor)), currency: order.currency } }
          : null;
      },
    },
  };
  const server = await startSubgraphServer(
    { name: 'fake-orders', typeDefs, resolvers, verifier: await createTokenVerifier({ publicKeyPem }), context: () => ({}) },
    0,
  );
  return {
    ...server,
    add(customerId, over = {}) {
      const order: FakeOrder = { id: randomUUID(), number: `ORD-${String(++numbers).padStart(6, '0')}`, customerId, status: 'PAID', totalMinor: 200_000_00, currency: 'COP', ...over };
      orders.set(order.id, order);
      return order;
    },
  };
}

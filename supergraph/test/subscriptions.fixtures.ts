import { composeServices } from '@apollo/composition';
import { gql } from 'graphql-tag';
import type { DocumentNode } from 'graphql';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { createTokenIssuer, createTokenVerifier, generateKeyPairPem, isAdmin, requireViewer, type KeyPairPem, type TokenIssuer, type Viewer } from '@shop/auth';
import { forbidden } from '@shop/common';
import { eventIterator, InProcessEventBus, newEvent } from '@shop/events';
import { startSubgraphServer, type RunningSubgraphServer } from '@shop/server';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import type { GatewaySubscriptionOptions } from '../src/subscriptions/subscription-server.js';

/**
 * A small graph made only for the subscription tests (the real subgraphs are changing elsewhere):
 * stock owns Subscription.stockChanged and Product.available; catalog owns Product { name price seller };
 * people owns User.name; ordering owns Subscription.orderStatusChanged with the order's authorization rule.
 */
const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

const sdl = {
  stock: gql`
    ${link}
    type Subscription {
      stockChanged(productIds: [ID!]): Product!
    }
    type Product @key(fields: "id") {
      id: ID!
      available: Int!
    }
  `,
  catalog: gql`
    ${link}
    type Query {
      product(id: ID!): Product
    }
    type Money @shareable {
      amount: String!
      currency: String!
    }
    type Product @key(fields: "id") {
      id: ID!
      name: String!
      price: Money!
      seller: User!
    }
    type User @key(fields: "id", resolvable: false) {
      id: ID!
    }
  `,
  people: gql`
    ${link}
    type Query {
      user(id: ID!): User
    }
    type User @key(fields: "id") {
      id: ID!
      name: String!
    }
  `,
  ordering: gql`
    ${link}
    type Subscription {
      orderStatusChanged(orderId: ID!): Order!
    }
    type Order @key(fields: "id") {
      id: ID!
      status: String!
      customer: User!
    }
    type User @key(fields: "id", resolvable: false) {
      id: ID!
    }
  `,
} satisfies Record<string, DocumentNode>;

export const PRODUCT = { id: 'p-1', name: 'Mochila Wayuu', priceMinor: '18900000', sellerId: 'u-seller' };
export const OTHER_PRODUCT = { id: 'p-2', name: 'Hamaca', priceMinor: '45000000', sellerId: 'u-seller' };
export const SELLER = { id: 'u-seller', name: 'Ana Seller' };
export const CUSTOMER: Viewer = { id: 'u-customer', roles: ['CUSTOMER'] };
export const OTHER_CUSTOMER: Viewer = { id: 'u-other', roles: ['CUSTOMER'] };
export const ADMIN: Viewer = { id: 'u-admin', roles: ['ADMIN'] };
export const ORDER = { id: 'o-1', customerId: CUSTOMER.id };

type Ctx = { viewer: Viewer | null };

function resolversFor(bus: InProcessEventBus, stock: Map<string, number>) {
  const products = new Map([PRODUCT, OTHER_PRODUCT].map((p) => [p.id, p]));
  const orders = new Map([[ORDER.id, { ...ORDER, status: 'AWAITING_PAYMENT' }]]);
  const productOf = (id: string) => {
    const p = products.get(id);
    return p && { id: p.id, name: p.name, price: { amount: (Number(p.priceMinor) / 100).toFixed(2), currency: 'COP' }, seller: { __typename: 'User', id: p.sellerId } };
  };
  return {
    stock: {
      Subscription: {
        stockChanged: {
          subscribe: (_: unknown, args: { productIds?: string[] | null }) =>
            eventIterator(
              bus,
              ['stock.changed'],
              (e) => !args.productIds || args.productIds.includes(e.aggregateId),
              (e) => ({ __typename: 'Product', id: e.aggregateId, available: e.payload.available }),
            ),
          resolve: (product: unknown) => product,
        },
      },
      Product: { __resolveReference: ({ id }: { id: string }) => ({ id, available: stock.get(id) ?? 0 }) },
    },
    catalog: {
      Query: { product: (_: unknown, { id }: { id: string }) => productOf(id) ?? null },
      Product: { __resolveReference: ({ id }: { id: string }) => productOf(id) ?? null },
    },
    people: {
      Query: { user: (_: unknown, { id }: { id: string }) => (id === SELLER.id ? SELLER : null) },
      User: { __resolveReference: ({ id }: { id: string }) => (id === SELLER.id ? SELLER : null) },
    },
    ordering: {
      Subscription: {
        orderStatusChanged: {
          // The rule the real orders/payments subgraphs need: the order's customer or an admin, nobody else.
          subscribe: (_: unknown, { orderId }: { orderId: string }, ctx: Ctx) => {
            const viewer = requireViewer(ctx.viewer);
            const order = orders.get(orderId);
            if (!order || (order.customerId !== viewer.id && !isAdmin(viewer))) throw forbidden('Only the customer who placed this order or an admin can follow it.');
            return eventIterator(
              bus,
              ['order.status_changed'],
              (e) => e.aggregateId === orderId,
              (e) => ({ __typename: 'Order', id: e.aggregateId, status: e.payload.to, customer: { __typename: 'User', id: e.payload.customerId } }),
            );
          },
          resolve: (order: unknown) => order,
        },
      },
      Order: { __resolveReference: ({ id }: { id: string }) => orders.get(id) && { id, status: orders.get(id)!.status, customer: { __typename: 'User', id: orders.get(id)!.customerId } } },
    },
  };
}

export type SubgraphKey = keyof typeof sdl;

export interface TestSubgraphs {
  bus: InProcessEventBus;
  keys: KeyPairPem;
  issuer: TokenIssuer;
  subgraphs: Record<SubgraphKey, RunningSubgraphServer>;
  /** Composed with @apollo/composition from the four SDLs above, with the running subgraphs' URLs. */
  supergraphSdl: string;
  token(viewer: Viewer): Promise<string>;
  publishStock(productId: string, available: number): Promise<void>;
  publishOrderStatus(to: string): Promise<void>;
  /** Stops the stock subgraph and starts it again on the same port. */
  restartStock(options?: { downMs?: number }): Promise<void>;
  stopStock(): Promise<void>;
  stop(): Promise<void>;
}

export interface LiveGraph extends TestSubgraphs {
  gateway: RunningGateway;
  wsUrl: string;
  /** Every fetch the gateway sent to a subgraph over HTTP (entity fetches of subscription events included). */
  requests: string[];
}

/** The four test subgraphs on one in-process bus (the bench runs them in a process of their own). */
export async function startTestSubgraphs(subgraphKeepAliveMs = 12_000): Promise<TestSubgraphs> {
  const bus = new InProcessEventBus();
  const keys = await generateKeyPairPem();
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const verifier = await createTokenVerifier({ publicKeyPem: keys.publicKeyPem });
  const stock = new Map<string, number>();
  const resolvers = resolversFor(bus, stock);
  const start = (name: SubgraphKey, port = 0) =>
    startSubgraphServer<Ctx>(
      { name, typeDefs: sdl[name], resolvers: resolvers[name] as never, verifier, context: (viewer) => ({ viewer }), subscriptions: { keepAliveMs: subgraphKeepAliveMs } },
      port,
    );
  const subgraphs = { stock: await start('stock'), catalog: await start('catalog'), people: await start('people'), ordering: await start('ordering') };
  const composed = composeServices(Object.entries(sdl).map(([name, typeDefs]) => ({ name, typeDefs, url: subgraphs[name as SubgraphKey].url })));
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const graph: TestSubgraphs = {
    bus,
    keys,
    issuer,
    subgraphs,
    supergraphSdl: composed.supergraphSdl,
    token: (viewer) => issuer.issue(viewer),
    publishStock: async (productId, available) => {
      stock.set(productId, available);
      await bus.publish(newEvent('inventory', 'stock.changed', productId, { productId, onHand: available, reserved: 0, available }));
    },
    publishOrderStatus: async (to) => {
      await bus.publish(newEvent('orders', 'order.status_changed', ORDER.id, { orderId: ORDER.id, customerId: ORDER.customerId, from: null, to, reason: null, lines: [] }));
    },
    async stopStock() {
      await graph.subgraphs.stock.stop();
    },
    async restartStock({ downMs = 0 } = {}) {
      const port = graph.subgraphs.stock.port;
      await graph.subgraphs.stock.stop();
      await sleep(downMs);
      graph.subgraphs.stock = await start('stock', port);
    },
    async stop() {
      await Promise.allSettled(Object.values(graph.subgraphs).map((s) => s.stop()));
      await bus.close();
    },
  };
  return graph;
}

/** The test subgraphs behind a real gateway (startGateway) in this process. */
export async function startLiveGraph(subscriptions: GatewaySubscriptionOptions = {}, subgraphKeepAliveMs = 12_000): Promise<LiveGraph> {
  const subgraphs = await startTestSubgraphs(subgraphKeepAliveMs);
  const requests: string[] = [];
  const gateway = await startGateway({
    port: 0,
    supergraphSdl: subgraphs.supergraphSdl,
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs.subgraphs).map(([name, s]) => [name, s.url])),
    tokenVerification: { publicKeyPem: subgraphs.keys.publicKeyPem },
    onSubgraphRequest: (name) => requests.push(name),
    subscriptions: { upstreamRetryWaitMs: 100, ...subscriptions },
    // Every test client, up to a thousand of them, comes from 127.0.0.1: the per-address bounds are lifted here and
    // proven in security/rate-limits.test.ts.
    clientLimits: { wsConnectionsPerIp: 100_000, wsConnectsPerIpPerMinute: 1_000_000, requestsPerIpPerMinute: 1_000_000 },
  });
  const stopSubgraphs = subgraphs.stop;
  return Object.assign(subgraphs, {
    gateway,
    wsUrl: gateway.url.replace('http', 'ws'),
    requests,
    async stop() {
      await gateway.stop();
      await stopSubgraphs();
    },
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the condition (or the promise it returns) holds; fails naming what it waited for. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export function wsClient(url: string, token?: string, options: { retryAttempts?: number } = {}): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: options.retryAttempts ?? 0,
    lazy: true,
  });
}

export interface Collected {
  results: { data?: any; errors?: any[] }[];
  error: unknown;
  completed: boolean;
  /** Resolves when `count` results arrived. */
  received(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves when the subscription completed or errored. */
  ended(timeoutMs?: number): Promise<void>;
  unsubscribe(): void;
}

/** Subscribes and records everything the server sends for this operation. */
export function collect(client: Client, query: string, variables: Record<string, unknown> = {}): Collected {
  const collected: Collected = {
    results: [],
    error: undefined,
    completed: false,
    received: (count, timeoutMs) => until(() => collected.results.length >= count, `${count} results (have ${collected.results.length})`, timeoutMs),
    ended: (timeoutMs) => until(() => collected.completed || collected.error !== undefined, 'the subscription to end', timeoutMs),
    unsubscribe: () => undefined,
  };
  collected.unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (result) => void collected.results.push(result as Collected['results'][number]),
      error: (error) => void (collected.error = error),
      complete: () => void (collected.completed = true),
    },
  );
  return collected;
}

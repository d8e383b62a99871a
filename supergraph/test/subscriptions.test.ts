import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { collect, OTHER_PRODUCT, type Collected, PRODUCT, SELLER, startLiveGraph, until, wsClient, type LiveGraph } from './subscriptions.fixtures.js';

let graph: LiveGraph;

beforeAll(async () => {
  graph = await startLiveGraph();
}, 60_000);

afterAll(async () => {
  await graph?.stop();
});

const STOCK_WITH_CATALOG = /* GraphQL */ `
  subscription Watch($ids: [ID!]) {
    stockChanged(productIds: $ids) { id name price { amount } seller { name } available }
  }
`;

const upstream = () => graph.subgraphs.stock.liveStats();

describe('subscriptions through the gateway', () => {
  it('resolves a selection spanning three subgraphs for every event', async () => {
    const client = wsClient(graph.wsUrl);
    const sub = collect(client, STOCK_WITH_CATALOG, { ids: [PRODUCT.id] });
    await until(() => upstream().subscriptions === 1, 'the upstream subscription');

    await graph.publishStock(OTHER_PRODUCT.id, 9); // another product: filtered out by the stock subgraph
    await graph.publishStock(PRODUCT.id, 5);
    await graph.publishStock(PRODUCT.id, 3);
    await sub.received(2);

    expect(sub.results).toEqual([
      { data: { stockChanged: { id: PRODUCT.id, name: PRODUCT.name, price: { amount: '189000.00' }, seller: { name: SELLER.name }, available: 5 } } },
      { data: { stockChanged: { id: PRODUCT.id, name: PRODUCT.name, price: { amount: '189000.00' }, seller: { name: SELLER.name }, available: 3 } } },
    ]);
    await client.dispose();
    await until(() => upstream().subscriptions === 0, 'release');
  });

  it('1,000 subscribers to one product share one upstream subscription and one entity fetch per subgraph per event, and all release to zero', async () => {
    const clients: Client[] = [];
    const subs: Collected[] = [];
    // Real clients arrive spread out; 1,000 simultaneous TCP connects would overflow the listen backlog.
    for (let batch = 0; batch < 10; batch++) {
      for (let i = 0; i < 100; i++) {
        const client = wsClient(graph.wsUrl);
        clients.push(client);
        subs.push(collect(client, STOCK_WITH_CATALOG, { ids: [PRODUCT.id] }));
      }
      await until(() => graph.gateway.subscriptions.stats().clients === clients.length, `${clients.length} client subscriptions`, 20_000);
    }
    expect(upstream()).toEqual({ connections: 1, subscriptions: 1 });
    expect(graph.gateway.subscriptions.stats()).toMatchObject({ clients: 1000, selectionGroups: 1, upstreamSubscriptions: 1, upstreamConnections: 1 });

    graph.requests.length = 0;
    await graph.publishStock(PRODUCT.id, 42);
    await until(() => subs.every((s) => s.results.length === 1), 'every subscriber to get the event', 20_000);
    expect(subs.every((s) => s.results[0]!.data?.stockChanged.available === 42 && s.results[0]!.data?.stockChanged.seller.name === SELLER.name)).toBe(true);
    expect(graph.requests.sort()).toEqual(['catalog', 'people']);

    await Promise.all(clients.map((c) => c.dispose()));
    await until(() => upstream().subscriptions === 0 && upstream().connections === 0, 'upstream subscriptions and connections back to zero');
    await until(() => graph.gateway.subscriptions.stats().upstreamConnections === 0, 'gateway upstream sockets closed');
    expect(graph.gateway.subscriptions.stats()).toMatchObject({ clients: 0, selectionGroups: 0, upstreamSubscriptions: 0, upstreamConnections: 0 });
  }, 60_000);

  it('different selections with the same primary fetch share the upstream subscription, each running its own entity fetches once per event', async () => {
    const a = wsClient(graph.wsUrl);
    const b = wsClient(graph.wsUrl);
    const named = collect(a, `subscription Names($ids: [ID!]) { stockChanged(productIds: $ids) { id available name } }`, { ids: [PRODUCT.id] });
    const sellers = collect(b, `subscription Sellers($ids: [ID!]) { stockChanged(productIds: $ids) { id available seller { name } } }`, { ids: [PRODUCT.id] });
    await until(() => graph.gateway.subscriptions.stats().clients === 2 && upstream().subscriptions === 1, 'both subscriptions on one upstream subscription');
    expect(graph.gateway.subscriptions.stats()).toMatchObject({ upstreamSubscriptions: 1, selectionGroups: 2 });

    graph.requests.length = 0;
    await graph.publishStock(PRODUCT.id, 7);
    await Promise.all([named.received(1), sellers.received(1)]);
    expect(named.results[0]).toEqual({ data: { stockChanged: { id: PRODUCT.id, available: 7, name: PRODUCT.name } } });
    expect(sellers.results[0]).toEqual({ data: { stockChanged: { id: PRODUCT.id, available: 7, seller: { name: SELLER.name } } } });
    expect(graph.requests.sort()).toEqual(['catalog', 'catalog', 'people']);
    await Promise.all([a.dispose(), b.dispose()]);
    await until(() => upstream().subscriptions === 0, 'release');
  });

  it('answers an invalid subscription with a validation error and opens nothing upstream', async () => {
    const client = wsClient(graph.wsUrl);
    const sub = collect(client, `subscription { stockChanged { nope } }`);
    await sub.ended();
    expect((sub.error as { extensions?: { code?: string } }[])[0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(upstream().subscriptions).toBe(0);
    await client.dispose();
  });

  it('runs queries sent over the socket through the gateway', async () => {
    const client = wsClient(graph.wsUrl);
    const query = collect(client, `query($id: ID!) { product(id: $id) { name seller { name } } }`, { id: PRODUCT.id });
    await query.ended();
    expect(query.results).toEqual([{ data: { product: { name: PRODUCT.name, seller: { name: SELLER.name } } } }]);
    await client.dispose();
  });
});

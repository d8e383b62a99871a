import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { collect, PRODUCT, startLiveGraph, until, wsClient, type LiveGraph } from './subscriptions.fixtures.js';

let graph: LiveGraph;

beforeAll(async () => {
  graph = await startLiveGraph({ keepAliveMs: 300, upstreamRetryAttempts: 3, upstreamRetryWaitMs: 100 }, 300);
}, 60_000);

afterAll(async () => {
  await graph?.stop();
});

const AVAILABLE = `subscription($ids: [ID!]) { stockChanged(productIds: $ids) { id available } }`;
const upstream = () => graph.subgraphs.stock.liveStats();

async function pingsOn(url: string): Promise<number> {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  let pings = 0;
  socket.on('ping', () => pings++);
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await until(() => pings >= 2, `two keep-alive pings from ${url}`, 3000);
  socket.close();
  return pings;
}

describe('subscription lifecycle', () => {
  it('the gateway and the subgraphs ping idle connections to keep them alive', async () => {
    expect(await pingsOn(graph.wsUrl)).toBeGreaterThanOrEqual(2);
    expect(await pingsOn(graph.subgraphs.stock.url.replace('http', 'ws'))).toBeGreaterThanOrEqual(2);
  });

  it('a restarted subgraph is resubscribed and events flow again', async () => {
    const client = wsClient(graph.wsUrl);
    const sub = collect(client, AVAILABLE, { ids: [PRODUCT.id] });
    await until(() => upstream().subscriptions === 1, 'the upstream subscription');
    await graph.publishStock(PRODUCT.id, 1);
    await sub.received(1);

    await graph.restartStock({ downMs: 150 });
    await until(() => upstream().subscriptions === 1, 'the resubscription on the restarted subgraph');
    await graph.publishStock(PRODUCT.id, 2);
    await sub.received(2);
    expect(sub.results.map((r) => r.data?.stockChanged.available)).toEqual([1, 2]);
    expect(sub.error).toBeUndefined();
    await client.dispose();
    await until(() => upstream().subscriptions === 0, 'release');
  });

  it('when a subgraph stays down, its subscribers are told SERVICE_UNAVAILABLE and completed', async () => {
    const client = wsClient(graph.wsUrl);
    const sub = collect(client, AVAILABLE, { ids: [PRODUCT.id] });
    await until(() => upstream().subscriptions === 1, 'the upstream subscription');
    await graph.stopStock();

    await sub.ended(15_000);
    expect(sub.completed).toBe(true);
    expect(sub.results.at(-1)?.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    await until(() => graph.gateway.subscriptions.stats().upstreamSubscriptions === 0, 'the upstream subscription to be forgotten');
    await client.dispose();
    await graph.restartStock(); // back for the next tests
  }, 30_000);
});

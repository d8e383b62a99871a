import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '@shop/testing';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { startGateway, type RunningGateway } from '../../src/gateway.js';
import { collect, CUSTOMER, OTHER_CUSTOMER, PRODUCT, startTestSubgraphs, until, type TestSubgraphs } from '../subscriptions.fixtures.js';

// Small budgets so a flood is quick to send; clients are told apart by X-Forwarded-For (the gateway trusts loopback).
const LIMITS = {
  requestsPerIpPerMinute: 30,
  requestsPerUserPerMinute: 20,
  wsConnectionsPerIp: 3,
  wsConnectsPerIpPerMinute: 1000,
  wsConnectionsPerUser: 2,
  wsSubscriptionsPerUser: 3,
  trustProxy: 'loopback',
};
const QUERY = `query { product(id: "${PRODUCT.id}") { id name } }`;
const STOCK = `subscription { stockChanged(productIds: ["${PRODUCT.id}"]) { id available } }`;

let graph: TestSubgraphs;
let gateway: RunningGateway;
let wsUrl: string;

beforeAll(async () => {
  graph = await startTestSubgraphs();
  gateway = await startGateway({
    port: 0,
    supergraphSdl: graph.supergraphSdl,
    subgraphUrls: Object.fromEntries(Object.entries(graph.subgraphs).map(([name, s]) => [name, s.url])),
    tokenVerification: { publicKeyPem: graph.keys.publicKeyPem },
    clientLimits: LIMITS,
  });
  wsUrl = gateway.url.replace('http', 'ws');
});

afterAll(async () => {
  await gateway?.stop();
  await graph?.stop();
});

async function post(from: string, token?: string, url = gateway.url) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: QUERY }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
}

const sendMany = async (count: number, from: string, token?: string) => {
  const answers = [];
  for (let i = 0; i < count; i++) answers.push(await post(from, token));
  return answers;
};

/** A socket from a given client address, with the graphql-ws subprotocol. */
const socketFrom = (ip: string) =>
  class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'x-forwarded-for': ip } });
    }
  };

const clientFrom = (ip: string, token?: string, onClosed?: (code: number) => void): Client =>
  createClient({
    url: wsUrl,
    webSocketImpl: socketFrom(ip),
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => onClosed?.((event as { code: number }).code) },
  });

/** Opens a raw socket; resolves with 'open' or the HTTP status that refused the upgrade. */
const upgrade = (ip: string) =>
  new Promise<{ socket: WebSocket; outcome: 'open' | number; retryAfter?: string }>((resolve) => {
    const socket = new (socketFrom(ip))(wsUrl, 'graphql-transport-ws');
    socket.once('open', () => resolve({ socket, outcome: 'open' }));
    socket.once('unexpected-response', (_req, res) => resolve({ socket, outcome: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string }));
  });

describe('rate limits at the gateway', () => {
  it('answers a flood from one address with 429, Retry-After and RATE_LIMITED while another address is served normally', async () => {
    const flood = await sendMany(40, '203.0.113.10');
    expect(flood.slice(0, 30).map((a) => a.status)).toEqual(Array(30).fill(200));
    const refused = flood.slice(30);
    expect(refused.map((a) => a.status)).toEqual(Array(10).fill(429));
    for (const answer of refused) {
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
      expect(answer.body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: Number(answer.retryAfter) });
      expect(answer.body.data).toBeUndefined();
    }

    const neighbour = await sendMany(5, '203.0.113.11');
    expect(neighbour.map((a) => a.status)).toEqual(Array(5).fill(200));
    expect(neighbour[0]!.body.data.product).toEqual({ id: PRODUCT.id, name: PRODUCT.name });
  });

  it("limits a signed-in user across addresses, and not the user beside them", async () => {
    const token = await graph.token(CUSTOMER);
    const first = await sendMany(20, '198.51.100.1', token);
    expect(first.every((a) => a.status === 200)).toBe(true);
    // Moving to another address does not reset a user's budget.
    const moved = await post('198.51.100.2', token);
    expect(moved.status).toBe(429);
    expect(moved.body.errors[0].extensions.code).toBe('RATE_LIMITED');

    const other = await sendMany(5, '198.51.100.2', await graph.token(OTHER_CUSTOMER));
    expect(other.map((a) => a.status)).toEqual(Array(5).fill(200));
  });

  it('refuses a fourth socket from one address with 429 at the upgrade, and admits it again once one closes', async () => {
    const open = await Promise.all([upgrade('192.0.2.1'), upgrade('192.0.2.1'), upgrade('192.0.2.1')]);
    expect(open.map((o) => o.outcome)).toEqual(['open', 'open', 'open']);
    const fourth = await upgrade('192.0.2.1');
    expect(fourth.outcome).toBe(429);
    expect(Number(fourth.retryAfter)).toBeGreaterThanOrEqual(1);
    const elsewhere = await upgrade('192.0.2.2');
    expect(elsewhere.outcome).toBe('open');

    open[0]!.socket.close();
    await new Promise((resolve) => open[0]!.socket.once('close', resolve));
    let again = await upgrade('192.0.2.1');
    // The slot is given back when the server sees the TCP socket close.
    for (let i = 0; again.outcome !== 'open' && i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await upgrade('192.0.2.1');
    }
    expect(again.outcome).toBe('open');
    for (const s of [...open, elsewhere, again]) s.socket.close();
  });

  it("closes a user's third connection with 1013 and refuses subscriptions beyond the user's total", async () => {
    const token = await graph.token({ id: 'u-ws-flooder', roles: ['CUSTOMER'] });
    const closes: number[] = [];
    const [a, b] = [clientFrom('192.0.2.20', token), clientFrom('192.0.2.21', token)];
    const subscriptions = [collect(a, STOCK), collect(a, STOCK), collect(b, STOCK)];
    await until(() => gateway.subscriptions.stats().clients >= 3, 'three subscriptions');

    const fourth = collect(b, STOCK);
    await fourth.ended();
    expect((fourth.error as { extensions: { code: string } }[])[0]!.extensions.code).toBe('RATE_LIMITED');

    const third = clientFrom('192.0.2.22', token, (code) => closes.push(code));
    const refused = collect(third, STOCK);
    await refused.ended();
    expect(closes).toContain(1013);

    // The earlier three still receive events, once the gateway's upstream subscription is live at the stock subgraph
    // (an event published before that reaches nobody, and the test would wait for it forever).
    await until(() => graph.subgraphs.stock.liveStats().subscriptions >= 1, 'the upstream subscription');
    await graph.publishStock(PRODUCT.id, 7);
    for (const s of subscriptions) await s.received(1);
    for (const client of [a, b, third]) await client.dispose();
  });

  it('shares one budget between two gateway replicas over the same PostgreSQL database', async () => {
    const database = await createTestDatabase(inject('databaseUrl'), 'gateway_shared');
    const replica = () =>
      startGateway({
        port: 0,
        supergraphSdl: graph.supergraphSdl,
        subgraphUrls: Object.fromEntries(Object.entries(graph.subgraphs).map(([name, s]) => [name, s.url])),
        tokenVerification: { publicKeyPem: graph.keys.publicKeyPem },
        clientLimits: { ...LIMITS, requestsPerIpPerMinute: 10 },
        databaseUrl: database.url,
      });
    const replicas = await Promise.all([replica(), replica()]);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await post('203.0.113.99', undefined, replicas[i % 2]!.url)).status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(10);
      expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
      await database.drop();
    }
  });

  it('counts every refusal in gateway_rate_limited_total by scope', async () => {
    const metrics = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();
    const count = (scope: string) => Number(new RegExp(`gateway_rate_limited_total\\{[^}]*scope="${scope}"[^}]*\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
    expect(count('ip')).toBe(10);
    expect(count('user')).toBe(1);
    expect(count('ws-ip')).toBeGreaterThanOrEqual(1);
    expect(count('ws-user')).toBe(1);
    expect(count('ws-subscriptions')).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphqlRequest } from '@shop/testing';
import { demo } from '@shop/demo-store';
import { startTestPlatform } from './support/platform.js';
import { statementsByTrace, type Statement } from './support/statements.js';
import type { ServiceName } from '@shop/platform';
import type { SubgraphName } from '../src/services.js';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
const requests: SubgraphName[] = [];
// Only a request's own statements count: background workers (the payment driver, relays, consumers) run meanwhile.
const statements = statementsByTrace();

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'), {
    onQuery: statements.onQuery,
    onSubgraphRequest: (subgraph) => requests.push(subgraph),
  });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
  await statements.stop();
});

const count = (seen: Statement[], subgraph: ServiceName, table: string) => seen.filter((s) => s.subgraph === subgraph && new RegExp(`from "${table}"`, 'i').test(s.sql)).length;

describe('entity batching through the gateway', () => {
  it('50 products with seller and stock cost one request per subgraph and one SQL query per table', async () => {
    requests.length = 0;
    const { traceId, headers } = statements.newTrace();
    const res = await graphqlRequest(platform.gatewayUrl, `{ products(first: 50) { edges { node { id name seller { id name } stock { available onHand } } } } }`, {}, undefined, headers);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.products.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(50);
    expect(nodes.every((n: any) => n.seller.name && typeof n.stock.available === 'number')).toBe(true);

    expect(requests.sort()).toEqual(['inventory', 'products', 'users']);
    expect(count(statements.of(traceId), 'users', 'users')).toBe(1);
    expect(count(statements.of(traceId), 'inventory', 'stock_levels')).toBe(1);
  });

  it('an order history with lines, products, stock and payments costs one request per subgraph and hop', async () => {
    const login = await graphqlRequest(platform.gatewayUrl, `mutation { login(email: "${demo.customer.email}", password: "${demo.customer.password}") { token } }`);
    requests.length = 0;
    const { traceId, headers } = statements.newTrace();
    const res = await graphqlRequest(
      platform.gatewayUrl,
      `{ me { orders { edges { node { number lines { quantity product { name seller { name } stock { available } } } payments { status } } } } } }`,
      {},
      login.data.login.token,
      headers,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.me.orders.edges[0].node.lines).toHaveLength(demo.pastOrder.lines.length);
    // users (me) -> orders -> products, payments, inventory -> users (sellers)
    expect(requests.sort()).toEqual(['inventory', 'orders', 'payments', 'products', 'users', 'users']);
    expect(count(statements.of(traceId), 'payments', 'payments')).toBe(1);
  });
});

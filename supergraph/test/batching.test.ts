import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import postgres from 'postgres';
import { freePort, graphqlRequest } from '@shop/testing';
import { demo } from '@shop/demo-store';
import { startPlatform, type Platform } from '../src/platform.js';
import type { SubgraphName } from '../src/services.js';

let platform: Platform;
const requests: SubgraphName[] = [];
const statements: { subgraph: SubgraphName; sql: string }[] = [];
const baseName = `batch_${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${baseName}`;
  const [gatewayPort, users, products, inventory, orders, payments] = await Promise.all(Array.from({ length: 6 }, () => freePort()));
  platform = await startPlatform({
    dataDir: '/nonexistent',
    databaseUrl: url.toString(),
    gatewayPort: gatewayPort!,
    subgraphPorts: { users: users!, products: products!, inventory: inventory!, orders: orders!, payments: payments! },
    keys: await (await import('@shop/auth')).generateKeyPairPem(),
    onQuery: (subgraph, sql) => statements.push({ subgraph, sql }),
    onSubgraphRequest: (subgraph) => requests.push(subgraph),
  });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  const admin = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  for (const name of ['users', 'products', 'inventory', 'orders', 'payments']) await admin.unsafe(`drop database if exists "${baseName}_${name}" with (force)`);
  await admin.end();
});

const count = (subgraph: SubgraphName, table: string) =>
  statements.filter((s) => s.subgraph === subgraph && new RegExp(`from "${table}"`, 'i').test(s.sql)).length;

describe('entity batching through the gateway', () => {
  it('50 products with seller and stock cost one request per subgraph and one SQL query per table', async () => {
    requests.length = 0;
    statements.length = 0;
    const res = await graphqlRequest(platform.gatewayUrl, `{ products(first: 50) { edges { node { id name seller { id name } stock { available onHand } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.products.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(50);
    expect(nodes.every((n: any) => n.seller.name && typeof n.stock.available === 'number')).toBe(true);

    expect(requests.sort()).toEqual(['inventory', 'products', 'users']);
    expect(count('users', 'users')).toBe(1);
    expect(count('inventory', 'stock_levels')).toBe(1);
  });

  it('an order history with lines, products, stock and payments costs one request per subgraph and hop', async () => {
    const login = await graphqlRequest(platform.gatewayUrl, `mutation { login(email: "${demo.customer.email}", password: "${demo.customer.password}") { token } }`);
    requests.length = 0;
    statements.length = 0;
    const res = await graphqlRequest(
      platform.gatewayUrl,
      `{ me { orders { edges { node { number lines { quantity product { name seller { name } stock { available } } } payments { status } } } } } }`,
      {},
      login.data.login.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.me.orders.edges[0].node.lines).toHaveLength(demo.pastOrder.lines.length);
    // users (me) -> orders -> products, payments, inventory -> users (sellers)
    expect(requests.sort()).toEqual(['inventory', 'orders', 'payments', 'products', 'users', 'users']);
    expect(count('payments', 'payments')).toBe(1);
  });
});

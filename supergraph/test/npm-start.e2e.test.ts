import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest, startNpmStart, type NpmStartPlatform } from '@shop/testing';

let platform: NpmStartPlatform;
let gatewayUrl: string;
let storefrontUrl: string;

/** Starts the platform exactly as a newcomer does (`npm start`), on spare ports and a fresh data folder. */
beforeAll(async () => {
  platform = await startNpmStart({ web: true, readyTimeoutMs: 90_000 });
  gatewayUrl = platform.gatewayUrl;
  storefrontUrl = platform.storefrontUrl!;
  console.log(`npm start (first start, fresh data folder) ready in ${platform.startSeconds.toFixed(1)} s`);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

const EVERYTHING = /* GraphQL */ `
  query Everything {
    me {
      name
      email
      orders(first: 5) {
        totalCount
        edges { node { number status total { amount currency } lines { quantity product { name } } payment { status cardLast4 } payments { id } } }
      }
    }
    products(first: 5, sort: PRICE_ASC) {
      totalCount
      edges { node { name price { amount currency } category { name } seller { name } stock { available } } }
    }
    categories { name slug }
  }
`;

describe('npm start', () => {
  it('serves one query resolved across all five subgraphs', async () => {
    const login = await graphqlRequest(gatewayUrl, `mutation { login(email: "${demo.customer.email}", password: "${demo.customer.password}") { token errors { code } } }`);
    expect(login.data.login.errors).toEqual([]);
    const res = await graphqlRequest(gatewayUrl, EVERYTHING, {}, login.data.login.token);
    expect(res.errors).toBeUndefined();
    const { me, products, categories } = res.data;
    expect(me).toMatchObject({ name: demo.customer.name, email: demo.customer.email });
    expect(me.orders.totalCount).toBe(1);
    const order = me.orders.edges[0].node;
    expect(order).toMatchObject({ number: demo.pastOrder.number, status: 'PAID', payment: { status: 'CAPTURED', cardLast4: '4242' } });
    expect(order.payments).toHaveLength(1);
    expect(order.lines[0].product.name).toBe(demo.products[0]!.name);
    expect(products.totalCount).toBeGreaterThanOrEqual(60);
    for (const { node } of products.edges) {
      expect(node.seller.name).toMatch(/\S/);
      expect(node.stock.available).toBeGreaterThanOrEqual(0);
      expect(node.price.currency).toBe('COP');
    }
    expect(categories.length).toBeGreaterThanOrEqual(6);
  });

  it('answers /health and /ready, and shows the Apollo Sandbox to a browser', async () => {
    expect((await fetch(gatewayUrl.replace('/graphql', '/health'))).status).toBe(200);
    const ready = await fetch(gatewayUrl.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', subgraphs: { users: true, products: true, inventory: true, orders: true, payments: true } });
    const page = await fetch(gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).toMatch(/embeddable-sandbox|Apollo Sandbox/i);
  });

  it('serves the storefront beside the gateway, pointed at it', async () => {
    const page = await fetch(storefrontUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    expect(html).toContain(gatewayUrl);
  });

  it('stops every service cleanly on Ctrl-C', async () => {
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => platform.child.once('exit', (code, signal) => resolve({ code, signal })));
    process.kill(-platform.child.pid!, 'SIGINT');
    // npm re-raises the SIGINT it got; the platform under it must have said goodbye without an error.
    const { code, signal } = await exited;
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    expect(platform.output()).toContain('Stopping');
    expect(platform.output()).not.toMatch(/Error|ERR!|level":50/);
    await expect(fetch(gatewayUrl.replace('/graphql', '/health'))).rejects.toThrow();
  }, 30_000);
});

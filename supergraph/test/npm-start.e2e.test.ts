import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { freePort, graphqlRequest } from '@shop/testing';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
let child: ChildProcess;
let gatewayUrl: string;
let storefrontUrl: string;
let dataDir: string;
let output = '';
let startSeconds = 0;

/** Starts the platform exactly as a newcomer does (`npm start`), on spare ports and a fresh data folder. */
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'artesanias-e2e-'));
  const ports = await Promise.all(Array.from({ length: 7 }, () => freePort()));
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    PORT: String(ports[0]),
    USERS_PORT: String(ports[1]),
    PRODUCTS_PORT: String(ports[2]),
    INVENTORY_PORT: String(ports[3]),
    ORDERS_PORT: String(ports[4]),
    PAYMENTS_PORT: String(ports[5]),
    WEB_PORT: String(ports[6]),
  };
  storefrontUrl = `http://localhost:${ports[6]}/`;
  delete env.DATABASE_URL;
  gatewayUrl = `http://localhost:${ports[0]}/graphql`;
  const startedAt = Date.now();
  child = spawn('npm', ['start'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready in 90 s:\n${output}`)), 90_000);
    child.stdout!.on('data', () => {
      if (/ready in/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  startSeconds = (Date.now() - startedAt) / 1000;
  console.log(`npm start (first start, fresh data folder) ready in ${startSeconds.toFixed(1)} s`);
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
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
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    process.kill(-child.pid!, 'SIGINT');
    // npm re-raises the SIGINT it got; the platform under it must have said goodbye without an error.
    const { code, signal } = await exited;
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    expect(output).toContain('Stopping');
    expect(output).not.toMatch(/Error|ERR!|level":50/);
    await expect(fetch(gatewayUrl.replace('/graphql', '/health'))).rejects.toThrow();
  }, 30_000);
});

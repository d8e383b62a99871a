import { chmodSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNginx, NGINX_TEMPLATE, renderTemplate, startNginx, startTcpBalancer, upstreamServerLines, type Upstream } from '@shop/platform/distributed';
import { freePort } from '@shop/testing';

/**
 * The two load balancers of the distributed run, without the platform behind them: two tiny HTTP "gateways", one of
 * which goes away. The nginx path renders deploy/nginx's template, the same file compose mounts.
 */
const backends: Server[] = [];
const upstreams: Upstream[] = [];
let storefront: string;

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
const close = (server: Server) => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));

beforeAll(async () => {
  for (const name of ['a', 'b']) {
    const server = createServer((req, res) => res.end(JSON.stringify({ backend: name, url: req.url })));
    backends.push(server);
    upstreams.push({ host: '127.0.0.1', port: await listen(server) });
  }
  storefront = mkdtempSync(join(tmpdir(), 'storefront-'));
  // nginx's workers run as nobody when we are root: the folder must be readable, as web/dist is.
  chmodSync(storefront, 0o755);
  mkdirSync(join(storefront, 'assets'));
  writeFileSync(join(storefront, 'index.html'), '<!doctype html><title>shop</title>');
  writeFileSync(join(storefront, 'assets', 'index-3f2a1b.js'), 'console.log(1)');
});

afterAll(async () => {
  await Promise.all(backends.map((b) => (b.listening ? close(b) : undefined)));
  rmSync(storefront, { recursive: true, force: true });
});

/** n fresh-connection GETs; which backend answered each, or the error. */
async function hits(url: string, n: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: n }, () =>
      fetch(url, { headers: { connection: 'close' } }).then(async (r) => (r.ok ? ((await r.json()) as { backend: string }).backend : `status ${r.status}`), (e: Error) => `error ${e.message}`),
    ),
  );
}

describe('the Node balancer (no nginx installed)', () => {
  it('spreads connections over both upstreams, and sends every one to the other when one refuses', async () => {
    const balancer = await startTcpBalancer(upstreams, { failTimeoutMs: 60_000 });
    try {
      const url = `http://127.0.0.1:${balancer.port}/graphql`;
      expect(new Set(await hits(url, 6))).toEqual(new Set(['a', 'b']));
      // Nothing listens on the first upstream's port any more: refused, skipped, retried on the other.
      const dead = await freePort();
      const withDead = await startTcpBalancer([{ host: '127.0.0.1', port: dead }, upstreams[1]!], { failTimeoutMs: 60_000 });
      try {
        expect(await hits(`http://127.0.0.1:${withDead.port}/x`, 6)).toEqual(Array(6).fill('b'));
        expect(withDead.connections()).toEqual({ [`127.0.0.1:${upstreams[1]!.port}`]: 6 });
      } finally {
        await withDead.close();
      }
    } finally {
      await balancer.close();
    }
  });
});

const nginx = findNginx();

describe.skipIf(!nginx)('nginx rendering deploy/nginx/templates/default.conf.template', () => {
  it('renders only its three variables, leaving nginx’s own', () => {
    const rendered = renderTemplate(readFileSync(NGINX_TEMPLATE, 'utf8'), { LISTEN_PORT: '8080', GATEWAY_UPSTREAM_SERVERS: upstreamServerLines(upstreams), STOREFRONT_ROOT: '/srv/web' });
    expect(rendered).not.toMatch(/\$\{[A-Z_]+\}/);
    expect(rendered).toContain(`server 127.0.0.1:${upstreams[0]!.port} max_fails=1 fail_timeout=5s;`);
    expect(rendered).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(rendered).toMatch(/listen 8080;/);
  });

  it('balances over the gateways, skips one that is gone, proxies /media, and serves the storefront with its caching headers', async () => {
    const port = await freePort();
    const lb = await startNginx(nginx!, { port, upstreams, storefrontRoot: storefront });
    try {
      const origin = `http://127.0.0.1:${port}`;
      expect(new Set(await hits(`${origin}/graphql`, 6))).toEqual(new Set(['a', 'b']));
      expect(await (await fetch(`${origin}/media/products/p/1.webp`)).json()).toMatchObject({ url: '/media/products/p/1.webp' });

      const index = await fetch(`${origin}/products/123`);
      expect({ status: index.status, cache: index.headers.get('cache-control'), body: await index.text() }).toEqual({ status: 200, cache: 'no-cache', body: '<!doctype html><title>shop</title>' });
      const asset = await fetch(`${origin}/assets/index-3f2a1b.js`);
      expect({ status: asset.status, cache: asset.headers.get('cache-control') }).toEqual({ status: 200, cache: 'public, max-age=31536000, immutable' });
      expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);

      await close(backends[0]!);
      // Refused by the first: nginx passes the request on (proxy_next_upstream error) and then skips it (max_fails=1).
      expect(await hits(`${origin}/graphql`, 6)).toEqual(Array(6).fill('b'));
    } finally {
      await lb.close();
    }
  });
});

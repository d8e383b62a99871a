import { request } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@shop/testing';
import { startStorefront, type RunningStorefront } from '../server';

/** The storefront's dev server as `npm start` runs it (web/server.ts, web/vite.config.ts), on a spare port. */
const repo = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const secret = `edge-secret-${process.pid}`;
const dataFolder = join(repo, '.data', `edge-fs-test-${process.pid}`);
const envFile = join(repo, 'web', `.env.edge-test-${process.pid}`);
let storefront: RunningStorefront;

beforeAll(async () => {
  // Files an attacker would want, where the real ones live: an embedded database's folder, and an env file inside the app.
  mkdirSync(dataFolder, { recursive: true });
  writeFileSync(join(dataFolder, 'PG_VERSION'), secret);
  writeFileSync(envFile, `SECRET=${secret}\n`);
  storefront = await startStorefront({ port: await freePort(), gatewayUrl: 'http://127.0.0.1:4000/graphql', mode: 'dev' });
}, 60_000);

afterAll(async () => {
  await storefront?.stop();
  rmSync(dataFolder, { recursive: true, force: true });
  rmSync(envFile, { force: true });
});

/** The path exactly as written (fetch would normalise `..`); one connection per request. */
function get(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(storefront.url);
  return new Promise((done, fail) => {
    const req = request({ host: hostname, port, path, agent: false, timeout: 20_000, headers: { accept: '*/*' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer for ${path}`)));
    req.on('error', fail);
    req.end();
  });
}

describe('storefront dev server (Vite) file access', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(new URL(storefront.url).hostname).toBe('127.0.0.1');
  });

  it('refuses the embedded databases, files of the repository outside the app, and env files', async () => {
    const relativeData = `.data/edge-fs-test-${process.pid}/PG_VERSION`;
    for (const path of [
      `/@fs${repo}/${relativeData}`,
      `/@fs${repo}/${relativeData}?raw`,
      `/@fs${repo}/${relativeData}?import`,
      `/@fs${repo}/package.json`,
      `/@fs${repo}/package.json?raw`,
      `/@fs${repo}/packages/auth/package.json`,
      `/@fs${repo}/web/../package.json`,
      `/@fs${repo}/web/..%2fpackage.json`,
      `/@fs${repo}/web/%2e%2e/${relativeData}`,
      `/../${relativeData}`,
      `/..%2f${relativeData}`,
      `/%2e%2e/%2e%2e/package.json`,
      `/@fs${repo}/web/.env.edge-test-${process.pid}`,
      `/.env.edge-test-${process.pid}`,
      `/.env.edge-test-${process.pid}?raw`,
    ]) {
      const res = await get(path);
      expect([400, 403, 404], `${path} answered ${res.status}`).toContain(res.status);
      expect(res.body, path).not.toContain(secret);
      expect(res.body, path).not.toContain('"workspaces"');
    }
  });

  it('answers a malformed path with 400 instead of the app shell', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/src/%zz']) expect((await get(path)).status, path).toBe(400);
  });

  it('still serves the app: its index, its modules and their dependencies', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('window.__SHOP_CONFIG__');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['x-frame-options']).toBe('DENY');

    const main = await get('/src/main.tsx');
    expect(main.status).toBe(200);
    expect(main.headers['content-type']).toMatch(/javascript/);
    // A dependency as the browser would fetch it next (React, from node_modules or Vite's pre-bundle).
    const dependency = /from\s+["'](\/[^"']*node_modules\/[^"']+)["']/.exec(main.body)?.[1];
    expect(dependency, main.body.slice(0, 500)).toBeDefined();
    expect((await get(dependency!)).status).toBe(200);
    expect((await get('/@vite/client')).status).toBe(200);
  }, 60_000);
});

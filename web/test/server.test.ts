import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@shop/testing';
import { startStorefront, type RunningStorefront } from '../server';

/** A build's shape (web/dist): index.html with the config placeholder, a hashed asset and its .br/.gz; a secret beside it. */
const folder = mkdtempSync(join(tmpdir(), 'storefront-'));
const dist = join(folder, 'dist');
const asset = `console.log(${JSON.stringify('storefront '.repeat(200))});\n`;
const secret = 'not-for-the-web';
/** Stands for the catalog prefetch the build inlines (vite.config.ts). */
const prefetch = 'window.__SHOP_PREFETCH__ = null;';
let storefront: RunningStorefront;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), `<!doctype html><html><head><!--shop-config--><script>${prefetch}</script></head><body><div id="root"></div></body></html>`);
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js'), asset);
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(asset));
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(asset));
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'robots.txt'), 'User-agent: *\n');
  writeFileSync(join(folder, 'secret.txt'), secret);
  storefront = await startStorefront({ port: await freePort(), gatewayUrl: 'http://gateway.test/graphql', mode: 'static', distDir: dist });
});

afterAll(async () => {
  await storefront?.stop();
  rmSync(folder, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * Sends the path exactly as written: fetch and URL would normalise `..` and reject `%` before the server saw them.
 * One connection per request, so none is left open to hold up stop() for the keep-alive timeout.
 */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { hostname, port } = new URL(storefront.url);
  return new Promise((done, fail) => {
    const req = request({ host: hostname, port, path, headers, agent: false, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer for ${path}`)));
    req.on('error', fail);
    req.end();
  });
}

const shellConfig = 'window.__SHOP_CONFIG__={"gatewayUrl":"http://gateway.test/graphql"}';

describe('storefront static server', () => {
  it('answers a malformed path such as /% with 400, and keeps serving', async () => {
    for (const path of ['/%', '/products/%zz', '/%E0%A4%A', '/assets/%']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
    }
    expect((await get('/')).status).toBe(200);
  });

  it('listens on 127.0.0.1 unless given a host', () => {
    expect(new URL(storefront.url).hostname).toBe('127.0.0.1');
  });

  it('answers very long paths with 414 (431 past the HTTP parser), and keeps serving', async () => {
    expect((await get(`/products/${'a'.repeat(3000)}`)).status).toBe(414);
    expect((await get(`/${'%2e%2e%2f'.repeat(400)}package.json`)).status).toBe(414);
    expect((await get(`/${'a'.repeat(20_000)}`)).status).toBe(431);
    expect((await get('/')).status).toBe(200);
  });

  it('sends security headers: a CSP naming only this origin, the gateway and the inline scripts of the shell', async () => {
    for (const path of ['/', '/assets/index-Ab12Cd34.js', '/%']) {
      const res = await get(path);
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-powered-by'], path).toBeUndefined();
      // Only when configured behind TLS.
      expect(res.headers['strict-transport-security'], path).toBeUndefined();
    }
    const csp = String((await get('/')).headers['content-security-policy']);
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
    const hash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
    expect(directive('script-src')).toBe(`script-src 'self' ${hash(shellConfig)} ${hash(prefetch)}`);
    expect(directive('connect-src')).toBe("connect-src 'self' http://gateway.test ws://gateway.test");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('sends HSTS when configured behind TLS', async () => {
    const behindTls = await startStorefront({ port: await freePort(), gatewayUrl: 'https://gateway.test/graphql', mode: 'static', distDir: dist, hstsMaxAgeSeconds: 31_536_000 });
    try {
      const res = await fetch(behindTls.url);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' https://gateway.test wss://gateway.test");
    } finally {
      await behindTls.stop();
    }
  });

  it('answers path traversal attempts with 400 and never a file outside the build', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2F..%2Fsecret.txt', '/..%5csecret.txt', '/assets/%2e%2e%5c..%5csecret.txt', '/index.html%00']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.toString(), path).not.toContain(secret);
    }
  });

  it('serves the app shell with the runtime config at /, /index.html and client-side routes', async () => {
    for (const path of ['/', '/index.html', '/products/prod_1', '/orders/abc?tab=pagos']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(res.body.toString(), path).toContain(shellConfig);
    }
  });

  it('serves hashed assets precompressed as the browser accepts, cached for good; a missing one is a 404', async () => {
    const br = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toBe(asset);

    expect((await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(asset);

    expect((await get('/assets/index-Gone0000.js')).status).toBe(404);
    const icon = await get('/favicon.svg');
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('drops the answer for a file deleted since start, and keeps serving', async () => {
    unlinkSync(join(dist, 'robots.txt'));
    await expect(get('/robots.txt')).rejects.toThrow();
    expect((await get('/favicon.svg')).status).toBe(200);
  });
});

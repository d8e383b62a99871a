import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairPem } from '@shop/auth';
import { freePort } from '@shop/testing';
import { schemaDir, startGateway, type GatewayOptions, type RunningGateway } from '../../src/index.js';
import { edgeEnv } from '../../src/edge.js';

/**
 * The gateway as a browser meets it: CORS for the storefront's origins only, security headers that still let the
 * Apollo Sandbox load, CSRF prevention. The gateway runs alone: none of this reaches a subgraph.
 */
let gateway: RunningGateway;
let gatewayPort: number;
const started: RunningGateway[] = [];

async function start(options: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
  const running = await startGateway({
    port: await freePort(),
    supergraphSdl: readFileSync(`${schemaDir}supergraph.graphql`, 'utf8'),
    subgraphUrls: {},
    tokenVerification: { publicKeyPem: (await generateKeyPairPem()).publicKeyPem },
    development: true,
    ...options,
  });
  started.push(running);
  return running;
}

beforeAll(async () => {
  gateway = await start();
  gatewayPort = gateway.port;
});

afterAll(async () => {
  for (const running of started) await running.stop();
});

const query = JSON.stringify({ query: '{ __typename }' });
const post = (url: string, headers: Record<string, string>, body = query) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const preflight = (url: string, origin: string) =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });
const corsHeaders = (res: Response) => {
  const names: string[] = [];
  res.headers.forEach((_value, name) => name.startsWith('access-control-') && names.push(name));
  return names;
};

describe('CORS at the gateway', () => {
  it.each(['http://localhost:5173', 'http://127.0.0.1:5173'])('lets the storefront at %s call with credentials', async (origin) => {
    const res = await post(gateway.url, { origin });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it("lets the gateway's own origin (the Sandbox it serves) call", async () => {
    const origin = `http://127.0.0.1:${gatewayPort}`;
    expect((await post(gateway.url, { origin })).headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('answers a preflight from the storefront with what it may send, cached for 10 minutes', async () => {
    const res = await preflight(gateway.url, 'http://localhost:5173');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  it.each(['https://evil.example', 'null', 'http://localhost:5174', 'http://localhost:5173.evil.example', 'https://localhost:5173'])(
    'gives an unknown origin (%s) no CORS header at all, preflight included',
    async (origin) => {
      const res = await post(gateway.url, { origin });
      expect(corsHeaders(res)).toEqual([]);
      const pre = await preflight(gateway.url, origin);
      expect(corsHeaders(pre)).toEqual([]);
      expect(pre.status).not.toBe(204);
    },
  );

  it('gives a request without Origin (a server, curl) no CORS header', async () => {
    expect(corsHeaders(await post(gateway.url, {}))).toEqual([]);
  });

  it('uses CORS_ORIGINS instead of the defaults when configured, in production as in development', async () => {
    const configured = await start({ corsOrigins: edgeEnv.parse({ CORS_ORIGINS: 'https://shop.example, https://admin.shop.example/' }).CORS_ORIGINS, development: false });
    expect((await post(configured.url, { origin: 'https://admin.shop.example' })).headers.get('access-control-allow-origin')).toBe('https://admin.shop.example');
    expect((await post(configured.url, { origin: 'https://shop.example' })).headers.get('access-control-allow-credentials')).toBe('true');
    expect(corsHeaders(await post(configured.url, { origin: 'http://localhost:5173' }))).toEqual([]);
    expect(corsHeaders(await preflight(configured.url, 'https://evil.example'))).toEqual([]);
  });

  it('refuses a CORS_ORIGINS that is a wildcard, has a path or is not http(s)', () => {
    for (const value of ['*', 'https://shop.example/app', 'shop.example', 'ftp://shop.example', 'null']) {
      expect(edgeEnv.safeParse({ CORS_ORIGINS: value }).success, value).toBe(false);
    }
    expect(edgeEnv.parse({}).CORS_ORIGINS).toBeUndefined();
  });
});

describe('security headers at the gateway', () => {
  const directives = (csp: string | null) => new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));

  it('sends nosniff, no framing, no referrer and no x-powered-by on every answer; no HSTS unless configured', async () => {
    const answers = [
      await post(gateway.url, { origin: 'http://localhost:5173' }),
      await fetch(gateway.url.replace('/graphql', '/health')),
      await fetch(gateway.url, { headers: { accept: 'text/html' } }),
      await post(gateway.url, {}, '{"query": '),
    ];
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options'), res.url).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), res.url).toBe('DENY');
      expect(res.headers.get('referrer-policy'), res.url).toBe('no-referrer');
      expect(res.headers.get('x-powered-by'), res.url).toBeNull();
      expect(res.headers.get('strict-transport-security'), res.url).toBeNull();
      expect(directives(res.headers.get('content-security-policy')).get('frame-ancestors'), res.url).toEqual(["'none'"]);
    }
  });

  it("lets the Apollo Sandbox landing page load: every source its own CSP names is allowed by the gateway's", async () => {
    const res = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('embeddable-sandbox.cdn.apollographql.com');
    const page = directives(/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? null);
    const header = directives(res.headers.get('content-security-policy'));
    expect(page.size).toBeGreaterThan(0);
    // embed.apollo.local is Apollo's own development build of the Sandbox, not one a user loads.
    for (const [name, sources] of page) {
      for (const source of sources.filter((s) => s.startsWith('https://') && !s.includes('.local'))) expect(header.get(name) ?? header.get('default-src'), `${name} ${source}`).toContain(source);
    }
    // The page's inline scripts and styles carry a nonce only Apollo's meta policy knows: the header must not forbid them.
    expect(header.get('script-src')).toContain("'unsafe-inline'");
    expect(header.get('style-src')).toContain("'unsafe-inline'");
    for (const src of html.matchAll(/<script[^>]+src="(https:\/\/[^/"]+)/g)) expect(header.get('script-src')).toContain(src[1]);
    expect(header.get('connect-src')).toContain("'self'");
  });

  it('sends HSTS when configured behind TLS', async () => {
    const behindTls = await start({ hstsMaxAgeSeconds: 31_536_000 });
    const res = await fetch(behindTls.url.replace('/graphql', '/health'));
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(edgeEnv.parse({ HSTS_MAX_AGE: '31536000' }).HSTS_MAX_AGE).toBe(31_536_000);
    expect(edgeEnv.parse({}).HSTS_MAX_AGE).toBe(0);
  });
});

describe('CSRF prevention at the gateway', () => {
  it('refuses a simple POST (text/plain, no preflight header) with 400 before anything runs', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await post(gateway.url, { 'content-type': contentType, origin: 'https://evil.example' }, JSON.stringify({ query: 'mutation { logout }' }));
      expect(res.status, contentType).toBe(400);
      const text = await res.text();
      expect(text, contentType).toMatch(/Cross-Site Request Forgery/);
      expect(text, contentType).not.toContain('"data"');
    }
  });

  it('serves the same operation as JSON', async () => {
    const res = await post(gateway.url, { origin: 'http://localhost:5173' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

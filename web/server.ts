import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import helmet from 'helmet';
import sirv from 'sirv';

/**
 * Serves the storefront beside the gateway, for `npm start` (platform/src/start-all.ts) and the
 * browser tests. Two ways: Vite's dev server (hot reload, the default) or the static production build
 * in web/dist. Either way the page learns the gateway URL at runtime from window.__SHOP_CONFIG__, so
 * one build works against any gateway.
 */
export interface StorefrontOptions {
  port: number;
  /** The gateway's GraphQL URL as the browser reaches it, e.g. http://localhost:4000/graphql. */
  gatewayUrl: string;
  /** 'dev' runs Vite's dev server; 'static' serves web/dist (run `npm run build -w @shop/web` first). */
  mode?: 'dev' | 'static';
  /** Interface to listen on: 127.0.0.1 unless given (0.0.0.0 shares the storefront on the network). */
  host?: string;
  /** Strict-Transport-Security max-age for the static server; 0 (default) sends none: only behind TLS. */
  hstsMaxAgeSeconds?: number;
  /** The production build that 'static' serves; web/dist unless a test serves its own. */
  distDir?: string;
}

export interface RunningStorefront {
  url: string;
  stop(): Promise<void>;
}

const webRoot = fileURLToPath(new URL('.', import.meta.url));
/** This machine only, unless the caller says otherwise. */
const DEFAULT_HOST = '127.0.0.1';
/** Longer paths are no route of the app: refused before any lookup. */
const MAX_PATH_LENGTH = 2048;
export const distDir = join(webRoot, 'dist');

function configScript(gatewayUrl: string): string {
  // JSON.stringify plus escaping "<" keeps a hostile URL from closing the script element.
  return `<script>window.__SHOP_CONFIG__=${JSON.stringify({ gatewayUrl }).replace(/</g, '\\u003c')}</script>`;
}

export async function startStorefront(options: StorefrontOptions): Promise<RunningStorefront> {
  return options.mode === 'static' ? startStatic(options) : startDev(options);
}

async function startDev({ port, gatewayUrl, host = DEFAULT_HOST }: StorefrontOptions): Promise<RunningStorefront> {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: join(webRoot, 'vite.config.ts'),
    root: webRoot,
    logLevel: 'warn',
    clearScreen: false,
    server: { port, host, strictPort: true },
    plugins: [{ name: 'shop-runtime-config', transformIndexHtml: (html) => html.replace('<!--shop-config-->', configScript(gatewayUrl)) }],
  });
  await server.listen();
  return { url: `http://${host}:${port}/`, stop: () => server.close() };
}

/**
 * The request's path, percent-decoded, or undefined when it is malformed (`/%`), not a path (`*`, absolute-form),
 * or tries to climb out of the build (`..` in any encoding, NUL): those get a 400 instead of the app shell.
 */
function decodedPath(url = '/'): string | undefined {
  const raw = url.split(/[?#]/, 1)[0]!;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (!path.startsWith('/') || path.includes('\0') || /(^|[/\\])\.\.([/\\]|$)/.test(path)) return undefined;
  return path;
}

/**
 * helmet for the built storefront: scripts only from this origin plus the shell's own inline scripts (runtime config,
 * catalog prefetch) by hash, requests and images only from this origin and the gateway (HTTP and graphql-ws), never framed.
 * HSTS only when configured (behind TLS).
 */
function securityHeaders(index: string, gatewayUrl: string, hstsMaxAgeSeconds: number) {
  const inlineScripts = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
  );
  let gateway: string[] = [];
  try {
    const { origin } = new URL(gatewayUrl);
    gateway = [origin, origin.replace(/^http/, 'ws')];
  } catch {
    // a relative gateway URL is this origin
  }
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScripts],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Product photos are served by the gateway (/media/…).
        imgSrc: ["'self'", 'data:', ...gateway.slice(0, 1)],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...gateway],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(hstsMaxAgeSeconds > 0 ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: hstsMaxAgeSeconds > 0 ? { maxAge: hstsMaxAgeSeconds, includeSubDomains: true } : false,
  });
}

function answer(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-cache' });
  res.end(body);
}

async function startStatic({ port, gatewayUrl, host = DEFAULT_HOST, distDir: dir = distDir, hstsMaxAgeSeconds = 0 }: StorefrontOptions): Promise<RunningStorefront> {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`No storefront build in ${dir}: run \`npm run build -w @shop/web\` first.`);
  // Read once, like sirv's index of the files below: a new build needs a restart.
  const index = (await readFile(join(dir, 'index.html'), 'utf8')).replace('<!--shop-config-->', configScript(gatewayUrl));
  const assets = sirv(dir, {
    // sirv only serves the files it listed here at start, so no request path can reach outside the build.
    dev: false,
    etag: true,
    // The build writes .br and .gz beside JS and CSS (vite.config.ts); the best one the browser accepts is served.
    brotli: true,
    gzip: true,
    // No /about -> about.html guessing, so / and /index reach the shell below.
    extensions: [],
    // Hashed assets never change under the same name; everything else is revalidated.
    setHeaders: (res, path) => res.setHeader('cache-control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const headers = securityHeaders(index, gatewayUrl, hstsMaxAgeSeconds);
  const server: Server = createHttpServer((req, res) => headers(req, res, () => serve(req, res)));
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    if ((req.url?.length ?? 0) > MAX_PATH_LENGTH) return answer(res, 414, 'Request path too long\n');
    const path = decodedPath(req.url);
    if (path === undefined) return answer(res, 400, 'Bad request path\n');
    // The build's own index.html lacks the runtime config.
    if (path.replace(/\/+$/, '') === '/index.html') return answer(res, 200, index, 'text/html; charset=utf-8');
    // sirv pipes the file without an error listener: a file gone since start must end this response, not the process.
    res.once('pipe', (file) => file.on('error', () => res.destroy()));
    assets(req, res, () => {
      // A missing hashed asset is a 404, not HTML the browser would try to run; client-side routes get the app shell.
      if (path.startsWith('/assets/')) answer(res, 404, 'Not found\n');
      else answer(res, 200, index, 'text/html; charset=utf-8');
    });
  };
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, ready);
  });
  return {
    url: `http://${host}:${port}/`,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

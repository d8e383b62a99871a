import { createServer as createHttpServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Serves the storefront beside the gateway, for `npm start` (supergraph/src/start-all.ts) and the
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
  host?: string;
}

export interface RunningStorefront {
  url: string;
  stop(): Promise<void>;
}

const webRoot = fileURLToPath(new URL('.', import.meta.url));
export const distDir = join(webRoot, 'dist');

function configScript(gatewayUrl: string): string {
  // JSON.stringify plus escaping "<" keeps a hostile URL from closing the script element.
  return `<script>window.__SHOP_CONFIG__=${JSON.stringify({ gatewayUrl }).replace(/</g, '\\u003c')}</script>`;
}

export async function startStorefront(options: StorefrontOptions): Promise<RunningStorefront> {
  return options.mode === 'static' ? startStatic(options) : startDev(options);
}

async function startDev({ port, gatewayUrl, host = 'localhost' }: StorefrontOptions): Promise<RunningStorefront> {
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

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The build writes .br and .gz beside JS and CSS (vite.config.ts); the best one the browser accepts is served. */
const ENCODINGS = { br: 'br', gzip: 'gz' } as const;
async function precompressed(file: string, acceptEncoding: string): Promise<keyof typeof ENCODINGS | undefined> {
  for (const encoding of Object.keys(ENCODINGS) as (keyof typeof ENCODINGS)[]) {
    if (!new RegExp(`\\b${encoding}\\b`).test(acceptEncoding)) continue;
    if (await stat(`${file}.${ENCODINGS[encoding]}`).then((s) => s.isFile(), () => false)) return encoding;
  }
  return undefined;
}

async function startStatic({ port, gatewayUrl, host = 'localhost' }: StorefrontOptions): Promise<RunningStorefront> {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`No storefront build in ${distDir}: run \`npm run build -w @shop/web\` first.`);
  const index = (await readFile(join(distDir, 'index.html'), 'utf8')).replace('<!--shop-config-->', configScript(gatewayUrl));
  const root = resolve(distDir);
  const server: Server = createHttpServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path));
    try {
      if (file.startsWith(root + '/') && (await stat(file)).isFile()) {
        const encoding = await precompressed(file, String(req.headers['accept-encoding'] ?? ''));
        // Hashed assets never change under the same name; everything else is revalidated.
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          vary: 'accept-encoding',
          ...(encoding && { 'content-encoding': encoding }),
        });
        res.end(await readFile(encoding ? `${file}.${ENCODINGS[encoding]}` : file));
        return;
      }
    } catch {
      // not a file: fall through to the app shell
    }
    // Client-side routes (/products/…, /orders/…) all get the app shell.
    res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' });
    res.end(index);
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, ready);
  });
  return {
    url: `http://${host}:${port}/`,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

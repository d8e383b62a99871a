import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { catalogPrefetchScript } from './src/app/prefetch.ts';

/** Inlines the catalog's first-page request into index.html, after the runtime config (see src/app/prefetch.ts). */
function catalogPrefetch(gatewayUrl: string | undefined): Plugin {
  return {
    name: 'shop-catalog-prefetch',
    transformIndexHtml: (html) => html.replace('<!--shop-prefetch-->', `<script>${catalogPrefetchScript(gatewayUrl)}</script>`),
  };
}

/**
 * Writes .br and .gz beside each JS and CSS file once, at build time, at the highest levels, so web/server.ts
 * serves them compressed at no cost per request (the entry is ~75 KB gzipped instead of ~245 KB).
 */
function precompress(): Plugin {
  return {
    name: 'shop-precompress',
    apply: 'build',
    // After writing: earlier, chunks may still hold placeholders that later plugins fill in (e.g. Vite's preload list).
    writeBundle({ dir }, bundle) {
      for (const file of Object.values(bundle)) {
        if (!dir || !/\.(js|css)$/.test(file.fileName)) continue;
        const source = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        if (source.length < 1024) continue; // not worth a round of decompression
        const path = join(dir, file.fileName);
        writeFileSync(`${path}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * What the dev server may read from disk: this app, its own node_modules and the workspace's hoisted one (React,
 * urql, Vite's client), never the rest of the repository (embedded databases in .data, keys, other workspaces).
 * Vite's default allow is the whole workspace root.
 */
const fs = {
  strict: true,
  allow: [webRoot, join(webRoot, '..', 'node_modules')],
  deny: ['.data', '**/.data/**', '.env', '.env.*', '*.{crt,pem,key,p12,pfx}', '**/keys/**', '**/.git/**', '**/.npmrc'],
};

/**
 * Refuses a request whose path climbs (`..` in any encoding) or cannot be decoded, before Vite's SPA fallback would
 * answer it with the app shell: such a path is never the app's, so it gets a plain 403 (400 when malformed).
 */
function refuseTraversal(): Plugin {
  return {
    name: 'shop-refuse-traversal',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        let path: string;
        try {
          path = decodeURIComponent((req.url ?? '/').split(/[?#]/, 1)[0]!);
        } catch {
          res.statusCode = 400;
          return res.end('Bad request path\n');
        }
        if (!/(^|[/\\])\.\.([/\\]|$)/.test(path) && !path.includes('\0')) return next();
        res.statusCode = 403;
        res.end('Forbidden\n');
      });
    },
  };
}

/** Headers that cost the dev server nothing (its HMR needs inline scripts, so no CSP here; web/server.ts sets one). */
const headers = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'strict-origin-when-cross-origin' };

export default defineConfig(({ mode }) => ({
  plugins: [refuseTraversal(), react(), catalogPrefetch(loadEnv(mode, fileURLToPath(new URL('.', import.meta.url))).VITE_GATEWAY_URL), precompress()],
  // This machine only, unless HOST says otherwise (or `vite --host`).
  server: { port: 5173, strictPort: true, host: process.env.HOST ?? '127.0.0.1', fs, headers },
  preview: { port: 5173, strictPort: true, host: process.env.HOST ?? '127.0.0.1', headers },
  build: { target: 'es2022', sourcemap: false, reportCompressedSize: true },
}));

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

export default defineConfig(({ mode }) => ({
  plugins: [react(), catalogPrefetch(loadEnv(mode, fileURLToPath(new URL('.', import.meta.url))).VITE_GATEWAY_URL), precompress()],
  server: { port: 5173, strictPort: true },
  preview: { port: 5173, strictPort: true },
  build: { target: 'es2022', sourcemap: false, reportCompressedSize: true },
}));

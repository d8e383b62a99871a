import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { freePort } from '@shop/testing';
import { distDir, startStorefront, type RunningStorefront } from '../../server';

const webRoot = fileURLToPath(new URL('../../', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const stampPath = join(repoRoot, 'node_modules/.cache/artesanias-storefront-build.json');

/** What a build reads besides its modules: the page, the config, public files, .env files and the locked dependency versions. */
const fixedInputs = () => [
  join(webRoot, 'index.html'),
  join(webRoot, 'vite.config.ts'),
  join(repoRoot, 'package-lock.json'),
  ...readdirSync(join(webRoot, 'public'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)),
  ...readdirSync(webRoot).filter((name) => name.startsWith('.env')).map((name) => join(webRoot, name)),
];

/** One digest over the files' contents and the VITE_* environment; undefined when a file is gone. */
function digest(files: string[]): string | undefined {
  const hash = createHash('sha256');
  for (const file of [...new Set(files)].sort()) {
    if (!existsSync(file)) return undefined;
    hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  }
  for (const [name, value] of Object.entries(process.env).filter(([name]) => name.startsWith('VITE_')).sort()) hash.update(`${name}=${value}\0`);
  return hash.digest('hex');
}

const fileDigest = (file: string) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : undefined);

/**
 * True when web/dist is the build of exactly the files it was made from (every module the last build bundled,
 * re-read now) and nobody rebuilt it since: every browser test file used to run its own production build (brotli
 * at level 11 included), ~15 s of CPU each, for the same sources.
 */
function buildIsCurrent(): boolean {
  if (!existsSync(stampPath)) return false;
  const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as { files: string[]; digest: string; indexHtml: string };
  return stamp.indexHtml === fileDigest(join(distDir, 'index.html')) && stamp.digest === digest([...stamp.files, ...fixedInputs()]);
}

/** The production build into web/dist, remembering which files went into it (the modules Rollup bundled). */
async function buildStorefront(): Promise<void> {
  const { build } = await import('vite');
  const modules = new Set<string>();
  const recordModules: Plugin = {
    name: 'test-record-modules',
    apply: 'build',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) if (!id.startsWith('\0')) modules.add(id.split('?')[0]!);
      }
    },
  };
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build; shoppers get production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: webRoot, configFile: `${webRoot}vite.config.ts`, mode: 'production', logLevel: 'warn', plugins: [recordModules] });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const files = [...modules].filter((file) => existsSync(file));
  mkdirSync(join(stampPath, '..'), { recursive: true });
  writeFileSync(stampPath, JSON.stringify({ files, digest: digest([...files, ...fixedInputs()]), indexHtml: fileDigest(join(distDir, 'index.html')) }));
}

const mode = () => (process.env.STOREFRONT_MODE === 'dev' ? 'dev' : 'static');

/** Makes the production build unless web/dist is already the build of the current sources; can run while the platform starts. */
export async function prepareStorefront(): Promise<void> {
  if (mode() === 'static' && !buildIsCurrent()) await buildStorefront();
}

/**
 * The storefront as shoppers get it: the production build (STOREFRONT_MODE=dev for Vite's dev server),
 * told the gateway URL at runtime.
 */
export async function serveStorefront(gatewayUrl: string, port?: number): Promise<RunningStorefront> {
  await prepareStorefront();
  return startStorefront({ port: port ?? (await freePort()), gatewayUrl, mode: mode() });
}

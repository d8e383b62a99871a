// Builds every service and the gateway into plain JavaScript that runs with `node` (no tsx, no compiler at run time):
//   node dist/serve.mjs <service-name>   runs one service, as platform/src/serve.ts does
//   node dist/gateway.mjs                runs the gateway, as supergraph/src/main.ts does
// Our workspaces (@shop/*) are bundled; third-party packages stay external and load from node_modules at run time
// (production dependencies only in the image).
import { existsSync, rmSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = resolve(root, 'dist');
const rootModules = resolve(root, 'node_modules') + sep;

/** The bundles, by output name (dist/<name>.mjs): one service, the gateway, the dead-letter admin command. */
export const ENTRIES = { serve: 'platform/src/serve.ts', gateway: 'supergraph/src/main.ts', 'dead-letters': 'platform/src/dead-letters.ts' };

const toPosix = (path) => path.split(sep).join('/');
/** A module specifier that reaches `file` from a bundle in `outdir`. */
const relativeTo = (outdir) => (file) => {
  const path = toPosix(relative(outdir, file));
  return path.startsWith('.') ? path : `./${path}`;
};

/**
 * Our modules find files beside their source at run time (schema.graphql, drizzle migration folders, the
 * supergraph, persisted-operation manifests, createRequire bases). A bundle's own import.meta.url is dist/…, so each
 * module's `import.meta.url` becomes its original file's URL, computed relative to the bundle: the image keeps the
 * repository layout, so the build runs anywhere the tree is checked out (no absolute build-machine paths).
 */
const originalModuleUrls = (fromOutdir) => ({
  name: 'original-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.(ts|tsx|mts|mjs|js)$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const url = `new URL(${JSON.stringify(fromOutdir(args.path))}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: args.path.endsWith('.tsx') ? 'tsx' : /\.m?ts$/.test(args.path) ? 'ts' : 'js' };
    });
  },
});

/**
 * Third-party imports stay external. Node resolves a bare specifier from the bundle's folder, i.e. the root
 * node_modules; a workspace that has its own nested copy (another major of lru-cache, supergraph's @apollo/*, …)
 * gets a relative path to that copy instead, so every module loads the very version it loads from source.
 * npm ci lays out node_modules from the lockfile, with or without dev dependencies, so these paths hold in the image.
 */
const externalThirdParty = (fromOutdir) => ({
  name: 'external-third-party',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolving || args.path.startsWith('@shop/') || args.path.startsWith('node:')) return undefined;
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { resolving: true } });
      if (found.errors.length > 0) return { errors: found.errors };
      if (found.external || !found.path || found.path.startsWith(rootModules)) return { path: args.path, external: true };
      return { path: fromOutdir(found.path), external: true };
    });
  },
});

/**
 * `outdir` must lie inside the repository and outside any workspace: Node looks for bare imports in the node_modules
 * folders up from the bundle and must reach the root one first. Tests build into a folder of their own.
 */
export async function buildServices({ outdir = DIST, quiet = false } = {}) {
  outdir = resolve(outdir);
  if (!outdir.startsWith(root + sep)) throw new Error(`${outdir} is outside the repository`);
  for (let dir = outdir; dir !== root; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'package.json')) || existsSync(resolve(dir, 'node_modules'))) throw new Error(`${outdir} is inside ${dir}, whose own packages would shadow the root node_modules`);
  }
  const fromOutdir = relativeTo(outdir);
  rmSync(outdir, { recursive: true, force: true });
  const started = performance.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.entries(ENTRIES).map(([out, entry]) => ({ in: entry, out })),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Resolve as Node does (no bundler-only "module" field or condition): the files picked for nested copies below
    // are the ones Node would load.
    mainFields: ['main'],
    conditions: [],
    // Code that reads class or function names (error names, loggers) sees the same names as from source.
    keepNames: true,
    sourcemap: true,
    // Code the entries share goes to chunks, once. Every output sits directly in outdir: the relative paths above are
    // computed from there.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    logLevel: quiet ? 'error' : 'warning',
    metafile: true,
    plugins: [externalThirdParty(fromOutdir), originalModuleUrls(fromOutdir)],
  });
  for (const output of Object.keys(result.metafile.outputs)) {
    if (dirname(resolve(root, output)) !== outdir) throw new Error(`${output} is not directly in ${outdir}`);
  }
  for (const out of Object.keys(ENTRIES)) if (!existsSync(resolve(outdir, `${out}.mjs`))) throw new Error(`${out}.mjs missing`);
  if (!quiet) console.log(`built ${Object.keys(ENTRIES).map((out) => toPosix(relative(root, resolve(outdir, `${out}.mjs`)))).join(', ')} in ${Math.round(performance.now() - started)} ms`);
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServices();

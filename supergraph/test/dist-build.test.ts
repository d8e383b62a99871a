import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem, processServiceSecret, type TokenIssuer } from '@shop/auth';
import { createTestDatabase, freePort, graphqlRequest } from '@shop/testing';
import { buildServices, ENTRIES } from '../../scripts/build-services.mjs';

/**
 * The production build (npm run build:services): the bundles run with plain `node` (no tsx), find the files their
 * sources read beside them (support's schema and migrations, the supergraph), and serve: support on real PostgreSQL
 * behind the gateway, both from the bundles.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
// A folder of this file's own, not dist/: other files may be running dist/ bundles meanwhile.
const outdir = `${root}node_modules/.cache/build-services-${randomUUID()}`;
const children: ChildProcess[] = [];
let issuer: TokenIssuer;
let database: { url: string; drop(): Promise<void> };
let gatewayUrl: string;
let metafile: { outputs: Record<string, { entryPoint?: string; imports: { path: string; external?: boolean }[] }> };

/** `node <bundle> [args]` with a clean environment (no NODE_OPTIONS that could bring tsx in); resolves when `probe` answers. */
async function runBundle(args: string[], port: number, probe: '/ready' | '/health', env: Record<string, string>): Promise<void> {
  const { NODE_OPTIONS: _, ...inherited } = process.env;
  const child = spawn(process.execPath, args, { cwd: root, env: { ...inherited, NODE_ENV: 'test', LOG_LEVEL: 'warn', PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`http://127.0.0.1:${port}${probe}`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${args.join(' ')} not ready (exit code ${child.exitCode}):\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  const keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  [{ metafile }, database] = await Promise.all([buildServices({ outdir, quiet: true }), createTestDatabase(inject('databaseUrl'), 'dist_build')]);
  const [supportPort, gatewayPort] = [await freePort(), await freePort()];
  const common = { JWT_PUBLIC_KEY: keys.publicKeyPem, SERVICE_SECRET: processServiceSecret() };
  gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  await Promise.all([
    runBundle([`${outdir}/serve.mjs`, 'support'], supportPort, '/ready', { ...common, DATABASE_URL: database.url, SEED_DEMO: 'true' }),
    // /health: the gateway's /ready waits for every subgraph, and only support runs here.
    runBundle([`${outdir}/gateway.mjs`], gatewayPort, '/health', { ...common, SUPPORT_URL: `http://127.0.0.1:${supportPort}/graphql` }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all(children.map((child) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))))));
  await database?.drop();
  rmSync(outdir, { recursive: true, force: true });
}, 60_000);

describe('npm run build:services', () => {
  it('bundles our workspaces and leaves only third-party packages and Node built-ins to load at run time', () => {
    const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
    const entries = outputs.filter(([, output]) => output.entryPoint).map(([file]) => file.split('/').pop());
    expect(entries.sort()).toEqual(Object.keys(ENTRIES).map((name) => `${name}.mjs`).sort());
    for (const [file, { imports }] of outputs) {
      for (const { path, external } of imports) {
        // Code the entries share is in chunks of the same build.
        if (!external && path in metafile.outputs) continue;
        expect(external, `${file} imports ${path}`).toBe(true);
        // Relative imports only reach a workspace's own nested copy of a package, never our TypeScript.
        if (path.startsWith('.')) expect(path, file).toMatch(/\/node_modules\/[^/]+/);
        expect(path, file).not.toMatch(/^@shop\/|^tsx(\/|$)|^typescript$|^esbuild$|\.tsx?$/);
      }
    }
  });

  it('runs a service and the gateway from the bundles: a query through the gateway reaches support on PostgreSQL (migrated and seeded)', async () => {
    const admin = await issuer.issue({ id: randomUUID(), roles: ['ADMIN'] });
    const res = await graphqlRequest(gatewayUrl, '{ supportQueue(first: 5) { edges { node { id subject } } } }', {}, admin);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data.supportQueue.edges.length).toBeGreaterThan(0);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * How a service or the gateway is run: `build` bundles the sources first with the build the image uses
 * (scripts/build-services.mjs, a few seconds) and runs plain `node`, as a container does, never a stale bundle; `dist`
 * runs an existing `npm run build:services` output; `tsx` runs the TypeScript sources. The one switch.
 */
export type Runtime = 'build' | 'dist' | 'tsx';
export const DEFAULT_RUNTIME: Runtime = 'build';

/** The folder holding serve.mjs and gateway.mjs for build/dist; undefined for tsx. Returns how to remove it. */
export async function prepareRuntime(runtime: Runtime): Promise<{ dir?: string; remove(): Promise<void> }> {
  if (runtime === 'tsx') return { remove: async () => {} };
  if (runtime === 'dist') return { dir: `${repoRoot}dist`, remove: async () => {} };
  // Inside the repository, so the bundles resolve their third-party packages from node_modules as dist/ does.
  const dir = `${repoRoot}node_modules/.cache/distributed-${randomBytes(4).toString('hex')}`;
  const { buildServices } = await import('../../../scripts/build-services.mjs');
  await buildServices({ outdir: dir, quiet: true });
  return { dir, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** node's arguments for one service (or the gateway). */
export function processCommand(kind: { service: string } | 'gateway', bundles: string | undefined): string[] {
  if (bundles) return kind === 'gateway' ? [`${bundles}/gateway.mjs`] : [`${bundles}/serve.mjs`, kind.service];
  return kind === 'gateway' ? ['--import', 'tsx', 'supergraph/src/main.ts'] : ['--import', 'tsx', 'platform/src/serve.ts', kind.service];
}

/** One replica: a service (or the gateway) as its own OS process. */
export interface Replica {
  /** e.g. orders-1, gateway-2 */
  name: string;
  port: number;
  /** Its own GraphQL URL (bypassing any balancer). */
  url: string;
  output(): string;
  running(): boolean;
  /** SIGKILL: a crash, nothing cleaned up. */
  kill(): Promise<void>;
  /** SIGTERM (SIGKILL after 10 s), and wait for the exit. */
  stop(): Promise<void>;
  /** Starts it again (same port, same environment) and waits until /ready answers. */
  restart(): Promise<void>;
}

/**
 * Spawns `node <args>` from the repository root and resolves once GET /ready answers 200. A process that exits before
 * it is ready is started again (up to 3 times), as compose's restart policy does: on a loaded machine a service may
 * give up on a broker that is slow to answer. onSpawn gets the handle at once, so a caller can stop a replica that is
 * still starting.
 */
export async function startReplica(
  name: string,
  args: string[],
  port: number,
  env: Record<string, string>,
  options: { timeoutMs?: number; onOutput?: (name: string, chunk: string) => void; onSpawn?: (replica: Replica) => void } = {},
): Promise<Replica> {
  const url = `http://127.0.0.1:${port}/graphql`;
  const timeoutMs = options.timeoutMs ?? 240_000;
  let log = '';
  let child: ChildProcess;
  const record = (chunk: Buffer) => {
    // The tail is enough to say why a replica died.
    log = (log + chunk).slice(-20_000);
    options.onOutput?.(name, String(chunk));
  };
  const spawnOne = () => {
    child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', record);
    child.stderr!.on('data', record);
  };
  let stopped = false;
  const waitReady = async () => {
    const deadline = Date.now() + timeoutMs;
    for (let starts = 1; ; ) {
      if (stopped) throw new Error(`${name} was stopped before it was ready`);
      if (child.exitCode !== null || child.signalCode !== null) {
        if (child.signalCode !== null || starts >= 3) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log}`);
        starts++;
        record(Buffer.from(`[distributed] ${name} exited with ${child.exitCode} before it was ready; starting it again (${starts}/3)\n`));
        spawnOne();
      }
      const answer = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(5000) }).then(
        async (r) => ({ ok: r.ok, text: `${r.status} ${await r.text()}` }),
        (err: Error) => ({ ok: false, text: err.message }),
      );
      if (answer.ok) return;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`${name} not ready after ${timeoutMs} ms (last /ready: ${answer.text}):\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const launch = async () => {
    stopped = false;
    spawnOne();
    await waitReady();
  };
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = () => (running() ? new Promise<void>((resolve) => child.once('exit', () => resolve())) : Promise.resolve());
  const replica: Replica = {
    name,
    port,
    url,
    output: () => log,
    running,
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
    async stop() {
      stopped = true;
      child.kill('SIGTERM');
      // A graceful stop that waits on a keep-alive connection still open through a balancer ends after 10 s.
      const grace = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited();
      clearTimeout(grace);
    },
    async restart() {
      if (running()) throw new Error(`${name} is still running`);
      await launch();
    },
  };
  spawnOne();
  options.onSpawn?.(replica);
  await waitReady();
  return replica;
}

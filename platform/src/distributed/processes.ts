import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * How a service or the gateway is run: the build's plain JavaScript (`npm run build:services` → dist/serve.mjs,
 * dist/gateway.mjs) when it exists, as the image runs it, else the TypeScript sources through tsx. The one switch.
 */
export function processCommand(kind: { service: string } | 'gateway', runtime: 'dist' | 'tsx' = defaultRuntime()): string[] {
  if (runtime === 'dist') return kind === 'gateway' ? ['dist/gateway.mjs'] : ['dist/serve.mjs', kind.service];
  return kind === 'gateway' ? ['--import', 'tsx', 'supergraph/src/main.ts'] : ['--import', 'tsx', 'platform/src/serve.ts', kind.service];
}

export const defaultRuntime = (): 'dist' | 'tsx' => (existsSync(`${repoRoot}dist/serve.mjs`) && existsSync(`${repoRoot}dist/gateway.mjs`) ? 'dist' : 'tsx');

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
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
  /** Starts it again (same port, same environment) and waits until /ready answers. */
  restart(): Promise<void>;
}

/** Spawns `node <args>` from the repository root and resolves once GET /ready answers 200. */
export async function startReplica(name: string, args: string[], port: number, env: Record<string, string>, options: { timeoutMs?: number; onOutput?: (name: string, chunk: string) => void } = {}): Promise<Replica> {
  const url = `http://127.0.0.1:${port}/graphql`;
  const timeoutMs = options.timeoutMs ?? 240_000;
  let log = '';
  let child: ChildProcess;
  const record = (chunk: Buffer) => {
    // The tail is enough to say why a replica died.
    log = (log + chunk).slice(-20_000);
    options.onOutput?.(name, String(chunk));
  };
  const launch = async () => {
    child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', record);
    child.stderr!.on('data', record);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log}`);
      if (await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false)) return;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`${name} not ready after ${timeoutMs} ms:\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = () => (running() ? new Promise<void>((resolve) => child.once('exit', () => resolve())) : Promise.resolve());
  await launch();
  return {
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
      child.kill('SIGTERM');
      await exited();
    },
    async restart() {
      if (running()) throw new Error(`${name} is still running`);
      await launch();
    },
  };
}

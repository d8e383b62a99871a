import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processServiceSecret } from '@shop/auth';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A subgraph (or the gateway) as its own OS process, the way a replica runs in production. */
export interface ServiceProcess {
  name: string;
  url: string;
  output(): string;
  /** SIGKILL: a crash, nothing cleaned up. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** Starts it again with the same environment, and waits until /ready answers. */
  restart(): Promise<void>;
}

async function waitForReady(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before it was ready:\n${log()}`);
    const ok = await fetch(url.replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not ready after ${timeoutMs} ms:\n${log()}`);
}

/** Runs `tsx <entry> [args]` (e.g. 'platform/src/serve.ts orders') from the repository root with the given environment; resolves once /ready answers. */
export async function startServiceProcess(name: string, entry: string, port: number, env: Record<string, string>, timeoutMs = 60_000): Promise<ServiceProcess> {
  const url = `http://127.0.0.1:${port}/graphql`;
  let log = '';
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', ...entry.split(' ')], {
      cwd: repoRoot,
      // The test process's service secret, so its in-process services and this child trust each other.
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', SERVICE_SECRET: processServiceSecret(), ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (log += chunk));
    child.stderr!.on('data', (chunk) => (log += chunk));
    await waitForReady(url, child, () => log, timeoutMs);
  };
  const exited = () => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
  await launch();
  return {
    name,
    url,
    output: () => log,
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
    async stop() {
      child.kill('SIGTERM');
      await exited();
    },
    restart: launch,
  };
}

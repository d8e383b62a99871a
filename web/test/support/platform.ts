import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@shop/testing';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningPlatform {
  gatewayUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The platform exactly as `npm start` starts it, on spare ports and a fresh data folder. WEB=false keeps
 * npm start from serving its own storefront on 5173 (once start-all does): the test serves one itself
 * on a spare port, pointed at this gateway.
 */
export async function startPlatform(): Promise<RunningPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'artesanias-web-'));
  const ports = await Promise.all(Array.from({ length: 6 }, () => freePort()));
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    WEB: 'false',
    DATA_DIR: dataDir,
    PORT: String(ports[0]),
    USERS_PORT: String(ports[1]),
    PRODUCTS_PORT: String(ports[2]),
    INVENTORY_PORT: String(ports[3]),
    ORDERS_PORT: String(ports[4]),
    PAYMENTS_PORT: String(ports[5]),
  };
  delete env.DATABASE_URL;
  let output = '';
  const child: ChildProcess = spawn('npm', ['start'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready in 120 s:\n${output}`)), 120_000);
    const onData = () => {
      if (/ready in/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  return {
    gatewayUrl: `http://localhost:${ports[0]}/graphql`,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        try {
          process.kill(-child.pid!, 'SIGINT');
        } catch {
          // already gone
        }
        const timeout = new Promise((resolve) => setTimeout(resolve, 10_000));
        await Promise.race([exited, timeout]);
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // stopped cleanly
        }
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

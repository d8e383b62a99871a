import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '@shop/local-servers';
import { scratchDir } from './scratch.js';
import { SERVICE_NAMES } from '@shop/platform/service-names';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The platform as a newcomer starts it, `npm start`, on spare ports and a fresh embedded data folder. */
export interface NpmStartPlatform {
  gatewayUrl: string;
  /** Set when the storefront was asked for. */
  storefrontUrl?: string;
  child: ChildProcess;
  /** The fresh data folder it runs on (its key pair is under keys/). */
  dataDir: string;
  /** Seconds from the command to the "ready" line. */
  startSeconds: number;
  output(): string;
  /** Ctrl-C, then SIGKILL if it has not gone within 10 s; removes the data folder unless the caller gave it. */
  stop(): Promise<void>;
}

/**
 * env: settings over the defaults below (a DATABASE_URL there runs on that server instead of embedded databases).
 * dataDir: an existing data folder to start on again (a restart), which stop() then leaves in place.
 */
export async function startNpmStart(options: { web?: boolean; readyTimeoutMs?: number; env?: Record<string, string>; dataDir?: string } = {}): Promise<NpmStartPlatform> {
  const dataDir = options.dataDir ?? scratchDir('artesanias-npm-start');
  const [gateway, web, ...servicePorts] = await Promise.all(Array.from({ length: SERVICE_NAMES.length + 2 }, () => freePort()));
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    PORT: String(gateway),
    // USERS_PORT, …: every service on a free port, so a test's platform never meets another's.
    ...Object.fromEntries(SERVICE_NAMES.map((name, i) => [`${name.toUpperCase()}_PORT`, String(servicePorts[i])])),
    WEB: options.web ? 'true' : 'false',
    WEB_PORT: String(web),
    ...options.env,
  };
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  const startedAt = Date.now();
  let output = '';
  const child = spawn('npm', ['start'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready in ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    child.stdout!.on('data', () => {
      if (/ready in/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  // A start that fails leaves nothing behind: no platform still booting, no data folder (it may be memory, see scratchDir).
  await ready.catch(async (err) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      killGroup('SIGKILL');
      await exited;
    }
    killGroup('SIGKILL'); // what npm left running
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  return {
    gatewayUrl: `http://localhost:${gateway}/graphql`,
    storefrontUrl: options.web ? `http://localhost:${web}/` : undefined,
    child,
    dataDir,
    startSeconds: (Date.now() - startedAt) / 1000,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        killGroup('SIGINT');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        killGroup('SIGKILL');
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

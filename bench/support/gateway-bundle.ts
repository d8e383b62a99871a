import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the production bundles (`npm run build:services`, esbuild: seconds) and returns the gateway's, so the benches
 * measure the gateway as the Dockerfile runs it: `node dist/gateway.mjs`, no TypeScript loader (tsx alone adds
 * about 40 MB of RSS and start-up work). Built on every run: a stale bundle would measure old code.
 */
export function buildGatewayBundle(): string {
  execFileSync('npm', ['run', '--silent', 'build:services'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return fileURLToPath(new URL('../../dist/gateway.mjs', import.meta.url));
}

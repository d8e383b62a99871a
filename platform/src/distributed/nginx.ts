import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Upstream } from './balancer.js';

/** deploy/nginx/templates/default.conf.template: the same file docker-compose mounts into the nginx image. */
export const NGINX_TEMPLATE = fileURLToPath(new URL('../../../deploy/nginx/templates/default.conf.template', import.meta.url));

/** The nginx binary on PATH (or the usual sbin), if installed. */
export function findNginx(): string | undefined {
  for (const candidate of ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx']) {
    if (spawnSync(candidate, ['-v'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

/**
 * Renders a template as the official image's entrypoint does (envsubst over the variables that are defined only), so
 * nginx's own `$host`, `$http_upgrade`, … stay as they are.
 */
export function renderTemplate(template: string, variables: Record<string, string>): string {
  return template.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (whole, name: string) => variables[name] ?? whole);
}

/** The `server host:port …;` lines for GATEWAY_UPSTREAM_SERVERS: one failure takes a replica out for 5 s. */
export const upstreamServerLines = (upstreams: Upstream[]) => upstreams.map((u) => `server ${u.host}:${u.port} max_fails=1 fail_timeout=5s;`).join('\n    ');

export interface NginxBalancer {
  port: number;
  close(): Promise<void>;
}

/** nginx in the foreground with its own prefix folder (pid, logs, temp files) and the rendered template as its only server. */
export async function startNginx(binary: string, options: { port: number; upstreams: Upstream[]; storefrontRoot: string }): Promise<NginxBalancer> {
  const dir = mkdtempSync(join(tmpdir(), 'nginx-lb-'));
  // Workers run as nobody when the master is root: they read the storefront and write temp files here.
  chmodSync(dir, 0o755);
  const site = renderTemplate(readFileSync(NGINX_TEMPLATE, 'utf8'), {
    LISTEN_PORT: `127.0.0.1:${options.port}`,
    GATEWAY_UPSTREAM_SERVERS: upstreamServerLines(options.upstreams),
    STOREFRONT_ROOT: options.storefrontRoot,
  });
  writeFileSync(join(dir, 'default.conf'), site);
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 4096; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, t)};`),
      `  include ${join(dir, 'default.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  let output = '';
  const child: ChildProcess = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve())));
  const close = async () => {
    // Fast shutdown: a graceful one would wait for open subscriptions (up to proxy_read_timeout).
    child.kill('SIGTERM');
    await exited();
    rmSync(dir, { recursive: true, force: true });
  };
  // Up when /healthz (served by nginx itself) answers.
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx exited with ${child.exitCode}:\n${output}`);
    }
    if (await fetch(`http://127.0.0.1:${options.port}/healthz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`nginx did not answer within 10 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { port: options.port, close };
}

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DCLinter } from 'dclint';
import { parse } from 'yaml';
import type { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceSecretFrom } from '@shop/auth';
import { configSchema } from '@shop/kernel';
import { tracesRequested } from '@shop/observability';
import { SERVICE_NAMES, SERVICES, type ServiceName } from '@shop/platform';
import { ENTRIES } from '../../scripts/build-services.mjs';
import { gatewayEnv } from '../src/gateway-config.js';
import { generateSecrets } from '../src/generate-keys.js';
import { SUBGRAPHS, subgraphUrls } from '../src/services.js';

/**
 * docker-compose.yml checked against the code, since no Docker engine runs here: the expectations come from the
 * services' own config schemas, SERVICE_NAMES, the build's entries, the gateway's environment schema and subgraph
 * list, the nginx template and the Dockerfile, so the file cannot drift from them. The Compose Specification itself is
 * checked by dclint (a maintained Compose linter: it validates against the compose-spec JSON schema it ships, with
 * YAML merge keys resolved as compose resolves them, and flags duplicate containers and host ports); no download at
 * test time. Interpolation is compose's own syntax (${VAR}, ${VAR:-default}, ${VAR:?error}, $$), evaluated below
 * with the secrets `npm run keys` prints, as `cp .env.example .env && npm run keys >> .env` does.
 */
const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, root)), 'utf8');
const composePath = fileURLToPath(new URL('docker-compose.yml', root));
const composeText = read('docker-compose.yml');
const compose = parse(composeText, { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const dockerfile = read('Dockerfile');
const envExample = read('.env.example');
const nginxTemplatePath = 'deploy/nginx/templates/default.conf.template';

interface ComposeService {
  build?: { context: string; target: string; args?: Record<string, string> };
  image?: string;
  command?: string[];
  environment?: Record<string, string | null>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
  deploy?: { replicas?: number };
  container_name?: string;
}

/** ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error} and $$, as the Compose Specification defines them. */
const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g;
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(REFERENCE, (whole, name: string | undefined, colon: string, op: string, arg: string) => {
    if (!name) return '$';
    const set = colon ? Boolean(env[name]) : name in env;
    if (set) return env[name]!;
    if (op === '?') throw new Error(`${name} is required: ${arg}`);
    return op === '-' ? arg : '';
  });
}
/** Every interpolated reference in the file: its variable, whether compose refuses to start without it, its default. */
const references = [...composeText.matchAll(REFERENCE)].filter((m) => m[1]).map((m) => ({ name: m[1]!, required: m[3] === '?', fallback: m[3] === '-' ? m[4]! : undefined }));

/** The environment a container gets: interpolated, and valueless entries passed on only when set (here: never). */
const environmentOf = (service: ComposeService, env: Record<string, string>) =>
  Object.fromEntries(Object.entries(service.environment ?? {}).flatMap(([key, value]) => (value === null ? [] : [[key, interpolate(String(value), env)]])));

/** Variables read outside the config schemas: pino's level (packages/common/src/logger.ts) and OpenTelemetry's own. */
const READ_ELSEWHERE = ['LOG_LEVEL', 'OTEL_TRACES_EXPORTER', 'OTEL_EXPORTER_OTLP_ENDPOINT'];

const serviceSchema = (name: ServiceName) => configSchema(name, SERVICES[name].port, SERVICES[name].config);
const defaultsOf = (schema: z.ZodObject) => Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, (field as z.ZodType).safeParse(undefined).data]));

let secrets: Record<string, string>;
let environments: Record<string, Record<string, string>>;
/** The port each compose service's process listens on, from its own config schema and its environment. */
let listening: Record<string, number>;

beforeAll(async () => {
  secrets = await generateSecrets();
  environments = Object.fromEntries(Object.entries(services).map(([name, service]) => [name, environmentOf(service, secrets)]));
  listening = {
    postgres: 5432,
    rabbitmq: 5672,
    gateway: gatewayEnv.parse(environments.gateway).PORT,
    ...Object.fromEntries(SERVICE_NAMES.map((name) => [name, serviceSchema(name).parse(environments[name]).PORT])),
  };
});

/**
 * Every URL in a service's environment points at a compose service, on the port that service listens on; addresses
 * for browsers (image URLs, e-mail links, the allowed origin) are PUBLIC_URL, nginx's published address.
 */
function expectUrlsResolve(owner: string) {
  const databases = [...read('deploy/create-databases.sql').matchAll(/^CREATE DATABASE (\w+);/gm)].map((m) => m[1]);
  const raw = services[owner]!.environment!;
  for (const [key, value] of Object.entries(environments[owner]!)) {
    if (!/^(https?|postgres|amqp):\/\//.test(value)) continue;
    if (raw[key]!.startsWith('${PUBLIC_URL')) continue;
    const url = new URL(value);
    // Addresses outside the deployment (an OpenAI-compatible server, the public address) are the operator's.
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
      expect(Object.keys(services), `${owner} ${key}=${value}`).toContain(url.hostname);
      expect(Number(url.port), `${owner} ${key}: ${url.hostname} listens on ${listening[url.hostname]}`).toBe(listening[url.hostname]);
      if (url.protocol === 'postgres:') expect(databases, `${owner} ${key}: its database is created`).toContain(url.pathname.slice(1));
    } else {
      expect(url.hostname, `${owner} ${key}=${value}: a container's localhost is itself`).not.toMatch(/^(localhost|127\.0\.0\.1)$/);
    }
  }
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file (compose-spec schema, no duplicate containers or host ports, interfaces named)', () => {
    const linter = new DCLinter({
      rules: {
        // Style only: the file lists services in start order and keys as they read best.
        'services-alphabetical-order': 0,
        'service-keys-order': 0,
        'service-dependencies-alphabetical-order': 0,
        'top-level-properties-order': 0,
        'require-quotes-in-ports': 0,
        // Our services are built (build) and tagged by compose; nothing is pulled under their names.
        'no-build-and-image': 2,
      },
      quiet: false,
      debug: false,
      exclude: [],
    });
    const [result] = linter.lintFiles([composePath], false);
    expect(result!.messages).toEqual([]);
  });

  it('runs every service of SERVICE_NAMES, the gateway, nginx, PostgreSQL and RabbitMQ, and nothing else', () => {
    expect(Object.keys(services).sort()).toEqual([...SERVICE_NAMES, 'gateway', 'nginx', 'postgres', 'rabbitmq'].sort());
  });

  it('starts each service and the gateway from the build (node dist/…, no tsx), in the image the Dockerfile builds them into', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    expect(scripts['build:services']).toBe('node scripts/build-services.mjs');
    expect(dockerfile).toMatch(/^FROM deps AS build\nRUN npm run build:services/m);
    for (const entry of Object.values(ENTRIES)) expect(existsSync(new URL(entry, root)), entry).toBe(true);
    expect(ENTRIES).toMatchObject({ serve: 'platform/src/serve.ts', gateway: 'supergraph/src/main.ts' });
    for (const name of SERVICE_NAMES) {
      expect(services[name]!.command).toEqual(['node', 'dist/serve.mjs', name]);
      expect(services[name]!.build?.target).toBe('service');
    }
    expect(services.gateway!.command).toEqual(['node', 'dist/gateway.mjs']);
    expect(services.gateway!.build?.target).toBe('service');
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS service$/m);
    // The run stage: production dependencies only, a non-root user.
    const runStage = dockerfile.slice(dockerfile.indexOf('AS service'));
    expect(runStage).toContain('npm ci --omit=dev');
    expect(runStage).toMatch(/^USER node$/m);
    expect(runStage).toMatch(/NODE_ENV=production/);
    expect(runStage).toMatch(/HOST=0\.0\.0\.0/);
  });

  it.each(SERVICE_NAMES)('%s: its config schema accepts its environment in production, every loopback default is overridden, nothing unknown is set', (name) => {
    const env = environments[name]!;
    const schema = serviceSchema(name);
    const parsed = schema.safeParse(env);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data!.NODE_ENV).toBe('production');
    // Production refuses to start without the shared service secret.
    expect(() => serviceSecretFrom(parsed.data!)).not.toThrow();
    expect(parsed.data!.EVENT_BUS).toBe('rabbitmq');
    expect(parsed.data!.DATABASE_URL).toMatch(new RegExp(`^postgres://.+@postgres:5432/${name}$`));
    for (const [key, fallback] of Object.entries(defaultsOf(schema))) {
      if (typeof fallback === 'string' && /^\w+:\/\/(localhost|127\.0\.0\.1)[:/]/.test(fallback)) expect(env, `${name} must set ${key} (default ${fallback})`).toHaveProperty(key);
    }
    const known = [...Object.keys(schema.shape), ...READ_ELSEWHERE];
    for (const key of Object.keys(services[name]!.environment!)) expect(known, `${name} sets ${key}, which it never reads`).toContain(key);
    expectUrlsResolve(name);
  });

  it('gateway: its environment schema accepts its environment, it reaches every subgraph of the supergraph on its port', () => {
    const env = environments.gateway!;
    const parsed = gatewayEnv.safeParse(env);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data!.NODE_ENV).toBe('production');
    for (const [name, url] of Object.entries(subgraphUrls(env))) {
      expect(url).toBe(`http://${name}:${listening[name]}/graphql`);
      expect(services.gateway!.depends_on?.[name]?.condition).toBe('service_healthy');
    }
    const known = [...Object.keys(gatewayEnv.shape), ...SUBGRAPHS.map(({ name }) => `${name.toUpperCase()}_URL`), ...READ_ELSEWHERE];
    for (const key of Object.keys(services.gateway!.environment!)) expect(known, `gateway sets ${key}, which it never reads`).toContain(key);
    for (const [key, field] of Object.entries(gatewayEnv.shape)) {
      const fallback = (field as z.ZodType).safeParse(undefined).data;
      if (typeof fallback === 'string' && /^\w+:\/\/(localhost|127\.0\.0\.1)[:/]/.test(fallback)) expect(env, `gateway must set ${key}`).toHaveProperty(key);
    }
    expectUrlsResolve('gateway');
  });

  it('reads the variables it sets outside the config schemas', () => {
    expect(read('packages/common/src/logger.ts')).toContain('process.env.LOG_LEVEL');
    expect(tracesRequested({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracesRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
  });

  it('runs two replicas of every service and of the gateway, none with a fixed host port or container name (so --scale works)', () => {
    for (const name of [...SERVICE_NAMES, 'gateway']) {
      expect(services[name]!.deploy?.replicas, name).toBe(2);
      expect(services[name]!.ports, name).toBeUndefined();
      expect(services[name]!.container_name, name).toBeUndefined();
    }
  });

  it('checks health everywhere, restarts everything, and starts each part after what it needs is healthy', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test.length, `${name} healthcheck`).toBeGreaterThan(0);
      expect(service.restart, name).toBe('unless-stopped');
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(condition, `${name} -> ${dependency}`).toBe('service_healthy');
        expect(services[dependency]?.healthcheck, `${dependency} has a healthcheck`).toBeDefined();
      }
    }
    for (const name of [...SERVICE_NAMES, 'gateway']) {
      // The probe asks the process's own /ready on the port it listens on.
      expect(services[name]!.healthcheck!.test.join(' ')).toContain("'http://127.0.0.1:' + process.env.PORT + '/ready'");
      expect(Number(environments[name]!.PORT)).toBe(listening[name]);
    }
    for (const name of SERVICE_NAMES) expect(Object.keys(services[name]!.depends_on!).sort()).toEqual(['postgres', 'rabbitmq']);
    expect(services.nginx!.depends_on).toEqual({ gateway: { condition: 'service_healthy' } });
  });

  it('gives every service a database of its own, created by the init script', () => {
    const urls = [...SERVICE_NAMES, 'gateway'].map((name) => environments[name]!.DATABASE_URL ?? environments[name]!.GATEWAY_DATABASE_URL);
    expect(new Set(urls.map((url) => new URL(url!).pathname)).size).toBe(urls.length);
    expect(services.postgres!.volumes).toContain('./deploy/create-databases.sql:/docker-entrypoint-initdb.d/create-databases.sql:ro');
    // The services connect with the credentials the database is created with.
    const postgres = environments.postgres!;
    for (const url of urls) expect(decodeURIComponent(new URL(url!).username) + ':' + decodeURIComponent(new URL(url!).password)).toBe(`${postgres.POSTGRES_USER}:${postgres.POSTGRES_PASSWORD}`);
    const rabbit = environments.rabbitmq!;
    for (const name of SERVICE_NAMES) {
      const url = new URL(environments[name]!.RABBITMQ_URL!);
      expect(`${url.username}:${url.password}`).toBe(`${rabbit.RABBITMQ_DEFAULT_USER}:${rabbit.RABBITMQ_DEFAULT_PASS}`);
    }
  });

  it('keeps the files products (images without S3) and notifications (e-mails without SMTP) write in DATA_DIR on named volumes', () => {
    const dataDir = /^\s+DATA_DIR=(\S+)/m.exec(dockerfile.slice(dockerfile.indexOf('AS service')))![1]!;
    for (const name of ['products', 'notifications'] as const) {
      // The image's environment, then the service's own (which must not move it).
      expect(serviceSchema(name).parse({ DATA_DIR: dataDir, ...environments[name] }).DATA_DIR).toBe(dataDir);
      const volume = services[name]!.volumes!.find((v) => v.endsWith(`:${dataDir}`))!;
      expect(volume, name).toBeDefined();
      expect(Object.keys((compose as { volumes?: Record<string, unknown> }).volumes ?? {})).toContain(volume.split(':')[0]);
    }
  });

  it('puts nginx in front of the gateways with the shared template, serving the storefront build from the Dockerfile', () => {
    const nginx = services.nginx!;
    const env = environments.nginx!;
    expect(nginx.build?.target).toBe('storefront');
    expect(dockerfile).toMatch(/^FROM nginx:[\w.-]+ AS storefront$/m);
    expect(nginx.volumes).toContain(`./${nginxTemplatePath.replace(/\/default\.conf\.template$/, '')}:/etc/nginx/templates:ro`);
    const template = read(nginxTemplatePath);
    for (const [, variable] of template.matchAll(/\$\{(\w+)\}/g)) expect(env, `the template's ${variable}`).toHaveProperty(variable!);
    // Every upstream server is the gateway service on the port the gateway listens on (Docker's DNS: every replica).
    const servers = [...env.GATEWAY_UPSTREAM_SERVERS!.matchAll(/server ([\w.-]+):(\d+)/g)];
    expect(servers.length).toBeGreaterThan(0);
    for (const [, host, port] of servers) expect(`${host}:${port}`).toBe(`gateway:${listening.gateway}`);
    // The published port reaches what nginx listens on; the storefront is where the image put it.
    const [published] = nginx.ports!.map((p) => interpolate(p, secrets).split(':'));
    expect(published!.at(-1)).toBe(env.LISTEN_PORT);
    // PUBLIC_URL's default is that published port on this machine.
    const publicUrl = references.find((r) => r.name === 'PUBLIC_URL')!.fallback!;
    expect(new Set(references.filter((r) => r.name === 'PUBLIC_URL').map((r) => r.fallback))).toEqual(new Set([publicUrl]));
    expect(new URL(publicUrl).port).toBe(published!.at(-2));
    expect(dockerfile).toContain(`COPY --from=web-build /app/web/dist ${env.STOREFRONT_ROOT}`);
    expect(template).toContain('location = /healthz');
    for (const arg of Object.keys(nginx.build!.args ?? {})) expect(dockerfile).toMatch(new RegExp(`^ARG ${arg}=`, 'm'));
  });

  it('documents every setting in .env.example, and `npm run keys` prints every secret compose requires', () => {
    const documented = new Map([...envExample.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    const active = new Map([...envExample.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    const passedOn = Object.values(services).flatMap((s) => Object.entries(s.environment ?? {}).filter(([, v]) => v === null).map(([k]) => k));
    for (const { name, required, fallback } of references) {
      if (required) {
        expect(Object.keys(secrets), `${name}: compose refuses to start without it`).toContain(name);
        expect(envExample, `${name} is explained`).toContain(name);
      } else {
        expect(documented.has(name), `${name} in .env.example`).toBe(true);
        // The values shown are the defaults compose uses.
        if (active.has(name)) expect(active.get(name), name).toBe(fallback);
      }
    }
    for (const name of passedOn) expect(documented.has(name), `${name} in .env.example`).toBe(true);
    const used = new Set([...references.map((r) => r.name), ...passedOn]);
    for (const name of documented.keys()) expect(used.has(name), `.env.example's ${name} is used by docker-compose.yml`).toBe(true);
    // A .env never reaches an image.
    expect(read('.dockerignore')).toMatch(/^\.env$/m);
  });
});

import { resolve } from 'node:path';
import { prepareEmbeddedDatabases } from '@shop/db/embedded';
import { SERVICE_NAMES, type ServiceName } from './service-names.js';

/** `npm start`: the whole platform in one process on embedded databases (or DATABASE_URL), ready to browse. */
const DEFAULT_DATA_DIR = '.data';
// Opening the databases takes seconds (a fresh folder needs an initdb, done in a worker thread): start now, while this thread loads the platform's modules.
if (!process.env.DATABASE_URL) prepareEmbeddedDatabases(SERVICE_NAMES.map((name) => resolve(process.env.DATA_DIR ?? DEFAULT_DATA_DIR, name)));

const [{ z }, { readConfig, zPort }, { demo }, { startPlatform, SERVICES }, { instrumentDrizzleQueries, startTracing }, { clientLimitsEnv, clientLimitsFromEnv, operationLimitsEnv, operationLimitsFromEnv, persistedOperationsEnv, persistedOperationsFromEnv }, { edgeEnv, loopbackOrigins }, { stopOnSignals }] = await Promise.all([
  import('zod'),
  import('@shop/common'),
  import('@shop/demo-store'),
  import('./index.js'),
  import('@shop/observability'),
  import('@shop/supergraph'),
  import('@shop/supergraph/edge'),
  import('@shop/server'),
]);
// Traces only when the standard OTEL_* variables ask for them; one SDK for every service in this process.
const tracing = await startTracing({ serviceName: 'artesanias' });
if (tracing) instrumentDrizzleQueries();
/** USERS_PORT, …, ASSIGNMENT_PORT: where each service listens (its declared port unless set). */
const portSetting = (name: ServiceName) => `${name.toUpperCase()}_PORT`;
const servicePortsEnv = Object.fromEntries(SERVICE_NAMES.map((name) => [portSetting(name), zPort(SERVICES[name].port)]));
const config = readConfig(
  z.object({
    PORT: zPort(4000),
    /** Where the gateway and the storefront listen: this machine only, unless set (0.0.0.0 shares them on the network). */
    HOST: z.string().min(1).default('127.0.0.1'),
    ...servicePortsEnv,
    DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
    DATABASE_URL: z.string().optional(),
    /** Given, every service uses it; unset, this start makes one up (all services run in this process). */
    SERVICE_SECRET: z.string().min(32).optional(),
    NODE_ENV: z.string().default('development'),
    /** The storefront beside the gateway: Vite's dev server, or the production build in web/dist (WEB_MODE=static). */
    WEB: z.enum(['true', 'false']).default('true'),
    WEB_PORT: zPort(5173),
    WEB_MODE: z.enum(['dev', 'static']).default('dev'),
    ...clientLimitsEnv.shape,
    ...persistedOperationsEnv.shape,
    ...operationLimitsEnv.shape,
    // CORS_ORIGINS (unset: the storefront this start serves, and the gateway itself) and HSTS_MAX_AGE.
    ...edgeEnv.shape,
  }),
);
const gatewayUrl = `http://localhost:${config.PORT}/graphql`;
// The storefront only needs the gateway's URL, so it starts while the databases open.
const [platform, storefront] = await Promise.all([
  startPlatform({
    dataDir: config.DATA_DIR,
    databaseUrl: config.DATABASE_URL,
    serviceSecret: config.SERVICE_SECRET,
    gatewayPort: config.PORT,
    servicePorts: Object.fromEntries(SERVICE_NAMES.map((name) => [name, (config as unknown as Record<string, number>)[portSetting(name)]])),
    development: config.NODE_ENV !== 'production',
    clientLimits: clientLimitsFromEnv(config),
    persistedOperations: persistedOperationsFromEnv(config),
    operationLimits: operationLimitsFromEnv(config, config.NODE_ENV !== 'production'),
    gatewayHost: config.HOST,
    corsOrigins: config.CORS_ORIGINS ?? [...loopbackOrigins(config.WEB_PORT), ...loopbackOrigins(config.PORT)],
    hstsMaxAgeSeconds: config.HSTS_MAX_AGE,
    // Each service's own settings (SMTP_URL, ASSISTANT_PROVIDER, FORECAST_*, …) as a standalone service would read them.
    environment: process.env,
  }),
  config.WEB === 'true' ? import('@shop/web/server').then((web) => web.startStorefront({ port: config.WEB_PORT, gatewayUrl, mode: config.WEB_MODE, host: config.HOST, hstsMaxAgeSeconds: config.HSTS_MAX_AGE })) : undefined,
]);
// From the start of this process (performance.now() counts from there), module loading included.
const seconds = (performance.now() / 1000).toFixed(1);
console.log(`
Artesanías graph ready in ${seconds}s
  Storefront                  ${storefront ? `http://localhost:${config.WEB_PORT}` : '(off: WEB=false)'}
  Gateway and Apollo Sandbox  ${gatewayUrl}
  Subscriptions (graphql-ws)  ${gatewayUrl.replace('http', 'ws')}
  Demo customer  ${demo.customer.email} / ${demo.customer.password}
  Demo admin     ${demo.admin.email} / ${demo.admin.password}
  Demo seller    ${demo.sellers[0].email} / ${demo.sellers[0].password}
Press Ctrl-C to stop.`);

// Once, however many signals come (see stopOnSignals): the databases close last, after everything that writes to them.
stopOnSignals(async () => {
  console.log('\nStopping…');
  await storefront?.stop();
  await platform.stop();
  await tracing?.shutdown();
});

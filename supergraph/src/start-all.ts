import { z } from 'zod';
import { readConfig, zPort } from '@shop/common';
import { demo } from '@shop/demo-store';
import { DEFAULT_PORTS, startPlatform } from './platform.js';

/** `npm start`: the whole platform in one process on embedded databases (or DATABASE_URL), ready to browse. */
const startedAt = Date.now();
const config = readConfig(
  z.object({
    PORT: zPort(4000),
    USERS_PORT: zPort(DEFAULT_PORTS.users),
    PRODUCTS_PORT: zPort(DEFAULT_PORTS.products),
    INVENTORY_PORT: zPort(DEFAULT_PORTS.inventory),
    ORDERS_PORT: zPort(DEFAULT_PORTS.orders),
    PAYMENTS_PORT: zPort(DEFAULT_PORTS.payments),
    DATA_DIR: z.string().default('.data'),
    DATABASE_URL: z.string().optional(),
    NODE_ENV: z.string().default('development'),
    /** The storefront beside the gateway: Vite's dev server, or the production build in web/dist (WEB_MODE=static). */
    WEB: z.enum(['true', 'false']).default('true'),
    WEB_PORT: zPort(5173),
    WEB_MODE: z.enum(['dev', 'static']).default('dev'),
  }),
);
const gatewayUrl = `http://localhost:${config.PORT}/graphql`;
// The storefront only needs the gateway's URL, so it starts while the databases open.
const [platform, storefront] = await Promise.all([
  startPlatform({
    dataDir: config.DATA_DIR,
    databaseUrl: config.DATABASE_URL,
    gatewayPort: config.PORT,
    subgraphPorts: { users: config.USERS_PORT, products: config.PRODUCTS_PORT, inventory: config.INVENTORY_PORT, orders: config.ORDERS_PORT, payments: config.PAYMENTS_PORT },
    development: config.NODE_ENV !== 'production',
  }),
  config.WEB === 'true' ? import('@shop/web/server').then((web) => web.startStorefront({ port: config.WEB_PORT, gatewayUrl, mode: config.WEB_MODE })) : undefined,
]);
const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
console.log(`
Artesanías graph ready in ${seconds}s
  Storefront                  ${storefront ? `http://localhost:${config.WEB_PORT}` : '(off: WEB=false)'}
  Gateway and Apollo Sandbox  ${gatewayUrl}
  Subscriptions (graphql-ws)  ${gatewayUrl.replace('http', 'ws')}
  Demo customer  ${demo.customer.email} / ${demo.customer.password}
  Demo admin     ${demo.admin.email} / ${demo.admin.password}
  Demo seller    ${demo.sellers[0].email} / ${demo.sellers[0].password}
Press Ctrl-C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    void Promise.resolve(storefront?.stop())
      .then(() => platform.stop())
      .then(
      () => process.exit(0),
      (error) => (console.error(error), process.exit(1)),
    );
  });
}

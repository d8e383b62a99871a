import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { analytics as analyticsService } from '@shop/analytics';
import { assistant as assistantService } from '@shop/assistant';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { formatMinor } from '@shop/common';
import { demo } from '@shop/demo-store';
import { InProcessEventBus } from '@shop/events';
import { startSubgraph } from '@shop/kernel';
import { notifications as notificationsService } from '@shop/notifications';
import { orders as ordersService } from '@shop/orders';
import { payments as paymentsService } from '@shop/payments';
import { products as productsService } from '@shop/products';
import { purchasing as purchasingService } from '@shop/purchasing';
import type { RunningServer } from '@shop/server';
import { shipping as shippingService } from '@shop/shipping';
import { createTestDatabase, freePort, startRabbitMq, startServiceProcess, type RabbitMqServer, type ServiceProcess } from '@shop/testing';
import { support as supportService } from '@shop/support';
import { users as usersService } from '@shop/users';
import { adjustStock, collect, sleep, until, wsClient, type Collected } from './support.js';

/**
 * The distributed setup: two inventory replicas and two gateways as OS processes, inventory's events on a real
 * RabbitMQ. Gateway i subscribes upstream on inventory i only, so an adjustment made on the other replica reaches
 * its subscribers only through the broker's broadcast.
 */
let rabbit: RabbitMqServer;
const inProcess: RunningServer[] = [];
const inventory: ServiceProcess[] = [];
const gateways: ServiceProcess[] = [];
const dbs: { drop(): Promise<void> }[] = [];
const clients: Client[] = [];
const localBus = new InProcessEventBus();
let sellerToken: string;

beforeAll(async () => {
  rabbit = await startRabbitMq();
  const keys = await generateKeyPairPem();
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  sellerToken = await issuer.issue({ id: demo.sellers[0].id, roles: ['SELLER', 'CUSTOMER'] });
  const tokenVerification = { publicKeyPem: keys.publicKeyPem };
  const [usersDb, productsDb, inventoryDb, ordersDb, paymentsDb, notificationsDb, supportDb, analyticsDb, assistantDb, shippingDb, purchasingDb] = await Promise.all(
    ['tg_users', 'tg_products', 'tg_inventory', 'tg_orders', 'tg_payments', 'tg_notifications', 'tg_support', 'tg_analytics', 'tg_assistant', 'tg_shipping', 'tg_purchasing'].map((p) =>
      createTestDatabase(inject('databaseUrl'), p),
    ),
  );
  dbs.push(usersDb!, productsDb!, inventoryDb!, ordersDb!, paymentsDb!, notificationsDb!, supportDb!, analyticsDb!, assistantDb!, shippingDb!, purchasingDb!);
  const users = await startSubgraph(usersService, { config: { PORT: 0, DATABASE_URL: usersDb!.url, JWT_PRIVATE_KEY: keys.privateKeyPem, JWT_PUBLIC_KEY: keys.publicKeyPem } });
  const products = await startSubgraph(productsService, { config: { PORT: 0, DATABASE_URL: productsDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem } });
  inProcess.push(users, products);
  // The first replica migrates and seeds; the second starts on the ready database.
  for (const i of [0, 1]) {
    inventory.push(
      await startServiceProcess(`inventory-${i}`, 'platform/src/serve.ts inventory', await freePort(), {
        JWT_PUBLIC_KEY: keys.publicKeyPem,
        SEED_DEMO: 'true',
        EVENT_BUS: 'rabbitmq',
        RABBITMQ_URL: rabbit.url,
        PRODUCTS_URL: products.url,
        DATABASE_URL: inventoryDb!.url,
      }),
    );
  }
  // Orders and payments only need to answer /ready for the gateways here; their events stay on a local bus.
  const orders = await startSubgraph(ordersService, { config: { PORT: 0, DATABASE_URL: ordersDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem, PRODUCTS_URL: products.url, INVENTORY_URL: inventory[0]!.url }, bus: localBus });
  inProcess.push(orders);
  inProcess.push(await startSubgraph(paymentsService, { config: { PORT: 0, DATABASE_URL: paymentsDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem, ORDERS_URL: orders.url }, bus: localBus }));
  const [, , ordersServer, paymentsServer] = inProcess;
  // The gateways are ready only when every subgraph answers; these take no part in what is tested here.
  const [notifications, support, analytics, assistant, shipping, purchasing] = await Promise.all([
    startSubgraph(notificationsService, { config: { PORT: 0, DATABASE_URL: notificationsDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem, USERS_URL: users.url, PRODUCTS_URL: products.url, SEED_DEMO: 'false' }, bus: localBus }),
    startSubgraph(supportService, { config: { PORT: 0, DATABASE_URL: supportDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem, ORDERS_URL: ordersServer!.url, SEED_DEMO: 'false' }, bus: localBus }),
    startSubgraph(analyticsService, { config: { PORT: 0, DATABASE_URL: analyticsDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'false', FORECAST_CHECK_INTERVAL_MS: 3_600_000 }, bus: localBus }),
    startSubgraph(assistantService, { config: { PORT: 0, DATABASE_URL: assistantDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'false' }, bus: localBus }),
    startSubgraph(shippingService, { config: { PORT: 0, DATABASE_URL: shippingDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'false' }, bus: localBus }),
    startSubgraph(purchasingService, { config: { PORT: 0, DATABASE_URL: purchasingDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem, PRODUCTS_URL: products.url, INVENTORY_URL: inventory[0]!.url, SEED_DEMO: 'false' }, bus: localBus }),
  ]);
  inProcess.push(notifications, support, analytics, assistant, shipping, purchasing);
  for (const i of [0, 1]) {
    gateways.push(
      await startServiceProcess(`gateway-${i}`, 'supergraph/src/main.ts', await freePort(), {
        JWT_PUBLIC_KEY: keys.publicKeyPem,
        USERS_URL: users.url,
        PRODUCTS_URL: products.url,
        INVENTORY_URL: inventory[i]!.url,
        ORDERS_URL: ordersServer!.url,
        PAYMENTS_URL: paymentsServer!.url,
        NOTIFICATIONS_URL: notifications.url,
        SUPPORT_URL: support.url,
        ANALYTICS_URL: analytics.url,
        ASSISTANT_URL: assistant.url,
        SHIPPING_URL: shipping.url,
        PURCHASING_URL: purchasing.url,
      }),
    );
  }
}, 240_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.dispose()));
  await Promise.allSettled([...gateways, ...inventory].map((p) => p.stop()));
  for (const server of inProcess.reverse()) await server.stop();
  await localBus.close();
  for (const db of dbs) await db.drop();
  await rabbit?.stop();
}, 60_000);

const STOCK = /* GraphQL */ `
  subscription Stock($ids: [ID!]) {
    stockChanged(productIds: $ids) { id name price { amount } seller { name } stock { onHand reserved available } }
  }
`;

describe('subscriptions across replicas', () => {
  it('an adjustment on either inventory process reaches subscribers on both gateways', async () => {
    const product = demo.products[6]!;
    const warehouseId = demo.warehouses[0]!.id;
    const subs: Collected[] = gateways.map((gateway) => {
      const client = wsClient(gateway.url.replace(/^http/, 'ws'));
      clients.push(client);
      return collect(client, STOCK, { ids: [product.id] });
    });

    // Each replica binds its broadcast queue on the broker asynchronously: adjust until both subscribers hear one.
    const deadline = Date.now() + 30_000;
    while (!subs.every((s) => s.results.length > 0)) {
      if (Date.now() > deadline) throw new Error(`the subscriptions never went live: ${subs.map((s) => JSON.stringify(s.results.concat(s.error ?? [])))}`);
      await adjustStock(inventory[0]!.url, sellerToken, product.id, warehouseId, 1);
      await sleep(300);
    }
    await sleep(500);
    const base = subs.map((s) => s.results.length);

    const fromA = await adjustStock(inventory[0]!.url, sellerToken, product.id, warehouseId, 2);
    const fromB = await adjustStock(inventory[1]!.url, sellerToken, product.id, warehouseId, 3);
    const event = (totals: typeof fromA) => ({
      data: {
        stockChanged: {
          id: product.id,
          name: product.name,
          price: { amount: formatMinor(product.priceMinor) },
          seller: { name: demo.sellers[0].name },
          stock: totals,
        },
      },
    });
    await until(() => subs.every((s, i) => s.results.length >= base[i]! + 2), 'both changes on both gateways', 15_000);
    await sleep(300); // nothing further (no duplicate) arrives
    for (const [i, sub] of subs.entries()) expect(sub.results.slice(base[i])).toEqual([event(fromA), event(fromB)]);
  }, 90_000);
});

import { z } from 'zod';
import { ok } from '@shop/common';
import { defineSubgraph, type ServiceKit } from '@shop/kernel';
import { RemoteOrderLookup } from '@shop/orders/lookup';
import { paymentsConsumers } from './consumers.js';
import { schema, type PaymentRow, type PaymentsSchema } from './db/schema.js';
import { PaymentDriver } from './domain/drive.js';
import { payOrder } from './domain/pay.js';
import { seedDemoPayments } from './domain/seed.js';
import { createContext, type PaymentsServices } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import type { OrderDirectory } from './order-directory.js';
import type { PaymentProvider } from './provider/payment-provider.js';
import { SimulatedPaymentProvider } from './provider/simulated-payment-provider.js';

type PaymentsKit = ServiceKit<typeof paymentsConfig, PaymentsSchema> & { given: { provider?: PaymentProvider } };

const paymentsConfig = {
  /** The orders subgraph's own URL (never the gateway): payOrder reads the order's status, total and customer there. */
  ORDERS_URL: z.string().url().default('http://localhost:4004/graphql'),
  ORDERS_TIMEOUT_MS: z.coerce.number().int().min(1).default(3000),
  /** The simulated provider's delay per call, so status changes are visible. */
  PAYMENT_PROVIDER_LATENCY_MS: z.coerce.number().int().min(0).default(300),
  /** A provider call that takes longer is abandoned and retried by the recovery worker. */
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  /** How long one process owns driving a payment before the recovery worker of any replica may retry it. */
  DRIVE_LEASE_MS: z.coerce.number().int().min(1).default(15_000),
  /** How often the recovery worker looks for stalled payments. */
  RECOVERY_INTERVAL_MS: z.coerce.number().int().min(1).default(2000),
};

/** payOrder, Payment and Order.payment(s); drives payments through the provider outside the request; refunds on orders' say-so. */
export const payments = defineSubgraph({
  name: 'payments',
  port: 4005,
  config: paymentsConfig,
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: seedDemoPayments },
  services: ({ config, db, logger, given, credentials }: PaymentsKit) => {
    const provider: PaymentProvider = given.provider ?? new SimulatedPaymentProvider({ latencyMs: config.PAYMENT_PROVIDER_LATENCY_MS });
    const orders: OrderDirectory = new RemoteOrderLookup({ url: config.ORDERS_URL, timeoutMs: config.ORDERS_TIMEOUT_MS, credentials });
    return { provider, orders, driver: new PaymentDriver({ db, provider, logger, providerTimeoutMs: config.PROVIDER_TIMEOUT_MS, leaseMs: config.DRIVE_LEASE_MS }) };
  },
  // A payment is its order's customer's.
  access: { owners: { Payment: (payment: PaymentRow) => payment.customerId } },
  context: ({ orders, driver }, viewer, { db, bus }) => {
    const services: PaymentsServices = {
      orders,
      bus,
      async payOrder(viewer, input) {
        const result = await payOrder(db, orders, viewer, input, { leaseMs: driver.leaseMs });
        if (!result.ok) return result;
        // The provider is driven after the commit, outside the request.
        if (result.value.created) driver.begin(result.value.payment.id, result.value.card);
        return ok(result.value.payment);
      },
    };
    return createContext(db, services, viewer);
  },
  consumers: paymentsConsumers,
  workers: ({ driver }, { config }) => [driver.recoveryTask(config.RECOVERY_INTERVAL_MS)],
  stop: ({ driver }) => driver.stop(),
  // paymentStatusChanged over graphql-ws, fed by the bus's broadcast.
  subscriptions: true,
});

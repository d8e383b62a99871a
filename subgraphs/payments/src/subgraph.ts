import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gql } from 'graphql-tag';
import { createTokenVerifier } from '@shop/auth';
import { createLogger, ok, type Logger } from '@shop/common';
import { databaseReady, openDatabase } from '@shop/db';
import { OutboxRelay, type EventBus } from '@shop/events';
import { startSubgraphServer, type RunningSubgraphServer, type TokenVerification } from '@shop/server';
import { schema } from './db/schema.js';
import { registerConsumers } from './consumers.js';
import { PaymentDriver } from './domain/drive.js';
import { payOrder } from './domain/pay.js';
import { seedDemoPayments } from './domain/seed.js';
import { createContext, type PaymentsServices } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import { RemoteOrderDirectory } from './order-directory.js';
import type { PaymentProvider } from './provider/payment-provider.js';
import { SimulatedPaymentProvider } from './provider/simulated-payment-provider.js';

export const typeDefs = gql(readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8'));
const migrationsFolder = fileURLToPath(new URL('./db/migrations', import.meta.url));

export interface PaymentsSubgraphOptions {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  tokenVerification: TokenVerification;
  seedDemo?: boolean;
  onQuery?: (sql: string) => void;
  /** Where events go out (outbox relay) and come in (refund consumers); its broadcast feeds paymentStatusChanged. */
  bus: EventBus;
  /** The orders subgraph's own /graphql URL (never the gateway). */
  ordersUrl: string;
  ordersTimeoutMs?: number;
  /** Defaults to the SimulatedPaymentProvider with providerLatencyMs. */
  provider?: PaymentProvider;
  /** PAYMENT_PROVIDER_LATENCY_MS for the simulated provider (default 300). */
  providerLatencyMs?: number;
  /** A provider call that takes longer is abandoned and retried by the recovery worker (default 10 s). */
  providerTimeoutMs?: number;
  /** How long one process owns driving a payment before the recovery worker may retry it (default 15 s). */
  driveLeaseMs?: number;
  /** How often the recovery worker looks for stalled payments (default 2 s). */
  recoveryIntervalMs?: number;
  logger?: Logger;
}

/** Opens the payments database, migrates (and seeds) it, and serves payOrder, Payment and Order.payment(s). */
export async function startPaymentsSubgraph(options: PaymentsSubgraphOptions): Promise<RunningSubgraphServer> {
  const logger = options.logger ?? createLogger('payments');
  const { db, close } = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir, schema, migrationsFolder, onQuery: options.onQuery });
  if (options.seedDemo) await seedDemoPayments(db);
  const verifier = await createTokenVerifier(options.tokenVerification);
  const provider = options.provider ?? new SimulatedPaymentProvider({ latencyMs: options.providerLatencyMs });
  const orders = new RemoteOrderDirectory({ url: options.ordersUrl, timeoutMs: options.ordersTimeoutMs ?? 3000 });

  const relay = new OutboxRelay({ db, bus: options.bus, logger });
  relay.start();
  const onEvents = () => relay.poke();
  const driver = new PaymentDriver({
    db,
    provider,
    logger,
    onEvents,
    providerTimeoutMs: options.providerTimeoutMs,
    leaseMs: options.driveLeaseMs,
    recoveryIntervalMs: options.recoveryIntervalMs,
  });
  driver.start();
  const stopConsumers = await registerConsumers({ db, bus: options.bus, provider, logger, onEvents });

  const services: PaymentsServices = {
    orders,
    bus: options.bus,
    async payOrder(viewer, input) {
      const result = await payOrder(db, orders, viewer, input, { leaseMs: driver.leaseMs });
      if (!result.ok) return result;
      if (result.value.created) {
        onEvents();
        // The provider is driven after the commit, outside the request.
        driver.begin(result.value.payment.id, result.value.card);
      }
      return ok(result.value.payment);
    },
  };

  const server = await startSubgraphServer(
    // paymentStatusChanged over graphql-ws, fed by the bus's broadcast.
    { name: 'payments', typeDefs, resolvers, verifier, logger, context: (viewer) => createContext(db, services, viewer), ready: () => databaseReady(db), subscriptions: true },
    options.port,
  );
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await stopConsumers();
      await driver.stop();
      await relay.stop();
      await close();
    },
  };
}

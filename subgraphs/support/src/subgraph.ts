import { z } from 'zod';
import { defineSubgraph } from '@shop/kernel';
import { asyncGauge } from '@shop/observability';
import { RemoteOrderLookup, type OrderLookup } from '@shop/orders/lookup';
import { supportConsumers } from './consumers.js';
import { schema, type TicketRow } from './db/schema.js';
import { seedDemoTickets } from './domain/seed.js';
import { countUntriaged } from './domain/ticket-lists.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';

/** Support tickets about orders: the thread, the state machine, the admins' queue; live ticketUpdated. */
export const support = defineSubgraph({
  name: 'support',
  port: 4007,
  config: {
    /** The orders subgraph itself (never the gateway): support asks it whose an order is, its number and total. */
    ORDERS_URL: z.string().url().default('http://localhost:4004/graphql'),
    ORDERS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
  },
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: seedDemoTickets },
  services: ({ config, credentials }) => ({ orders: new RemoteOrderLookup({ url: config.ORDERS_URL, timeoutMs: config.ORDERS_TIMEOUT_MS, credentials }) as OrderLookup }),
  // A ticket is its customer's; User.tickets are the user's own.
  access: { owners: { Ticket: (ticket: TicketRow) => ticket.customerId, User: (user: { id: string }) => user.id } },
  context: ({ orders }, viewer, { db, bus }) => createContext({ db, orders, bus }, viewer),
  consumers: supportConsumers,
  metrics: (registry, _services, { db }) =>
    asyncGauge(registry, { name: 'support_tickets_untriaged', help: 'Tickets not CLOSED without a priority from the assignment worker yet; grows while it is down or behind.', read: () => countUntriaged(db) }),
  // ticketUpdated over graphql-ws, fed by the bus's broadcast (every replica sees every ticket event).
  subscriptions: true,
});

import { consumerFor, defineWorker } from '@shop/kernel';
import { paymentStatusChanged } from '@shop/payments/contract';
import { ticketCreated, ticketStatusChanged } from '@shop/support/contract';
import { schema, type AssignmentSchema } from './db/schema.js';
import { assignTicket, recordFailedPayment, recordTicketStatus } from './domain/assign.js';

const consume = consumerFor<object, AssignmentSchema>();

/**
 * Triage of support tickets (README.md): its own queue and tables, no public API. A new ticket gets a priority from
 * the rules (rules.ts) and ticket.prioritized goes out, which support applies.
 */
export const assignment = defineWorker({
  name: 'assignment',
  port: 4008,
  config: {},
  database: { schema, migrations: new URL('./db/migrations', import.meta.url) },
  services: () => ({}),
  consumers: [
    consume(ticketCreated, { handle: async (tx, ticket) => void (await assignTicket(tx, ticket)) }),
    consume(ticketStatusChanged, { handle: (tx, change) => recordTicketStatus(tx, change) }),
    consume(paymentStatusChanged, { wants: (payment) => payment.status === 'FAILED', handle: (tx, payment) => recordFailedPayment(tx, payment) }),
  ],
});

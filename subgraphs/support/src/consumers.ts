import { consumerFor } from '@shop/kernel';
import { ticketPrioritized } from '@shop/assignment/contract';
import { orderStatusChanged } from '@shop/orders/contract';
import type { SupportSchema } from './db/schema.js';
import { applyOrderStatus, applyPriority } from './domain/tickets.js';

const consume = consumerFor<unknown, SupportSchema>();

/**
 * support's queue: the assignment worker's priority for a ticket, and every order's status (kept on its tickets for
 * the queue). Each applied once (the inbox).
 */
export const supportConsumers = [
  consume(ticketPrioritized, { handle: async (tx, prioritized) => void (await applyPriority(tx, prioritized)) }),
  consume(orderStatusChanged, { handle: async (tx, change, event) => void (await applyOrderStatus(tx, change, new Date(event.occurredAt))) }),
];

import { consumerFor } from '@shop/kernel';
import { stockLow, stockSoldOut } from '@shop/inventory/contract';
import { orderStatusChanged } from '@shop/orders/contract';
import { paymentStatusChanged } from '@shop/payments/contract';
import { ticketCreated, ticketReplied, ticketStatusChanged } from '@shop/support/contract';
import type { NotificationsSchema } from './db/schema.js';
import type { ProductNames, UserDirectory } from './directory.js';
import {
  lowStockMessage,
  orderMessage,
  paymentMessage,
  soldOutMessage,
  ticketOpenedMessages,
  ticketRepliedMessages,
  ticketStatusMessages,
} from './domain/messages.js';
import { notify } from './domain/notify.js';

/** What the consumers ask other services: who the admins are, what a product is called. */
export interface ConsumerServices {
  users: Pick<UserDirectory, 'adminIds'>;
  products: ProductNames;
}

const consume = consumerFor<ConsumerServices, NotificationsSchema>();

/**
 * notifications' queue: each event becomes its recipients' notifications, once (the inbox row commits with them).
 * A lookup that fails (users down) throws, the transaction rolls back and the event is delivered again.
 */
export const notificationConsumers = [
  consume(orderStatusChanged, {
    wants: (change) => orderMessage(change) !== null,
    handle: async (tx, change) => void (await notify(tx, [orderMessage(change)!])),
  }),
  consume(paymentStatusChanged, {
    wants: (payment) => payment.status === 'FAILED',
    handle: async (tx, payment) => void (await notify(tx, [paymentMessage(payment)!])),
  }),
  consume(stockLow, {
    handle: async (tx, low, _event, { products }) => void (await notify(tx, [lowStockMessage(low, await products.nameOf(low.productId))])),
  }),
  consume(stockSoldOut, {
    handle: async (tx, soldOut, _event, { products }) => void (await notify(tx, [soldOutMessage(soldOut, await products.nameOf(soldOut.productId))])),
  }),
  consume(ticketCreated, {
    handle: async (tx, ticket, _event, { users }) => void (await notify(tx, ticketOpenedMessages(ticket, await users.adminIds()))),
  }),
  consume(ticketReplied, {
    handle: async (tx, reply, _event, { users }) => void (await notify(tx, ticketRepliedMessages(reply, await users.adminIds()))),
  }),
  consume(ticketStatusChanged, {
    handle: async (tx, change, _event, { users }) => void (await notify(tx, ticketStatusMessages(change, await users.adminIds()))),
  }),
];

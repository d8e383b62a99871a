import { consumerFor } from '@shop/kernel';
import { stockBackInStock, stockLow, stockSoldOut } from '@shop/inventory/contract';
import { orderStatusChanged } from '@shop/orders/contract';
import { paymentStatusChanged } from '@shop/payments/contract';
import { reorderSuggested } from '@shop/purchasing/contract';
import { ticketCreated, ticketReplied, ticketStatusChanged } from '@shop/support/contract';
import { favoriteAdded, favoriteRemoved } from '@shop/users/contract';
import type { NotificationsSchema } from './db/schema.js';
import type { ProductNames, UserDirectory } from './directory.js';
import {
  backInStockMessages,
  lowStockMessage,
  orderMessage,
  paymentMessage,
  reorderSuggestedMessage,
  soldOutMessage,
  ticketOpenedMessages,
  ticketRepliedMessages,
  ticketStatusMessages,
} from './domain/messages.js';
import { notify } from './domain/notify.js';
import { recordWatch, watchersOf } from './domain/watchers.js';

/** What the consumers ask other services: who the admins are, what a product is called. */
export interface ConsumerServices {
  users: Pick<UserDirectory, 'adminIds'>;
  products: ProductNames;
}

const consume = consumerFor<ConsumerServices, NotificationsSchema>();

/** Watchers notified per insert: one back-in-stock can reach thousands, and one statement holds at most 65,535 parameters. */
const FAN_OUT_CHUNK = 1_000;

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
  consume(stockBackInStock, {
    handle: async (tx, back, _event, { products }) => {
      const watchers = await watchersOf(tx, back.productId);
      if (watchers.length === 0) return;
      const drafts = backInStockMessages(back, await products.nameOf(back.productId), watchers);
      for (let i = 0; i < drafts.length; i += FAN_OUT_CHUNK) await notify(tx, drafts.slice(i, i + FAN_OUT_CHUNK));
    },
  }),
  consume(reorderSuggested, {
    handle: async (tx, suggestion, _event, { products }) => void (await notify(tx, [reorderSuggestedMessage(suggestion, await products.nameOf(suggestion.productId))])),
  }),
  // Who watches which product, from users' favourites (the effect of a change is kept by the time it was made).
  consume(favoriteAdded, { handle: (tx, favorite, event) => recordWatch(tx, favorite, true, new Date(event.occurredAt)) }),
  consume(favoriteRemoved, { handle: (tx, favorite, event) => recordWatch(tx, favorite, false, new Date(event.occurredAt)) }),
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

import { consumerFor } from '@shop/kernel';
import type { AnalyticsSchema } from './db/schema.js';
import { recordAndProject } from './domain/event-log.js';
import { orderStatusChanged, paymentStatusChanged, productChanged, stockChanged, storeSaleRecorded } from './events.js';

const consume = consumerFor<unknown, AnalyticsSchema>();

/**
 * analytics' queue: each event is appended to event_log and projected into the read model in the inbox's
 * transaction, so it counts once however often it is delivered. Of payments only REFUNDED changes a figure (sales
 * count at the order's PAID); the others are kept in the history all the same. A counter sale at a seller's shop
 * counts as a sale when it is recorded (channel STORE).
 */
export const analyticsConsumers = [
  consume(orderStatusChanged, { handle: (tx, _change, event) => recordAndProject(tx, event) }),
  consume(paymentStatusChanged, { handle: (tx, _payment, event) => recordAndProject(tx, event) }),
  consume(stockChanged, { handle: (tx, _change, event) => recordAndProject(tx, event) }),
  consume(productChanged, { handle: (tx, _product, event) => recordAndProject(tx, event) }),
  consume(storeSaleRecorded, { handle: (tx, _sale, event) => recordAndProject(tx, event) }),
];

import type { Logger } from '@shop/common';
import { consumerFor } from '@shop/kernel';
import { stockLow, stockSoldOut } from '@shop/inventory/contract';
import { productChanged } from '@shop/products/contract';
import type { PurchasingSchema } from './db/schema.js';
import { projectProductSeller, type DemandForecasts } from './domain/directories.js';
import { suggestReorder, type LowStock } from './domain/suggestions.js';

/** What the consumers need beyond their transaction. */
export interface ConsumerServices {
  demand: DemandForecasts;
  logger: Logger;
}

const consume = consumerFor<ConsumerServices, PurchasingSchema>();

const suggest = async (tx: Parameters<typeof suggestReorder>[0], stock: LowStock, { demand, logger }: ConsumerServices) => {
  const outcome = await suggestReorder(tx, demand, stock, logger);
  if ('written' in outcome) logger.info({ productId: stock.productId, reorderId: outcome.written.id, quantity: outcome.written.quantity, method: outcome.method }, 'suggested a reorder');
  else if (outcome.skipped === 'NO_WAREHOUSE') logger.warn({ productId: stock.productId }, 'low stock without a warehouse to restock: no reorder suggested');
};

/**
 * purchasing's queue: who sells each product (product.changed), and low or sold-out stock (inventory), which may
 * suggest a reorder. Each applied once (the inbox).
 */
export const purchasingConsumers = [
  consume(productChanged, { handle: (tx, product) => projectProductSeller(tx, product.productId, product.sellerId) }),
  consume(stockLow, {
    handle: (tx, low, _event, services) => suggest(tx, { productId: low.productId, available: low.available, threshold: low.threshold, restockWarehouseId: low.restockWarehouseId }, services),
  }),
  consume(stockSoldOut, {
    handle: (tx, out, _event, services) => suggest(tx, { productId: out.productId, available: 0, threshold: 0, restockWarehouseId: out.restockWarehouseId }, services),
  }),
];

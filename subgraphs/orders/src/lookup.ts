import type { ServiceCredentials } from '@shop/auth';
import { fetchEntities } from '@shop/server';
import type { ORDER_STATUSES } from './contract.js';

// A leaf module (@shop/orders/lookup): payments, which orders itself imports, uses it, so it must not reach
// orders' subgraph definition.

/** An order as orders shows it to another service: its number, status, customer and total. */
export interface OrderSummary {
  id: string;
  /** ORD-000123. */
  number: string;
  status: (typeof ORDER_STATUSES)[number];
  customer: { id: string };
  /** As orders' Money shows it: a decimal string ("75000.00") and its ISO currency. */
  total: { amount: string; currency: string };
}

/** Finds an order by id; null when no order has it. Throws SubgraphUnavailableError when orders does not answer. */
export interface OrderLookup {
  findOrder(id: string): Promise<OrderSummary | null>;
}

export interface RemoteOrderLookupOptions {
  /** The orders subgraph's own /graphql URL, never the gateway's. */
  url: string;
  timeoutMs?: number;
  /** The calling service's tokens: orders shows any order to a verified service. */
  credentials: ServiceCredentials;
}

/** Asks the orders subgraph directly through its _entities field. */
export class RemoteOrderLookup implements OrderLookup {
  constructor(private readonly options: RemoteOrderLookupOptions) {}

  async findOrder(id: string): Promise<OrderSummary | null> {
    const [order] = await fetchEntities<OrderSummary>(
      { url: this.options.url, service: 'orders', timeoutMs: this.options.timeoutMs, credentials: this.options.credentials },
      'Order',
      [id],
      'id number status customer { id } total { amount currency }',
    );
    return order ?? null;
  }
}

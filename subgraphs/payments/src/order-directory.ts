import type { ServiceCredentials } from '@shop/auth';
import { fetchEntities } from '@shop/server';

/** What payments needs to know about an order to charge it. */
export interface OrderToPay {
  id: string;
  status: string;
  total: { amount: string; currency: string };
  customer: { id: string };
}

/** Where payments reads orders from; throws SubgraphUnavailableError when orders does not answer. */
export interface OrderDirectory {
  /** null for an unknown order. */
  findOrder(id: string): Promise<OrderToPay | null>;
}

export interface RemoteOrderDirectoryOptions {
  /** The orders subgraph's own /graphql URL (never the gateway). */
  url: string;
  timeoutMs?: number;
  /** Payments' service tokens: orders shows an order's total and customer to its customer, admins and services. */
  credentials: ServiceCredentials;
}

/** Asks the orders subgraph directly through its _entities field. */
export class RemoteOrderDirectory implements OrderDirectory {
  constructor(private readonly options: RemoteOrderDirectoryOptions) {}

  async findOrder(id: string): Promise<OrderToPay | null> {
    const [order] = await fetchEntities<OrderToPay>(
      { url: this.options.url, service: 'orders', timeoutMs: this.options.timeoutMs ?? 3000, credentials: this.options.credentials },
      'Order',
      [id],
      'id status total { amount currency } customer { id }',
    );
    return order ?? null;
  }
}

import type { ServiceCredentials } from '@shop/auth';
import { parseDecimalToMinor } from '@shop/common';
import { fetchEntities } from '@shop/server';
import type { OrderStatusChangedPayload } from '@shop/orders/contract';

/** What support needs to know about an order it does not own: whose it is, its number, total and status. */
export interface OrderFacts {
  id: string;
  number: string;
  customerId: string;
  status: OrderStatusChangedPayload['to'];
  total: { amountMinor: number; currency: string };
}

/** Looks an order up in the orders subgraph; undefined when no order has the id. Throws SubgraphUnavailableError when it cannot tell. */
export interface OrderDirectory {
  findOrder(id: string): Promise<OrderFacts | undefined>;
}

export interface RemoteOrderDirectoryOptions {
  /** The orders subgraph's own /graphql URL, never the gateway's. */
  url: string;
  timeoutMs?: number;
  /** support's service tokens: orders shows any order to a verified service. */
  credentials: ServiceCredentials;
}

/** Asks the orders subgraph directly through its _entities field. */
export class RemoteOrderDirectory implements OrderDirectory {
  constructor(private readonly options: RemoteOrderDirectoryOptions) {}

  async findOrder(id: string): Promise<OrderFacts | undefined> {
    type Entity = { id: string; number: string; status: OrderFacts['status']; customer: { id: string }; total: { amount: string; currency: string } };
    const [entity] = await fetchEntities<Entity>(
      { url: this.options.url, service: 'orders', timeoutMs: this.options.timeoutMs, credentials: this.options.credentials },
      'Order',
      [id],
      'id number status customer { id } total { amount currency }',
    );
    if (!entity) return undefined;
    const minor = parseDecimalToMinor(entity.total.amount);
    return { id: entity.id, number: entity.number, customerId: entity.customer.id, status: entity.status, total: { amountMinor: Number(minor ?? 0n), currency: entity.total.currency } };
  }
}

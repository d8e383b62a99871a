import type { ServiceCredentials } from '@shop/auth';
import { fetchEntities } from '@shop/server';

/** What inventory needs to know about a product it does not own: who sells it, and at what price (counter sales). */
export interface ProductRef {
  id: string;
  sellerId: string;
  status: string;
  /** Today's price, Money as the products subgraph gives it ("249900.00", "COP"); null if it answered none. */
  price: { amount: string; currency: string } | null;
}

/** Looks products up in the subgraph that owns them; unknown ids are absent from the map. Throws SubgraphUnavailableError when it cannot tell. */
export interface ProductDirectory {
  findProducts(ids: readonly string[]): Promise<Map<string, ProductRef>>;
}

export interface RemoteProductDirectoryOptions {
  /** The products subgraph's own /graphql URL, never the gateway's. */
  url: string;
  timeoutMs?: number;
  /** Inventory's service tokens. */
  credentials: ServiceCredentials;
}

/** Asks the products subgraph directly through its _entities field. */
export class RemoteProductDirectory implements ProductDirectory {
  constructor(private readonly options: RemoteProductDirectoryOptions) {}

  async findProducts(ids: readonly string[]): Promise<Map<string, ProductRef>> {
    type Entity = { id: string; status: string; seller: { id: string } | null; price: { amount: string; currency: string } | null };
    const entities = await fetchEntities<Entity>(
      { url: this.options.url, service: 'products', timeoutMs: this.options.timeoutMs, credentials: this.options.credentials },
      'Product',
      [...new Set(ids)],
      'id status seller { id } price { amount currency }',
    );
    const found = new Map<string, ProductRef>();
    for (const entity of entities) {
      if (entity?.seller) found.set(entity.id, { id: entity.id, sellerId: entity.seller.id, status: entity.status, price: entity.price ?? null });
    }
    return found;
  }
}

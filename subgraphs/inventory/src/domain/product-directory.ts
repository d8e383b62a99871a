import type { ServiceCredentials } from '@shop/auth';
import { coalescingLoader, fetchEntities } from '@shop/server';

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

/**
 * Asks the products subgraph directly through its _entities field. Concurrent lookups (counter sales, stock changes)
 * leave together as one call (coalescingLoader); nothing is cached, each reads the product as it is.
 */
export class RemoteProductDirectory implements ProductDirectory {
  private readonly products = coalescingLoader<string, ProductRef | null>((ids) => this.fetch(ids), { maxBatchSize: 500 });

  constructor(private readonly options: RemoteProductDirectoryOptions) {}

  async findProducts(ids: readonly string[]): Promise<Map<string, ProductRef>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.products.load(id)));
    return new Map(found.filter((product): product is ProductRef => product !== null).map((product) => [product.id, product]));
  }

  private async fetch(ids: readonly string[]): Promise<(ProductRef | null)[]> {
    type Entity = { id: string; status: string; seller: { id: string } | null; price: { amount: string; currency: string } | null };
    const entities = await fetchEntities<Entity>(
      { url: this.options.url, service: 'products', timeoutMs: this.options.timeoutMs, credentials: this.options.credentials },
      'Product',
      [...ids],
      'id status seller { id } price { amount currency }',
    );
    // A product without a seller is one inventory cannot place: as unknown.
    return ids.map((_, i) => {
      const entity = entities[i];
      return entity?.seller ? { id: entity.id, sellerId: entity.seller.id, status: entity.status, price: entity.price ?? null } : null;
    });
  }
}

import type { ServiceCredentials } from '@shop/auth';
import { coalescingLoader, fetchEntities } from '@shop/server';

/** What orders needs to know about a product to sell it. */
export interface CatalogProduct {
  id: string;
  status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  price: { amount: string; currency: string };
}

/** Where orders reads products from; throws SubgraphUnavailableError when the catalog does not answer. */
export interface ProductCatalog {
  /** One entry per id, in order; null for an unknown product. */
  findProducts(ids: readonly string[]): Promise<(CatalogProduct | null)[]>;
}

export interface RemoteProductCatalogOptions {
  /** The products subgraph's own /graphql URL (never the gateway). */
  url: string;
  timeoutMs?: number;
  /** Orders' service tokens. */
  credentials: ServiceCredentials;
}

/**
 * Asks the products subgraph directly through its _entities field. Concurrent orders' lookups leave together as
 * one call (see coalescingLoader); each still reads the price of the moment, nothing is cached.
 */
export class RemoteProductCatalog implements ProductCatalog {
  private readonly products = coalescingLoader<string, CatalogProduct | null>((ids) => this.fetch(ids), { maxBatchSize: 500 });

  constructor(private readonly options: RemoteProductCatalogOptions) {}

  findProducts(ids: readonly string[]): Promise<(CatalogProduct | null)[]> {
    return Promise.all(ids.map((id) => this.products.load(id)));
  }

  private async fetch(ids: readonly string[]): Promise<(CatalogProduct | null)[]> {
    // The same product in several orders of the batch is asked for once.
    const unique = [...new Set(ids)];
    const found = await fetchEntities<CatalogProduct>(
      { url: this.options.url, service: 'products', timeoutMs: this.options.timeoutMs ?? 3000, credentials: this.options.credentials },
      'Product',
      unique,
      'id status price { amount currency }',
    );
    const byId = new Map(unique.map((id, i) => [id, found[i] ?? null]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}

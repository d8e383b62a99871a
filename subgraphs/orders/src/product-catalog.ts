import { fetchEntities } from '@shop/server';

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
}

/** Asks the products subgraph directly through its _entities field. */
export class RemoteProductCatalog implements ProductCatalog {
  constructor(private readonly options: RemoteProductCatalogOptions) {}

  findProducts(ids: readonly string[]): Promise<(CatalogProduct | null)[]> {
    return fetchEntities<CatalogProduct>(
      { url: this.options.url, service: 'products', timeoutMs: this.options.timeoutMs ?? 3000 },
      'Product',
      ids,
      'id status price { amount currency }',
    );
  }
}

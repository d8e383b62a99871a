import type { ServiceCredentials } from '@shop/auth';
import { fetchEntities } from '@shop/server';

/** What users needs to know about a product it does not own, to accept it as a favourite. */
export interface ProductRef {
  id: string;
  sellerId: string;
  status: string;
}

/** The product, or null when there is no such product. Throws SubgraphUnavailableError when products cannot tell. */
export interface ProductDirectory {
  findProduct(id: string): Promise<ProductRef | null>;
}

export interface RemoteProductDirectoryOptions {
  /** The products subgraph's own /graphql URL, never the gateway's. */
  url: string;
  timeoutMs?: number;
  /** users' service tokens: products shows DRAFT and ARCHIVED products to verified services. */
  credentials: ServiceCredentials;
}

/** Asks the products subgraph directly through its _entities field (as inventory does). */
export class RemoteProductDirectory implements ProductDirectory {
  constructor(private readonly options: RemoteProductDirectoryOptions) {}

  async findProduct(id: string): Promise<ProductRef | null> {
    type Entity = { id: string; status: string; seller: { id: string } | null };
    const [entity] = await fetchEntities<Entity>({ ...this.options, service: 'products' }, 'Product', [id], 'id status seller { id }');
    return entity?.seller ? { id: entity.id, sellerId: entity.seller.id, status: entity.status } : null;
  }
}

import { inArray, sql } from 'drizzle-orm';
import { request } from 'undici';
import type { ServiceCredentials } from '@shop/auth';
import type { Database } from '@shop/db';
import { analyticsPaths, demandAnswer } from '@shop/analytics/contract';
import { withClientSpan } from '@shop/observability';
import { fetchEntities, SubgraphUnavailableError } from '@shop/server';
import { productSellers, type PurchasingSchema } from '../db/schema.js';

export interface RemoteOptions {
  /** The owning subgraph's own /graphql URL, never the gateway's. */
  url: string;
  timeoutMs: number;
  credentials: ServiceCredentials;
}

/** Who sells each product; unknown products are absent. Throws SubgraphUnavailableError when it cannot tell. */
export interface ProductSellers {
  sellersOf(productIds: readonly string[]): Promise<Map<string, string>>;
}

/**
 * The projection of product.changed first (so a mutation on a known product needs no call and works while products is
 * down), the products subgraph for a product not projected yet (created a moment ago, or before purchasing existed),
 * whose answer is kept: a product's seller never changes.
 */
export class ProjectedProductSellers implements ProductSellers {
  constructor(private readonly db: Database<PurchasingSchema>, private readonly products: RemoteOptions) {}

  async sellersOf(productIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(productIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.db.select().from(productSellers).where(inArray(productSellers.productId, ids));
    const found = new Map(rows.map((row) => [row.productId, row.sellerId]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length === 0) return found;
    const entities = await fetchEntities<{ id: string; seller: { id: string } | null }>({ ...this.products, service: 'products' }, 'Product', missing, 'id seller { id }');
    const learned = entities.flatMap((entity) => (entity?.seller ? [{ productId: entity.id, sellerId: entity.seller.id }] : []));
    if (learned.length) await this.db.insert(productSellers).values(learned).onConflictDoNothing();
    for (const { productId, sellerId } of learned) found.set(productId, sellerId);
    return found;
  }
}

/** Keeps the projection from product.changed (the seller is all purchasing needs of a product). */
export async function projectProductSeller(db: Pick<Database<PurchasingSchema>, 'insert'>, productId: string, sellerId: string): Promise<void> {
  await db
    .insert(productSellers)
    .values({ productId, sellerId })
    .onConflictDoUpdate({ target: productSellers.productId, set: { sellerId, updatedAt: sql`now()` } });
}

/** A warehouse as purchasing needs it: whether it is a seller's shop, and whose. */
export interface WarehouseRef {
  id: string;
  kind: 'WAREHOUSE' | 'STORE';
  sellerId: string | null;
}

/** Inventory's warehouses; null for an unknown id. Throws SubgraphUnavailableError when inventory cannot tell. */
export interface Warehouses {
  find(warehouseId: string): Promise<WarehouseRef | null>;
}

/** Asks the inventory subgraph directly through its _entities field. */
export class RemoteWarehouses implements Warehouses {
  constructor(private readonly options: RemoteOptions) {}

  async find(warehouseId: string): Promise<WarehouseRef | null> {
    const [entity] = await fetchEntities<{ id: string; kind: 'WAREHOUSE' | 'STORE'; seller: { id: string } | null }>(
      { ...this.options, service: 'inventory' }, 'Warehouse', [warehouseId], 'id kind seller { id }',
    );
    return entity ? { id: entity.id, kind: entity.kind, sellerId: entity.seller?.id ?? null } : null;
  }
}

/** Expected units of a product over the next days, from analytics' forecast. */
export interface DemandForecast {
  units: number;
  method: string;
}

/** null when analytics has no forecast of the product; throws SubgraphUnavailableError when it does not answer in time. */
export interface DemandForecasts {
  demand(productId: string, days: number): Promise<DemandForecast | null>;
}

/** Asks analytics' GET /internal/demand with a service token, within a short timeout (a suggestion falls back without it). */
export class RemoteDemandForecasts implements DemandForecasts {
  constructor(private readonly options: RemoteOptions) {}

  async demand(productId: string, days: number): Promise<DemandForecast | null> {
    let status: number;
    let body: unknown;
    try {
      const headers = await this.options.credentials.headers();
      const url = new URL(analyticsPaths.demand, this.options.url);
      url.search = new URLSearchParams({ productId, days: String(days) }).toString();
      ({ status, body } = await withClientSpan('analytics demand', headers, async () => {
        const response = await request(url, { headers, signal: AbortSignal.timeout(this.options.timeoutMs) });
        const text = await response.body.text();
        return { status: response.statusCode, body: text ? (JSON.parse(text) as unknown) : null };
      }));
    } catch (error) {
      throw new SubgraphUnavailableError('analytics', error);
    }
    if (status === 404) return null;
    const parsed = demandAnswer.safeParse(body);
    if (status !== 200 || !parsed.success) throw new SubgraphUnavailableError('analytics', `demand answered ${status}`);
    return { units: parsed.data.units, method: parsed.data.method };
  }
}

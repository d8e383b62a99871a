import { LRUCache } from 'lru-cache';
import { request } from 'undici';
import type { ServiceCredentials } from '@shop/auth';
import type { Logger } from '@shop/common';
import { fetchEntities, SubgraphUnavailableError } from '@shop/server';
import { adminContactsAnswer, userPaths, type Contact } from '@shop/users/contract';

/**
 * Who is who, from the users subgraph that owns accounts: the admins (told about tickets) and a user's address (for
 * e-mail). Throws SubgraphUnavailableError when users cannot tell: the caller retries (a consumer's event is
 * redelivered, an e-mail waits for its next attempt).
 */
export interface UserDirectory {
  adminIds(): Promise<string[]>;
  /** Users without an account any more are absent. */
  contacts(ids: readonly string[]): Promise<Map<string, Contact>>;
}

/** A product's display name, or null when products cannot say (a notification is still worth sending without it). */
export interface ProductNames {
  nameOf(productId: string): Promise<string | null>;
}

export interface RemoteOptions {
  /** The owning subgraph's own /graphql URL, never the gateway's. */
  url: string;
  timeoutMs: number;
  credentials: ServiceCredentials;
}

/** Admins and addresses change rarely; a short cache spares users a call per event without keeping a change away for long. */
const CACHE_TTL_MS = 30_000;

export class RemoteUserDirectory implements UserDirectory {
  private readonly cache = new LRUCache<string, Contact | 'absent' | Contact[]>({ max: 5_000, ttl: CACHE_TTL_MS });

  constructor(private readonly options: RemoteOptions) {}

  async adminIds(): Promise<string[]> {
    const cached = this.cache.get('admins');
    if (Array.isArray(cached)) return cached.map((admin) => admin.id);
    let admins: Contact[];
    try {
      const response = await request(new URL(userPaths.adminContacts, this.options.url), {
        headers: await this.options.credentials.headers(),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const body = await response.body.json();
      if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
      admins = adminContactsAnswer.parse(body).admins;
    } catch (error) {
      throw new SubgraphUnavailableError('users', error);
    }
    this.cache.set('admins', admins);
    for (const admin of admins) this.cache.set(admin.id, admin);
    return admins.map((admin) => admin.id);
  }

  async contacts(ids: readonly string[]): Promise<Map<string, Contact>> {
    const found = new Map<string, Contact>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const cached = this.cache.get(id);
      if (cached === undefined) missing.push(id);
      else if (cached !== 'absent' && !Array.isArray(cached)) found.set(id, cached);
    }
    const entities = await fetchEntities<Contact>({ ...this.options, service: 'users' }, 'User', missing, 'id name email');
    missing.forEach((id, i) => {
      const entity = entities[i];
      // A user with no address to write to counts as absent.
      if (entity?.email) found.set(id, entity as Contact);
      this.cache.set(id, entity?.email ? (entity as Contact) : 'absent');
    });
    return found;
  }
}

export class RemoteProductNames implements ProductNames {
  private readonly cache = new LRUCache<string, string>({ max: 5_000, ttl: 5 * 60_000 });

  constructor(private readonly options: RemoteOptions & { logger: Logger }) {}

  async nameOf(productId: string): Promise<string | null> {
    const cached = this.cache.get(productId);
    if (cached) return cached;
    try {
      const [product] = await fetchEntities<{ name: string }>({ ...this.options, service: 'products' }, 'Product', [productId], 'name');
      if (product?.name) this.cache.set(productId, product.name);
      return product?.name ?? null;
    } catch (error) {
      this.options.logger.warn({ err: error, productId }, 'products did not name a product; notifying without its name');
      return null;
    }
  }
}

import { request } from 'undici';
import type { ServiceCredentials } from '@shop/auth';
import { withClientSpan } from '@shop/observability';
import { SubgraphUnavailableError } from '@shop/server';
import { addressPath, addressRecord, type AddressRecord } from './contract.js';

// A leaf module (@shop/users/address-book): orders imports it, so it must not reach users' subgraph definition.

/** A user's saved address, or null when that user has none with that id. Throws SubgraphUnavailableError when users does not answer. */
export interface AddressBook {
  findAddress(userId: string, addressId: string): Promise<AddressRecord | null>;
}

export interface RemoteAddressBookOptions {
  /** The users subgraph's own URL (its /graphql URL or its base URL: the internal endpoints sit at its root). */
  url: string;
  timeoutMs?: number;
  /** The calling service's tokens: users' internal endpoints answer verified services only. */
  credentials: ServiceCredentials;
}

/** Asks the users subgraph directly at its internal address endpoint (never through the gateway). */
export class RemoteAddressBook implements AddressBook {
  constructor(private readonly options: RemoteAddressBookOptions) {}

  async findAddress(userId: string, addressId: string): Promise<AddressRecord | null> {
    let status: number;
    let body: unknown;
    try {
      const headers = await this.options.credentials.headers();
      ({ status, body } = await withClientSpan('users address', headers, async () => {
        const response = await request(new URL(addressPath(userId, addressId), this.options.url), {
          headers,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
        });
        const text = await response.body.text();
        return { status: response.statusCode, body: text ? (JSON.parse(text) as unknown) : null };
      }));
    } catch (error) {
      throw new SubgraphUnavailableError('users', error);
    }
    if (status === 404) return null;
    const parsed = addressRecord.safeParse(body);
    if (status !== 200 || !parsed.success) throw new SubgraphUnavailableError('users', `address answered ${status}`);
    return parsed.data;
  }
}

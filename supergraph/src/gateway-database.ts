import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import type { Database } from '@shop/db';
import { createRateLimitsTable } from '@shop/server';

/**
 * The gateway keeps no business data; a database is only where its replicas share state (client budgets, and the
 * persisted-query cache when it is configured for one). Without one, each gateway counts in its own memory.
 */
export interface GatewayDatabase {
  db: Database<Record<string, never>>;
  close(): Promise<void>;
}

export async function openGatewayDatabase(url: string): Promise<GatewayDatabase> {
  // A database that is away turns lookups into misses after 3 s, not the driver's default 30.
  const client = postgres(url, { max: 5, connect_timeout: 3, onnotice: () => {} });
  const db = drizzle(client) as unknown as Database<Record<string, never>>;
  await createRateLimitsTable(db);
  return { db, close: () => client.end({ timeout: 5 }) };
}

import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { generateKeyPairPem } from '@shop/auth';
import { freePort } from '@shop/testing';
import { startPlatform, type Platform, type PlatformOptions } from '@shop/platform';
import { SUBGRAPHS } from '../../src/services.js';

/** The whole platform in this process on the test PostgreSQL server, one fresh database per subgraph. */
export async function startTestPlatform(databaseUrl: string, extra: Partial<PlatformOptions> = {}): Promise<Platform & { dropDatabases(): Promise<void> }> {
  const baseName = `platform_${randomBytes(3).toString('hex')}`;
  const url = new URL(databaseUrl);
  url.pathname = `/${baseName}`;
  const [gatewayPort, users, products, inventory, orders, payments] = await Promise.all(Array.from({ length: 6 }, () => freePort()));
  const platform = await startPlatform({
    dataDir: '/nonexistent',
    databaseUrl: url.toString(),
    gatewayPort: gatewayPort!,
    subgraphPorts: { users: users!, products: products!, inventory: inventory!, orders: orders!, payments: payments! },
    keys: await generateKeyPairPem(),
    // Tests play up to thousands of clients from 127.0.0.1: per-address bounds lifted (security/rate-limits.test.ts proves them).
    clientLimits: { wsConnectionsPerIp: 100_000, wsConnectsPerIpPerMinute: 1_000_000, requestsPerIpPerMinute: 1_000_000 },
    ...extra,
  });
  return {
    ...platform,
    async dropDatabases() {
      const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      for (const { name } of SUBGRAPHS) await admin.unsafe(`drop database if exists "${baseName}_${name}" with (force)`);
      await admin.end();
    },
  };
}

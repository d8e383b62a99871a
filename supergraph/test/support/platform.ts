import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { generateKeyPairPem } from '@shop/auth';
import { freePort } from '@shop/testing';
import { SERVICE_NAMES, startPlatform, type Platform, type PlatformOptions, type ServiceName } from '@shop/platform';

/** Days of demo sales history analytics seeds on a test platform (the demo's last days; npm start seeds a year). */
export const TEST_DEMO_HISTORY_DAYS = 60;

/** The whole platform in this process on the test PostgreSQL server, one fresh database per subgraph. */
export async function startTestPlatform(
  databaseUrl: string,
  extra: Partial<PlatformOptions> = {},
): Promise<Platform & { dropDatabases(): Promise<void>; databaseUrlOf(service: ServiceName): string }> {
  const baseName = `platform_${randomBytes(3).toString('hex')}`;
  const url = new URL(databaseUrl);
  url.pathname = `/${baseName}`;
  const [gatewayPort, servicePorts] = await Promise.all([freePort(), freeServicePorts()]);
  // Files a service writes (e-mails, demo images rendered on first request) go to a folder of this platform's own.
  const dataDir = mkdtempSync(join(tmpdir(), 'test-platform-'));
  const platform = await startPlatform({
    dataDir,
    databaseUrl: url.toString(),
    gatewayPort,
    servicePorts,
    keys: await generateKeyPairPem(),
    // Tests play up to thousands of clients from 127.0.0.1: per-address bounds lifted (security/rate-limits.test.ts proves them).
    clientLimits: { wsConnectionsPerIp: 100_000, wsConnectsPerIpPerMinute: 1_000_000, requestsPerIpPerMinute: 1_000_000 },
    ...extra,
    // The forecast batch (seconds of CPU) runs only in tests that ask for it with a shorter FORECAST_CHECK_INTERVAL_MS;
    // the demo history is its last 60 days (a year takes seconds to seed), enough for this month and the last 30 days.
    serviceConfig: {
      ...extra.serviceConfig,
      analytics: { FORECAST_CHECK_INTERVAL_MS: String(3_600_000), DEMO_HISTORY_DAYS: String(TEST_DEMO_HISTORY_DAYS), ...extra.serviceConfig?.analytics },
    },
  });
  return {
    ...platform,
    databaseUrlOf(service) {
      const own = new URL(databaseUrl);
      own.pathname = `/${baseName}_${service}`;
      return own.toString();
    },
    async dropDatabases() {
      const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      for (const name of SERVICE_NAMES) await admin.unsafe(`drop database if exists "${baseName}_${name}" with (force)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A free port for every service of the platform. */
export const freeServicePorts = async () => Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (name) => [name, await freePort()] as const)));

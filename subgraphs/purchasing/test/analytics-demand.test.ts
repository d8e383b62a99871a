import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { request } from 'undici';
import { analytics } from '@shop/analytics';
import { createServiceCredentials, generateKeyPairPem } from '@shop/auth';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { createTestDatabase } from '@shop/testing';
import { RemoteDemandForecasts } from '../src/domain/directories.js';

// The other side of RemoteDemandForecasts: analytics' real GET /internal/demand on its own database, a stored forecast
// staged straight in its forecasts table (the batch itself is analytics' to test).
const SECRET = 'purchasing-demand-test-secret-0123456789';
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let server: RunningSubgraph<any, any>;
let client: RemoteDemandForecasts;
const productId = randomUUID();
beforeAll(async () => {
  database = await createTestDatabase(inject('databaseUrl'), 'purchasing_demand');
  server = await startSubgraph(analytics, {
    config: { PORT: 0, HOST: '127.0.0.1', DATABASE_URL: database.url, SEED_DEMO: 'false', SERVICE_SECRET: SECRET, JWT_PUBLIC_KEY: (await generateKeyPairPem()).publicKeyPem, FORECAST_CHECK_INTERVAL_MS: '3600000' },
  });
  const points = Array.from({ length: 90 }, (_, i) => ({ date: `day-${i}`, expected: i < 7 ? 1.5 : 2, lower: 0, upper: 4 }));
  await server.db.execute(
    sql`insert into forecasts (subject_kind, subject_id, computed_at, history_days, days, model, points) values ('PRODUCT', ${productId}, now(), 365, 90, 'prophet', ${JSON.stringify(points)}::jsonb)`,
  );
  client = new RemoteDemandForecasts({ url: server.url, timeoutMs: 3000, credentials: createServiceCredentials('purchasing', SECRET) });
});
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe("analytics' GET /internal/demand", () => {
  it('sums the stored forecast over the days asked (a flat continuation past the 90 stored) and names the model', async () => {
    expect(await client.demand(productId, 7)).toEqual({ units: 10.5, method: 'prophet' });
    expect(await client.demand(productId, 21)).toEqual({ units: 10.5 + 14 * 2, method: 'prophet' });
    // 90 stored (7 x 1.5 + 83 x 2) and 10 more at the mean of the last 7 stored (2).
    expect(await client.demand(productId, 100)).toEqual({ units: 10.5 + 83 * 2 + 10 * 2, method: 'prophet' });
  });

  it('404 (null to the client) for a product without a forecast; 400 for a bad query; 401 without a service token', async () => {
    expect(await client.demand(randomUUID(), 7)).toBeNull();
    const headers = await createServiceCredentials('purchasing', SECRET).headers();
    const bad = await request(new URL(`/internal/demand?productId=${productId}&days=0`, server.url), { headers });
    expect(bad.statusCode).toBe(400);
    expect(await bad.body.json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    const anonymous = await request(new URL(`/internal/demand?productId=${productId}&days=7`, server.url));
    expect(anonymous.statusCode).toBe(401);
    await anonymous.body.dump();
  });
});

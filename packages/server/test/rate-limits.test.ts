import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '@shop/testing';
import type { Database } from '@shop/db';
import { consumeEach, createBudget, createRateLimitsTable, RateLimited } from '../src/rate-limits.js';

let clients: postgres.Sql[] = [];
let dbs: Database<any>[] = [];
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'rate_limits');
  drop = database.drop;
  // Two connection pools: two gateway replicas sharing one database.
  clients = [postgres(database.url, { max: 5, onnotice: () => {} }), postgres(database.url, { max: 5, onnotice: () => {} })];
  dbs = clients.map((client) => drizzle(client) as unknown as Database<any>);
  await Promise.all(dbs.map((db) => createRateLimitsTable(db)));
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
  await drop?.();
});

const outcome = (charge: Promise<void>) =>
  charge.then(
    () => 'served' as const,
    (error) => {
      if (error instanceof RateLimited) return 'limited' as const;
      throw error;
    },
  );

describe('budgets shared through PostgreSQL', () => {
  it('lets exactly the budget through across two replicas under 60 concurrent requests for one key', async () => {
    const [a, b] = dbs.map((db) => createBudget('shared-test', 10, 60, { db }));
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => outcome(consumeEach([['ip', i % 2 ? a! : b!, '203.0.113.7']]))));
    expect(answers.filter((x) => x === 'served')).toHaveLength(10);
  });

  it('keeps keys apart and tells the refused client how long to wait', async () => {
    const budget = createBudget('apart-test', 2, 30, { db: dbs[0]! });
    await consumeEach([['ip', budget, 'one']]);
    await consumeEach([['ip', budget, 'one']]);
    await consumeEach([['ip', budget, 'two']]);
    const refusal = await consumeEach([['ip', budget, 'one']]).catch((error) => error);
    expect(refusal).toBeInstanceOf(RateLimited);
    expect(refusal.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(30);
  });

  it('charges every budget of a request in turn and stops at the first one spent', async () => {
    const perIp = createBudget('turn-ip', 5, 60);
    const perUser = createBudget('turn-user', 1, 60);
    await consumeEach([['ip', perIp, 'addr'], ['user', perUser, 'u1']]);
    const second = await consumeEach([['ip', perIp, 'addr'], ['user', perUser, 'u1']]).catch((error) => error);
    expect(second).toMatchObject({ scope: 'user' });
    // Anonymous (no user key): only the address is charged.
    await expect(consumeEach([['ip', perIp, 'addr'], ['user', perUser, null]])).resolves.toBeUndefined();
  });
});

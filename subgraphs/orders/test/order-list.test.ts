import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@shop/db';
import { createTestDatabase } from '@shop/testing';
import { schema, type OrdersSchema } from '../src/db/schema.js';
import { orderPageQuery, type OrderListFilter } from '../src/domain/order-list.js';
import { migrationsFolder } from './harness.js';

let db: Database<OrdersSchema>;
let done: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'orders_list');
  const opened = await openDatabase({ url: database.url, schema, migrationsFolder });
  db = opened.db;
  // Enough orders (20,000, a fiftieth of them one customer's) that the planner's choice is the one production sees.
  await db.execute(sql`
    insert into orders (number, customer_id, status, cancellation_reason, currency, total_minor, idempotency_key, created_at)
    select 'ORD-' || lpad(g::text, 6, '0'),
      case when g % 50 = 0 then '11111111-1111-4111-8111-111111111111'::uuid else gen_random_uuid() end,
      (array['AWAITING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'])[1 + g % 5]::order_status,
      case when g % 5 = 4 then 'EXPIRED'::cancellation_reason end,
      'COP', 1000, 'k' || g, now() - (g || ' seconds')::interval
    from generate_series(1, 20000) g`);
  await db.execute(sql`analyze orders`);
  done = async () => {
    await opened.close();
    await database.drop();
  };
});
afterAll(async () => done?.());

/** PostgreSQL's plan for a page, its parameters written in as literals. */
async function planOf(filter: OrderListFilter, after?: string): Promise<string> {
  const { sql: text, params } = orderPageQuery(db, filter, 20, after).toSQL();
  const literal = text.replace(/\$(\d+)/g, (_m, i) => `'${String(params[Number(i) - 1]).replace(/'/g, "''")}'`);
  const result = await db.execute(sql.raw(`explain ${literal}`));
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { 'QUERY PLAN': string }[];
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

const cursor = Buffer.from(JSON.stringify([new Date(Date.now() - 3_600_000).toISOString(), '00000000-0000-4000-8000-000000000000'])).toString('base64url');

describe('Query.orders pages', () => {
  it.each([
    ['every order', {}, 'orders_created_idx'],
    ['a status', { status: 'PAID' as const }, 'orders_status_created_idx'],
    ['a customer', { customerId: '11111111-1111-4111-8111-111111111111' }, 'orders_customer_created_idx'],
  ])('reads %s newest first straight from its index, without sorting the table, also after a cursor', async (_name, filter, index) => {
    for (const after of [undefined, cursor]) {
      const plan = await planOf(filter, after);
      expect(plan, plan).toContain(`Index Scan using ${index}`);
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });
});

import { PGlite } from '@electric-sql/pglite';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { sql, type SQL } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { instrumentDrizzleQueries, MAX_STATEMENT_LENGTH, runInExtractedContext, startInMemoryTracing, type InMemoryTracing } from '../src/index.js';

const products = pgTable('products', { id: integer('id').primaryKey(), name: text('name').notNull() });

let tracing: InMemoryTracing;
let client: PGlite;
let db: ReturnType<typeof drizzlePglite>;
beforeAll(async () => {
  tracing = startInMemoryTracing();
  // Twice: the second call must not wrap the methods again (that would make two spans per statement).
  await instrumentDrizzleQueries();
  await instrumentDrizzleQueries();
  client = new PGlite();
  db = drizzlePglite(client);
  await db.execute(sql`create table products (id integer primary key, name text not null)`);
  await db.insert(products).values([{ id: 1, name: 'vase' }, { id: 2, name: 'bowl' }]);
});
afterAll(async () => {
  await client.close();
  await tracing.shutdown();
});
beforeEach(() => tracing.reset());

/** Runs fn inside a span named "request" and returns that span with the spans it ended. */
async function insideSpan(fn: () => Promise<unknown>) {
  const request = trace.getTracer('products').startSpan('request');
  await context.with(trace.setSpan(context.active(), request), fn);
  request.end();
  const queries = tracing.spans().filter((s) => s.name === 'db.query');
  return { request, queries };
}

describe('instrumentDrizzleQueries on PGlite', () => {
  it('makes a select inside an active span one CLIENT child span db.query with the statement', async () => {
    let rows: unknown[] = [];
    const { request, queries } = await insideSpan(async () => {
      rows = await db.select().from(products).where(sql`${products.id} = ${2}`);
    });
    expect(rows).toEqual([{ id: 2, name: 'bowl' }]);
    expect(queries).toHaveLength(1);
    const [query] = queries;
    expect(query!.kind).toBe(SpanKind.CLIENT);
    expect(query!.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(query!.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(query!.attributes).toEqual({ 'db.system': 'postgresql', 'db.statement': 'select "id", "name" from "products" where "products"."id" = $1' });
  });

  it('traces raw statements, writes and the session\'s all(), names the service from the context, and records failures', async () => {
    // all() is how drizzle's migrator reads its journal; nothing else reaches it through the public API.
    const session = (db as unknown as { session: { all(query: SQL): Promise<unknown[]> } }).session;
    await runInExtractedContext('inventory', 'consume', undefined, async () => {
      await db.execute(sql`select count(*) from products`);
      await session.all(sql`select 2 as two`);
      await db.update(products).set({ name: 'jar' }).where(sql`id = 1`);
      await expect(db.execute(sql`select * from missing_table`)).rejects.toThrow();
    });
    const consumer = tracing.spans().find((s) => s.name === 'consume')!;
    const queries = tracing.spans().filter((s) => s.name === 'db.query');
    expect(queries.map((q) => q.attributes['db.statement'])).toEqual(['select count(*) from products', 'select 2 as two', 'update "products" set "name" = $1 where id = 1', 'select * from missing_table']);
    for (const query of queries) {
      expect(query.parentSpanContext?.spanId).toBe(consumer.spanContext().spanId);
      expect(query.instrumentationScope.name).toBe('inventory');
    }
    expect(queries[3]!.status.code).toBe(SpanStatusCode.ERROR);
    expect(queries[3]!.events.map((e) => e.name)).toEqual(['exception']);
    expect(queries[0]!.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('records no span for statements outside any span, and never the parameters', async () => {
    await db.select().from(products);
    expect(tracing.spans()).toHaveLength(0);
    // Awaited inside: a drizzle query is a lazy thenable, run where it is awaited.
    const { queries } = await insideSpan(async () => {
      await db.select().from(products).where(sql`${products.name} = ${'secret customer value'}`);
    });
    expect(queries).toHaveLength(1);
    expect(JSON.stringify(queries[0]!.attributes)).not.toContain('secret customer value');
  });

  it(`truncates statements to ${MAX_STATEMENT_LENGTH} characters`, async () => {
    const columns = Array.from({ length: 60 }, (_, i) => `${i} as c${i}`).join(', ');
    const { queries } = await insideSpan(async () => {
      await db.execute(sql.raw(`select ${columns}`));
    });
    const statement = String(queries[0]!.attributes['db.statement']);
    expect(statement).toHaveLength(MAX_STATEMENT_LENGTH + 1);
    expect(statement.startsWith('select 0 as c0, 1 as c1')).toBe(true);
    expect(statement.endsWith('…')).toBe(true);
  });
});

describe('instrumentDrizzleQueries on postgres.js', () => {
  it('makes a select inside an active span one CLIENT child span db.query', async () => {
    const sqlClient = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
    try {
      const pg = drizzlePostgres(sqlClient);
      const { request, queries } = await insideSpan(async () => {
        await pg.execute(sql`select 1 as one`);
        await pg.select({ name: sql<string>`datname` }).from(sql`pg_database`).limit(1);
      });
      expect(queries.map((q) => q.attributes['db.statement'])).toEqual(['select 1 as one', 'select datname from pg_database limit $1']);
      for (const query of queries) {
        expect(query.kind).toBe(SpanKind.CLIENT);
        expect(query.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
      }
    } finally {
      await sqlClient.end();
    }
  });
});

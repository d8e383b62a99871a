import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scrapeMetrics } from '@shop/testing';
import { tickets, type TicketPriority, type TicketStatus } from '../src/db/schema.js';
import { startHarness, type Harness } from './support/harness.js';

let h: Harness;
let adminToken: string;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'support_queue');
  adminToken = await h.tokenFor(randomUUID(), ['ADMIN']);
});
afterAll(async () => h?.stop());

const QUEUE = `query($first: Int, $after: String, $status: TicketStatus) { supportQueue(first: $first, after: $after, status: $status) {
  totalCount edges { cursor node { subject priority status } } pageInfo { hasNextPage endCursor } } }`;

/** Tickets staged straight in the database: subject, status, priority, minutes ago. */
async function stage(rows: [string, TicketStatus, TicketPriority | null, number][]): Promise<void> {
  const now = Date.now();
  await h.db.insert(tickets).values(
    rows.map(([subject, status, priority, minutesAgo]) => ({
      number: sql`'TKT-' || lpad(nextval('ticket_number_seq')::text, 6, '0')`, orderId: randomUUID(), orderNumber: 'ORD-000001', customerId: randomUUID(),
      subject, status, priority, createdAt: new Date(now - minutesAgo * 60_000),
    })),
  );
}

const subjects = (res: any) => res.data.supportQueue.edges.map((e: any) => e.node.subject);
const ORDER = ['urgent old', 'urgent new', 'high old', 'high new', 'untriaged', 'normal old', 'normal new', 'low old'];

describe('supportQueue', () => {
  beforeAll(async () => {
    await stage([
      ['low old', 'OPEN', 'LOW', 500],
      ['normal new', 'OPEN', 'NORMAL', 10],
      ['normal old', 'IN_PROGRESS', 'NORMAL', 300],
      ['untriaged', 'OPEN', null, 1],
      ['high new', 'OPEN', 'HIGH', 5],
      ['high old', 'IN_PROGRESS', 'HIGH', 200],
      ['urgent new', 'OPEN', 'URGENT', 2],
      ['urgent old', 'OPEN', 'URGENT', 100],
      ['resolved urgent', 'RESOLVED', 'URGENT', 50],
      ['closed urgent', 'CLOSED', 'URGENT', 60],
    ]);
  });

  it('lists what waits on staff (OPEN, IN_PROGRESS): highest priority first, untriaged ranked with HIGH, then the oldest', async () => {
    const res = await h.gql(QUEUE, { first: 20 }, adminToken);
    expect(subjects(res)).toEqual(ORDER);
    expect(res.data.supportQueue.totalCount).toBe(8);
    expect(res.data.supportQueue.pageInfo.hasNextPage).toBe(false);
  });

  it('pages through the same order with cursors, without skipping or repeating', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: any = await h.gql(QUEUE, { first: 3, after }, adminToken);
      seen.push(...subjects(res));
      if (!res.data.supportQueue.pageInfo.hasNextPage) break;
      after = res.data.supportQueue.pageInfo.endCursor;
    }
    expect(seen).toEqual(ORDER);
  });

  it('filters by one status', async () => {
    expect(subjects(await h.gql(QUEUE, { status: 'RESOLVED' }, adminToken))).toEqual(['resolved urgent']);
    expect(subjects(await h.gql(QUEUE, { status: 'IN_PROGRESS' }, adminToken))).toEqual(['high old', 'normal old']);
  });

  it('is for admins only: FORBIDDEN for a customer, UNAUTHENTICATED signed out', async () => {
    expect((await h.gql(QUEUE, {}, await h.tokenFor(randomUUID()))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await h.gql(QUEUE, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('counts the untriaged tickets not CLOSED on /metrics (support_tickets_untriaged)', async () => {
    const metrics = await scrapeMetrics(h.support.url.replace(/\/graphql$/, '/metrics'));
    expect(metrics.value('support_tickets_untriaged')).toBe(1);
  });

  it('refuses a page size over 100 and a cursor that is not its own (BAD_USER_INPUT)', async () => {
    expect((await h.gql(QUEUE, { first: 101 }, adminToken)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await h.gql(QUEUE, { after: 'bm90LWEtY3Vyc29y' }, adminToken)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REORDER_STATUSES } from '../src/contract.js';
import { reorderRequests, reorderStatusHistory, suppliers, type ReorderStatus } from '../src/db/schema.js';
import { canTransition, reorderTransitions } from '../src/domain/transitions.js';
import { ADVANCE, startHarness, type Harness } from './support/harness.js';

let h: Harness;
let adminToken: string;
let replica: Awaited<ReturnType<Harness['startPurchasing']>>;
let supplierId: string;
const sellerId = randomUUID();
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'purchasing_transitions');
  adminToken = await h.tokenFor(randomUUID(), ['ADMIN']);
  replica = await h.startPurchasing();
  [{ id: supplierId }] = await h.db.insert(suppliers).values({ sellerId, name: 'Hilos del Cesar', leadTimeDays: 5 }).returning({ id: suppliers.id }) as [{ id: string }];
});
afterAll(async () => h?.stop());

/** A request staged straight in the database, in the given status. */
async function reorderIn(status: ReorderStatus, quantity = 12): Promise<{ id: string; productId: string; warehouseId: string }> {
  const values = { supplierId, sellerId, productId: randomUUID(), warehouseId: randomUUID(), quantity, status };
  const [row] = await h.db.insert(reorderRequests).values(values).returning({ id: reorderRequests.id });
  return { id: row!.id, ...values };
}
const statusOf = async (id: string) => (await h.db.select({ status: reorderRequests.status }).from(reorderRequests).where(eq(reorderRequests.id, id)))[0]!.status;
const historyOf = (id: string) => h.db.select().from(reorderStatusHistory).where(eq(reorderStatusHistory.reorderId, id));
const receivedOf = async (id: string) => (await h.recorded('reorder.received')).filter((e) => e.aggregateId === id);

describe('the reorder transition table', () => {
  it('is exactly the documented one', () => {
    expect(reorderTransitions).toEqual({ DRAFT: ['SENT', 'CANCELLED'], SENT: ['RECEIVED', 'CANCELLED'], RECEIVED: [], CANCELLED: [] });
  });

  const pairs = REORDER_STATUSES.flatMap((from) => REORDER_STATUSES.map((to) => ({ from, to, outcome: from === to ? 'unchanged' : canTransition(from, to) ? 'moved' : 'refused' })));
  it.each(pairs)('$from -> $to: $outcome', async ({ from, to, outcome }) => {
    const { id, productId, warehouseId } = await reorderIn(from);
    const { errors, reorder } = (await h.gql(ADVANCE, { id, s: to }, adminToken)).data.advanceReorder;
    const received = await receivedOf(id);
    if (outcome === 'refused') {
      expect(reorder).toBeNull();
      expect(errors).toEqual([{ code: 'INVALID_TRANSITION', message: `A reorder request cannot go from ${from} to ${to}.`, field: ['status'] }]);
      expect(await statusOf(id)).toBe(from);
      expect(await historyOf(id)).toEqual([]);
    } else {
      expect(errors).toEqual([]);
      expect(reorder).toEqual({ id, status: to });
      expect(await statusOf(id)).toBe(to);
      expect((await historyOf(id)).map((row) => [row.fromStatus, row.toStatus])).toEqual(outcome === 'moved' ? [[from, to]] : []);
    }
    // Only the move into RECEIVED restocks; a repeat of RECEIVED (staged already received) publishes nothing.
    expect(received).toEqual(outcome === 'moved' && to === 'RECEIVED' ? [{ aggregateId: id, payload: { reorderId: id, productId, warehouseId, quantity: 12, sellerId } }] : []);
  });
});

describe('receiving', () => {
  it('repeated RECEIVED answers the request unchanged and publishes reorder.received once', async () => {
    const { id } = await reorderIn('SENT');
    for (let i = 0; i < 3; i++) expect((await h.gql(ADVANCE, { id, s: 'RECEIVED' }, adminToken)).data.advanceReorder).toEqual({ reorder: { id, status: 'RECEIVED' }, errors: [] });
    expect(await receivedOf(id)).toHaveLength(1);
    expect(await historyOf(id)).toHaveLength(1);
  });

  it('RECEIVED raced 5 times on each of two replicas: every call answers RECEIVED, one history row, one reorder.received', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => reorderIn('SENT')));
    const results = await Promise.all(ids.flatMap(({ id }) => Array.from({ length: 10 }, (_, i) => h.gql(ADVANCE, { id, s: 'RECEIVED' }, adminToken, i % 2 ? replica : h.purchasing))));
    for (const result of results) expect(result.data.advanceReorder.errors).toEqual([]);
    for (const { id } of ids) {
      expect(await statusOf(id)).toBe('RECEIVED');
      expect(await historyOf(id)).toHaveLength(1);
      expect(await receivedOf(id)).toHaveLength(1);
    }
  });

  it('RECEIVED racing CANCELLED: one of them wins, the other is INVALID_TRANSITION, and reorder.received exists only if RECEIVED won', async () => {
    const { id } = await reorderIn('SENT');
    const [a, b] = await Promise.all([h.gql(ADVANCE, { id, s: 'RECEIVED' }, adminToken), h.gql(ADVANCE, { id, s: 'CANCELLED' }, adminToken, replica)]);
    const outcomes = [a, b].map((r) => r.data.advanceReorder);
    expect(outcomes.filter((o) => o.errors.length === 0)).toHaveLength(1);
    expect(outcomes.flatMap((o) => o.errors.map((e: { code: string }) => e.code))).toEqual(['INVALID_TRANSITION']);
    const final = await statusOf(id);
    expect(await receivedOf(id)).toHaveLength(final === 'RECEIVED' ? 1 : 0);
  });
});

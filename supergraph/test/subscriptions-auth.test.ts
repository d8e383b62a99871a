import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { ADMIN, collect, CUSTOMER, ORDER, OTHER_CUSTOMER, PRODUCT, SELLER, sleep, startLiveGraph, until, wsClient, type LiveGraph } from './subscriptions.fixtures.js';

let graph: LiveGraph;

beforeAll(async () => {
  graph = await startLiveGraph();
}, 60_000);

afterAll(async () => {
  await graph?.stop();
});

const ORDER_STATUS = `subscription($id: ID!) { orderStatusChanged(orderId: $id) { id status } }`;
const AVAILABLE = `subscription($ids: [ID!]) { stockChanged(productIds: $ids) { available } }`;
const closeCode = (error: unknown) => (error as { code?: number } | undefined)?.code;

describe('subscription authorization', () => {
  it('refuses a forged token with 4401 and opens nothing upstream', async () => {
    const otherKeys = await generateKeyPairPem();
    const forger = await createTokenIssuer(otherKeys.privateKeyPem, otherKeys.publicKeyPem);
    const forged = wsClient(graph.wsUrl, await forger.issue(ADMIN));
    const garbage = wsClient(graph.wsUrl, 'not-a-jwt');
    const subs = [collect(forged, ORDER_STATUS, { id: ORDER.id }), collect(garbage, AVAILABLE, { ids: [PRODUCT.id] })];
    await Promise.all(subs.map((s) => s.ended()));
    expect(subs.map((s) => closeCode(s.error))).toEqual([4401, 4401]);
    expect(subs.every((s) => s.results.length === 0)).toBe(true);
    expect(graph.subgraphs.ordering.liveStats()).toEqual({ connections: 0, subscriptions: 0 });
    await Promise.all([forged.dispose(), garbage.dispose()]);
  });

  it("only the order's customer or an admin gets its status; another customer's FORBIDDEN reaches only that client", async () => {
    const owner = wsClient(graph.wsUrl, await graph.token(CUSTOMER));
    const admin = wsClient(graph.wsUrl, await graph.token(ADMIN));
    const stranger = wsClient(graph.wsUrl, await graph.token(OTHER_CUSTOMER));
    const anonymous = wsClient(graph.wsUrl);
    const mine = collect(owner, ORDER_STATUS, { id: ORDER.id });
    const audited = collect(admin, ORDER_STATUS, { id: ORDER.id });
    const snooped = collect(stranger, ORDER_STATUS, { id: ORDER.id });
    const nobody = collect(anonymous, ORDER_STATUS, { id: ORDER.id });

    await Promise.all([snooped.ended(), nobody.ended()]);
    expect(snooped.results).toHaveLength(1);
    expect(snooped.results[0]!.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(snooped.completed).toBe(true);
    expect(nobody.results[0]!.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await until(() => graph.subgraphs.ordering.liveStats().subscriptions === 2, "the owner's and the admin's upstream subscriptions");
    await graph.publishOrderStatus('PAID');
    await Promise.all([mine.received(1), audited.received(1)]);
    expect(mine.results).toEqual([{ data: { orderStatusChanged: { id: ORDER.id, status: 'PAID' } } }]);
    expect(audited.results).toEqual([{ data: { orderStatusChanged: { id: ORDER.id, status: 'PAID' } } }]);
    expect(mine.error).toBeUndefined();
    expect(snooped.results).toHaveLength(1);
    await Promise.all([owner, admin, stranger, anonymous].map((c) => c.dispose()));
    await until(() => graph.subgraphs.ordering.liveStats().connections === 0, 'release');
  });

  it('identical subscriptions share upstream only within one authorization scope', async () => {
    const sellerToken = await graph.token({ id: SELLER.id, roles: ['SELLER'] });
    const customerToken = await graph.token(CUSTOMER);
    const clients = [wsClient(graph.wsUrl, sellerToken), wsClient(graph.wsUrl, sellerToken), wsClient(graph.wsUrl, customerToken), wsClient(graph.wsUrl), wsClient(graph.wsUrl)];
    const subs = clients.map((c) => collect(c, AVAILABLE, { ids: [PRODUCT.id] }));
    // seller x2 share, customer alone, anonymous x2 share: three scopes.
    await until(() => graph.gateway.subscriptions.stats().clients === 5 && graph.subgraphs.stock.liveStats().subscriptions === 3, 'three upstream subscriptions');
    expect(graph.subgraphs.stock.liveStats()).toEqual({ connections: 3, subscriptions: 3 });
    await graph.publishStock(PRODUCT.id, 11);
    await Promise.all(subs.map((s) => s.received(1)));
    expect(subs.map((s) => s.results[0]!.data?.stockChanged.available)).toEqual([11, 11, 11, 11, 11]);
    await Promise.all(clients.map((c) => c.dispose()));
    await until(() => graph.subgraphs.stock.liveStats().connections === 0, 'release');
  });

  it('an expired token ends the subscription and releases it upstream', async () => {
    const shortLived = await createTokenIssuer(graph.keys.privateKeyPem, graph.keys.publicKeyPem, 2);
    const client = wsClient(graph.wsUrl, await shortLived.issue(CUSTOMER));
    const sub = collect(client, ORDER_STATUS, { id: ORDER.id });
    await until(() => graph.subgraphs.ordering.liveStats().subscriptions === 1, 'the upstream subscription');
    await graph.publishOrderStatus('AWAITING_PAYMENT');
    await sub.received(1);

    await sub.ended(5000);
    expect(closeCode(sub.error)).toBe(4401);
    await until(() => graph.subgraphs.ordering.liveStats().subscriptions === 0, 'the upstream subscription to be released');
    await graph.publishOrderStatus('PAID');
    await sleep(100);
    expect(sub.results).toHaveLength(1);
    await client.dispose();
  }, 15_000);
});

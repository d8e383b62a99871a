import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import type { DomainEvent } from '@shop/events';
import { stockBackInStock } from '@shop/inventory/contract';
import { reorderSuggested } from '@shop/purchasing/contract';
import { favoriteAdded, favoriteRemoved } from '@shop/users/contract';
import { emailDeliveries, notifications, productWatchers } from '../src/db/schema.js';
import { startHarness, queries, type Harness } from './support/harness.js';
import { product, seller } from './support/events.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'notif_fav');
});
afterAll(async () => h?.stop());

/** A favourite event as users records it, made at `at` (default now). */
const favourite = (type: 'added' | 'removed', userId: string, productId: string, at?: Date): DomainEvent => {
  const event = (type === 'added' ? favoriteAdded : favoriteRemoved).create({ userId, productId });
  return at ? { ...event, occurredAt: at.toISOString() } : event;
};
const backInStock = (productId = product.id, available = 3) => stockBackInStock.create({ productId, sellerId: seller.id, available });

const watching = async (productId: string) =>
  (await h.db.select({ userId: productWatchers.userId }).from(productWatchers).where(and(eq(productWatchers.productId, productId), eq(productWatchers.watching, true)))).map((r) => r.userId).sort();
const backInStockRows = (userIds: string[]) => h.db.select().from(notifications).where(and(eq(notifications.kind, 'BACK_IN_STOCK'), inArray(notifications.userId, userIds)));

describe("users' favourites become a product's watchers", () => {
  it('adds and removes watchers; a change delivered late never undoes a newer one', async () => {
    const productId = randomUUID();
    const [ana, beto, caro] = [randomUUID(), randomUUID(), randomUUID()];
    await h.deliver(favourite('added', ana, productId));
    await h.deliver(favourite('added', beto, productId));
    await h.deliver(favourite('removed', beto, productId));
    expect(await watching(productId)).toEqual([ana]);
    // Caro added then removed it, but the removal arrives first (a redelivery after a failure): she is not watching.
    const t = Date.now();
    await h.deliver(favourite('removed', caro, productId, new Date(t)));
    await h.deliver(favourite('added', caro, productId, new Date(t - 1000)));
    // Beto added it again later: watching.
    await h.deliver(favourite('added', beto, productId, new Date(t + 1000)));
    expect(await watching(productId)).toEqual([ana, beto].sort());
  });
});

describe('stock.back_in_stock', () => {
  it("tells every watcher, by the product's name, with a link to it and an e-mail; not who removed it, nor a redelivery twice", async () => {
    const [ana, beto, caro] = [randomUUID(), randomUUID(), randomUUID()];
    for (const userId of [ana, beto, caro]) await h.deliver(favourite('added', userId, product.id));
    await h.deliver(favourite('removed', caro, product.id));
    const event = backInStock();
    await h.deliver(event);
    await h.deliver(structuredClone(event));
    await Promise.all([h.deliver(structuredClone(event)), h.deliver(structuredClone(event))]);

    const rows = await backInStockRows([ana, beto, caro]);
    expect(rows.map((r) => r.userId).sort()).toEqual([ana, beto].sort());
    expect(rows[0]).toMatchObject({
      title: `De nuevo disponible: ${product.name}`,
      body: `“${product.name}”, uno de tus favoritos, volvió a tener existencias. Hay 3 unidades disponibles.`,
      link: `/products/${product.id}`,
    });
    // BACK_IN_STOCK is e-mailed unless the user turned it off.
    const deliveries = await h.db.select().from(emailDeliveries).where(inArray(emailDeliveries.notificationId, rows.map((r) => r.id)));
    expect(deliveries).toHaveLength(2);
  });

  it('a product nobody watches tells nobody; a user who turned BACK_IN_STOCK e-mail off gets the feed entry only', async () => {
    const before = await h.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.kind, 'BACK_IN_STOCK'));
    await h.deliver(backInStock(randomUUID()));
    expect(await h.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.kind, 'BACK_IN_STOCK'))).toHaveLength(before.length);

    const quiet = randomUUID();
    const off = await fetch(h.notifications.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await h.tokenFor(quiet)}` },
      body: JSON.stringify({ query: queries.setPreference, variables: { kind: 'BACK_IN_STOCK', email: false } }),
    }).then((r) => r.json());
    expect(off.data.setNotificationPreference.preferences).toContainEqual({ kind: 'BACK_IN_STOCK', email: false });
    const productId = demo.products[4]!.id;
    await h.deliver(favourite('added', quiet, productId));
    await h.deliver(backInStock(productId, 1));
    const [row] = await backInStockRows([quiet]);
    expect(row!.body).toContain('Queda 1 unidad disponible.');
    expect(await h.db.select().from(emailDeliveries).where(eq(emailDeliveries.notificationId, row!.id))).toEqual([]);
  });

  it('reaches the watcher live through notificationAdded', async () => {
    const watcher = randomUUID();
    const productId = demo.products[5]!.id;
    await h.deliver(favourite('added', watcher, productId));
    const received: any[] = [];
    h.wsClient(await h.tokenFor(watcher)).subscribe({ query: queries.added }, { next: (r) => void received.push(r), error: (e) => void received.push({ error: e }), complete: () => undefined });
    await vi.waitFor(() => expect(h.notifications.liveStats().subscriptions).toBeGreaterThanOrEqual(1), { timeout: 5000 });
    await h.deliver(backInStock(productId));
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 5000 });
    expect(received[0].data.notificationAdded).toMatchObject({ kind: 'BACK_IN_STOCK', title: `De nuevo disponible: ${demo.products[5]!.name}`, link: `/products/${productId}`, read: false });
  });
});

describe('reorder.suggested', () => {
  it('tells the seller once, with the quantity drafted, by e-mail', async () => {
    const event = reorderSuggested.create({ reorderId: randomUUID(), productId: product.id, sellerId: seller.id, supplierId: randomUUID(), quantity: 1500 });
    await h.deliver(event);
    await h.deliver(structuredClone(event));
    const rows = await h.db.select().from(notifications).where(and(eq(notifications.kind, 'REORDER_SUGGESTED'), eq(notifications.userId, seller.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      title: `Reposición sugerida: ${product.name}`,
      body: `Quedan pocas existencias de “${product.name}”. Preparamos un borrador de pedido de 1.500 unidades a su proveedor: revísalo y envíalo.`,
      link: `/seller/products/${product.id}`,
    });
    expect(await h.db.select().from(emailDeliveries).where(eq(emailDeliveries.notificationId, rows[0]!.id))).toHaveLength(1);
  });
});

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { emailDeliveries, notifications } from '../src/db/schema.js';
import { startHarness, queries, type Harness } from './support/harness.js';
import { failedPayment, lowStock, orderChange, seller, soldOut } from './support/events.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'notif_mail');
});
afterAll(async () => h?.stop());

const deliveryOf = async (title: string) => {
  const [row] = await h.db.select({ delivery: emailDeliveries }).from(notifications).leftJoin(emailDeliveries, eq(emailDeliveries.notificationId, notifications.id)).where(eq(notifications.title, title));
  if (!row) throw new Error(`no notification "${title}"`);
  return row.delivery;
};
/** The e-mail in the developer mailbox whose subject contains text, parsed as a mail client would. */
const emlAbout = async (text: string): Promise<ParsedMail | undefined> => {
  const files = await readdir(h.mailDir).catch(() => [] as string[]);
  for (const file of files.filter((f) => f.endsWith('.eml'))) {
    const mail = await simpleParser(await readFile(join(h.mailDir, file)));
    if (mail.subject?.includes(text)) return mail;
  }
  return undefined;
};

describe('e-mail without SMTP: .eml files under DATA_DIR/mail', () => {
  it("writes the customer's e-mail with the title, the body and the storefront link, and marks it sent", async () => {
    const orderId = randomUUID();
    await h.deliver(orderChange(demo.customer.id, 'AWAITING_PAYMENT', 'PAID', { orderId, number: 'ORD-000321' }));
    await vi.waitFor(async () => expect((await deliveryOf('Tu pedido ORD-000321 está pagado'))?.sentAt).toBeInstanceOf(Date), { timeout: 5000 });
    const mail = await emlAbout('ORD-000321');
    expect(mail?.subject).toBe('Tu pedido ORD-000321 está pagado');
    expect(mail?.to).toMatchObject({ text: 'cliente@artesanias.test' });
    expect(mail?.from).toMatchObject({ value: [{ name: 'Artesanías', address: 'no-reply@artesanias.test' }] });
    expect(mail?.html).toBe(false);
    expect(mail?.text).toContain('Hola, Camila Rojas:');
    expect(mail?.text).toContain('Recibimos tu pago de $ 249.900,50.');
    expect(mail?.text).toContain(`Ver detalles: http://localhost:5173/orders/${orderId}`);
    expect(mail?.text).toContain('puedes desactivarlos en tu perfil: http://localhost:5173/profile');
    expect(await deliveryOf('Tu pedido ORD-000321 está pagado')).toMatchObject({ attempts: 1, lastError: null, skippedAt: null });
  });

  it("a failed payment's e-mail says nothing of the card or the provider's message", async () => {
    await h.deliver(failedPayment(demo.customer.id));
    await vi.waitFor(async () => expect(await emlAbout('Tu pago no se pudo completar')).toBeDefined(), { timeout: 5000 });
    const mail = (await emlAbout('Tu pago no se pudo completar'))!;
    expect(mail.text).toContain('Tu pago de $ 249.900,50 no se pudo completar.');
    expect(`${mail.subject} ${mail.text}`).not.toMatch(/4111|tok_secret|declined|token/i);
  });

  it('an account that does not exist gets no e-mail: the delivery is skipped, the notification stays', async () => {
    await h.deliver(orderChange(randomUUID(), 'AWAITING_PAYMENT', 'PAID', { number: 'ORD-000999' }));
    await vi.waitFor(async () => expect((await deliveryOf('Tu pedido ORD-000999 está pagado'))?.skippedAt).toBeInstanceOf(Date), { timeout: 5000 });
    expect((await deliveryOf('Tu pedido ORD-000999 está pagado'))?.sentAt).toBeNull();
  });
});

describe('preferences', () => {
  it('lists every kind with its default: e-mail on for all but LOW_STOCK', async () => {
    const user = randomUUID();
    const res = await graphqlRequest(h.notifications.url, queries.preferences, { id: user }, await h.tokenFor(user));
    const prefs = res.data._entities[0].notificationPreferences;
    expect(prefs).toHaveLength(13);
    expect(prefs.filter((p: any) => !p.email)).toEqual([{ kind: 'LOW_STOCK', email: false }]);
    expect(prefs).toEqual(expect.arrayContaining([{ kind: 'BACK_IN_STOCK', email: true }, { kind: 'REORDER_SUGGESTED', email: true }]));
  });

  it('a seller gets SOLD_OUT by e-mail and LOW_STOCK in the feed only, unless they turn it on', async () => {
    await h.deliver(lowStock());
    await h.deliver(soldOut());
    const rows = (await h.db.select({ kind: notifications.kind, delivery: emailDeliveries.notificationId }).from(notifications).leftJoin(emailDeliveries, eq(emailDeliveries.notificationId, notifications.id)).where(eq(notifications.userId, seller.id)));
    expect(rows.map((r) => [r.kind, r.delivery !== null])).toEqual(expect.arrayContaining([['LOW_STOCK', false], ['SOLD_OUT', true]]));

    const token = await h.tokenFor(seller.id, ['SELLER', 'CUSTOMER']);
    const on = await graphqlRequest(h.notifications.url, queries.setPreference, { kind: 'LOW_STOCK', email: true }, token);
    expect(on.data.setNotificationPreference.errors).toEqual([]);
    expect(on.data.setNotificationPreference.preferences).toContainEqual({ kind: 'LOW_STOCK', email: true });
    await h.deliver(lowStock());
    const lows = await h.db.select({ delivery: emailDeliveries.notificationId }).from(notifications).leftJoin(emailDeliveries, eq(emailDeliveries.notificationId, notifications.id)).where(eq(notifications.userId, seller.id));
    expect(lows.filter((r) => r.delivery !== null)).toHaveLength(2);
  });

  it('turning e-mail off for a kind stops its e-mails (the feed still gets them), for that user and kind only', async () => {
    const user = randomUUID();
    const token = await h.tokenFor(user);
    const off = await graphqlRequest(h.notifications.url, queries.setPreference, { kind: 'ORDER_SHIPPED', email: false }, token);
    expect(off.data.setNotificationPreference.preferences).toContainEqual({ kind: 'ORDER_SHIPPED', email: false });
    await h.deliver(orderChange(user, 'PAID', 'SHIPPED', { number: 'ORD-000501' }));
    await h.deliver(orderChange(user, 'SHIPPED', 'DELIVERED', { number: 'ORD-000501' }));
    expect(await deliveryOf('Tu pedido ORD-000501 fue enviado')).toBeNull();
    expect(await deliveryOf('Tu pedido ORD-000501 fue entregado')).not.toBeNull();
    // Someone else's ORDER_SHIPPED is still e-mailed.
    await h.deliver(orderChange(randomUUID(), 'PAID', 'SHIPPED', { number: 'ORD-000502' }));
    expect(await deliveryOf('Tu pedido ORD-000502 fue enviado')).not.toBeNull();
    // Read back, and on again.
    const read = await graphqlRequest(h.notifications.url, queries.preferences, { id: user }, token);
    expect(read.data._entities[0].notificationPreferences).toContainEqual({ kind: 'ORDER_SHIPPED', email: false });
    await graphqlRequest(h.notifications.url, queries.setPreference, { kind: 'ORDER_SHIPPED', email: true }, token);
    await h.deliver(orderChange(user, 'PAID', 'SHIPPED', { number: 'ORD-000503' }));
    expect(await deliveryOf('Tu pedido ORD-000503 fue enviado')).not.toBeNull();
  });

  it('an unknown kind is BAD_USER_INPUT and signed out is UNAUTHENTICATED', async () => {
    const user = randomUUID();
    const bad = await graphqlRequest(h.notifications.url, queries.setPreference, { kind: 'NEWSLETTER', email: true }, await h.tokenFor(user));
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await graphqlRequest(h.notifications.url, queries.setPreference, { kind: 'ORDER_PAID', email: false });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

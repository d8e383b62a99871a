import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { emailDeliveries, notifications } from '../src/db/schema.js';
import { startHarness, type Harness } from './support/harness.js';
import { orderChange } from './support/events.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';

let h: Harness;
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
  h = await startHarness(inject('databaseUrl'), 'notif_smtp', { SMTP_URL: smtp.url });
});
afterAll(async () => {
  await h?.stop();
  await smtp?.stop();
});

const deliveryOf = async (title: string) => {
  const [row] = await h.db.select({ delivery: emailDeliveries }).from(notifications).innerJoin(emailDeliveries, eq(emailDeliveries.notificationId, notifications.id)).where(eq(notifications.title, title));
  return row?.delivery;
};

describe('e-mail through SMTP', () => {
  it('a mail server that refuses blocks no notification, and the e-mail is retried until it is accepted, once', async () => {
    smtp.refuseNext(2);
    const orderId = randomUUID();
    await h.deliver(orderChange(demo.customer.id, 'AWAITING_PAYMENT', 'PAID', { orderId, number: 'ORD-000640' }));
    // The feed has it at once, whatever the mail server does.
    expect(await h.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.title, 'Tu pedido ORD-000640 está pagado'))).toHaveLength(1);

    await vi.waitFor(async () => expect((await deliveryOf('Tu pedido ORD-000640 está pagado'))?.attempts).toBeGreaterThanOrEqual(1), { timeout: 5000 });
    const failing = await deliveryOf('Tu pedido ORD-000640 está pagado');
    expect(failing).toMatchObject({ sentAt: null });
    expect(failing?.lastError).toMatch(/451|Try again later/);

    await vi.waitFor(async () => expect((await deliveryOf('Tu pedido ORD-000640 está pagado'))?.sentAt).toBeInstanceOf(Date), { timeout: 10_000 });
    expect(await deliveryOf('Tu pedido ORD-000640 está pagado')).toMatchObject({ attempts: 3, lastError: null });
    expect(smtp.refused).toBe(2);
    const mails = smtp.accepted.filter((m) => m.subject === 'Tu pedido ORD-000640 está pagado');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toMatchObject({ text: 'cliente@artesanias.test' });
    expect(mails[0]!.text).toContain(`/orders/${orderId}`);
  });

  it('the mail server being down altogether leaves e-mails waiting, and they go once it is back', async () => {
    const port = Number(new URL(smtp.url).port);
    await smtp.stop();
    await h.deliver(orderChange(demo.customer.id, 'PAID', 'SHIPPED', { number: 'ORD-000641' }));
    await vi.waitFor(async () => expect((await deliveryOf('Tu pedido ORD-000641 fue enviado'))?.attempts).toBeGreaterThanOrEqual(1), { timeout: 5000 });
    expect((await deliveryOf('Tu pedido ORD-000641 fue enviado'))?.sentAt).toBeNull();
    expect((await deliveryOf('Tu pedido ORD-000641 fue enviado'))?.lastError).toMatch(/ECONNREFUSED|connect/i);

    smtp = await startSmtpServer(port);
    await vi.waitFor(async () => expect((await deliveryOf('Tu pedido ORD-000641 fue enviado'))?.sentAt).toBeInstanceOf(Date), { timeout: 15_000 });
    expect(smtp.accepted.map((m) => m.subject)).toEqual(['Tu pedido ORD-000641 fue enviado']);
  });
});

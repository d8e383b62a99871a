import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demo } from '@shop/demo-store';
import { watchErrors } from './support/browser';
import { poll, storefrontSession } from './support/session';
import { a11yTracker } from './support/a11y';

const session = storefrontSession();
const { url } = session;
let adminToken: string;

beforeAll(async () => {
  adminToken = await session.shop.login(demo.admin.email, demo.admin.password);
});

/** A new customer with an order of one unit of a fresh product (through the API), paid with 4242… when asked. */
async function customerWithOrder(label: string, pay: boolean) {
  const product = await session.shop.productWithStock(label, 3);
  const customer = await session.shop.registerCustomer(label);
  const placed = await session.shop.call(
    `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number } errors { code message } } }`,
    { input: { idempotencyKey: `${label}-${product.id}`, lines: [{ productId: product.id, quantity: 1 }] } },
    customer.token,
  );
  const order = placed.placeOrder.order as { id: string; number: string };
  expect(order, JSON.stringify(placed.placeOrder.errors)).toBeTruthy();
  if (pay) {
    const paid = await session.shop.call(
      `mutation($input: PayOrderInput!) { payOrder(input: $input) { payment { id } errors { code message } } }`,
      { input: { orderId: order.id, method: 'CARD', idempotencyKey: `pay-${order.id}`, card: { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2035, cvc: '123' } } },
      customer.token,
    );
    expect(paid.payOrder.errors).toEqual([]);
    await poll(async () => (await session.shop.call(`query($id: ID!) { order(id: $id) { status } }`, { id: order.id }, customer.token)).order.status).toBe('PAID');
  }
  return { customer, order, product };
}

const unread = (page: Page) => page.getByTestId('notification-bell').getAttribute('data-unread');
/** Marks the document, so a test can prove that what it sees next arrived without a reload. */
const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

describe('notifications and support tickets in a real browser against npm start', { timeout: 180_000 }, () => {
  it("raises the bell's unread count live when the order is paid, lists the feed, marks read, and keeps e-mail preferences", async () => {
    const { customer, order } = await customerWithOrder('campana', false);
    const page = await session.newPage(customer.token);
    const errors = watchErrors(page);
    const a11y = a11yTracker(page);

    // Placing the order notified the customer (ORDER_PLACED).
    await page.goto(url(`/orders/${order.id}`));
    await page.getByRole('heading', { level: 1, name: `Pedido ${order.number}` }).waitFor();
    await poll(() => unread(page)).toBe('1');
    expect(await page.getByTestId('notification-bell').getAttribute('aria-label')).toBe('Notificaciones: 1 notificación sin leer');
    await markDocument(page);

    // Paid through the page: the bell counts ORDER_PAID as it arrives, without a reload, and says so to screen readers.
    await page.getByLabel('Número de tarjeta').fill('4242 4242 4242 4242');
    await page.getByLabel('CVC').fill('123');
    await page.getByRole('button', { name: 'Pagar' }).click();
    await page.getByTestId('order-status').and(page.locator('[data-status="PAID"]')).waitFor();
    await poll(() => unread(page)).toBe('2');
    await poll(() => page.getByTestId('notification-announcement').textContent()).toBe('Tienes 2 notificaciones sin leer.');
    expect(await sameDocument(page)).toBe(true);
    await a11y.check('bell-order-paid');

    // The feed, newest first; the keyboard reaches the bell from the header.
    await page.getByTestId('notification-bell').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Notificaciones' }).waitFor();
    const entries = page.getByTestId('notification');
    await poll(() => entries.evaluateAll((nodes) => nodes.map((n) => `${(n as HTMLElement).dataset.kind}:${(n as HTMLElement).dataset.read}`))).toEqual(['ORDER_PAID:false', 'ORDER_PLACED:false']);
    await page.getByText('Pedido pagado').waitFor();
    // The service writes in Spanish, so nothing in the entry is marked as another language.
    expect(await entries.first().locator('.notification-title').textContent()).toBe(`Tu pedido ${order.number} está pagado`);
    expect(await entries.first().locator('[lang]').count()).toBe(0);
    await a11y.check('notifications');

    // One read: that entry and the bell change; then all.
    await entries.last().getByRole('button', { name: 'Marcar como leída' }).click();
    await poll(() => entries.last().getAttribute('data-read')).toBe('true');
    await poll(() => unread(page)).toBe('1');
    await page.getByRole('button', { name: 'Marcar todas como leídas' }).click();
    await poll(() => unread(page)).toBe('0');
    await poll(() => entries.evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.read))).toEqual(['true', 'true']);
    expect(await page.getByTestId('notification-bell').getAttribute('aria-label')).toBe('Notificaciones');
    await a11y.check('notifications-read');

    // Its link leads to the order.
    await entries.first().getByRole('link', { name: 'Ver detalles' }).click();
    await page.getByRole('heading', { level: 1, name: `Pedido ${order.number}` }).waitFor();

    // E-mail preferences per kind: a change is saved and survives a reload; stock kinds are for sellers only.
    await page.goto(url('/profile'));
    await page.getByRole('heading', { level: 1, name: 'Mi cuenta' }).waitFor();
    const shipped = page.getByRole('checkbox', { name: 'Pedido enviado' });
    expect(await shipped.isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Pocas existencias' }).count()).toBe(0);
    await a11y.check('profile');
    await shipped.uncheck();
    await page.getByText('Preferencias guardadas.').waitFor();
    expect(await shipped.isChecked()).toBe(false);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mi cuenta' }).waitFor();
    await poll(() => page.getByRole('checkbox', { name: 'Pedido enviado' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Pedido pagado' }).isChecked()).toBe(true);

    expect(a11y.unchecked()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('opens a ticket from the order page; the admin finds it in the queue and replies; the customer sees the reply live', async () => {
    const { customer, order } = await customerWithOrder('ticket', true);
    const page = await session.newPage(customer.token);
    const errors = watchErrors(page);
    const a11y = a11yTracker(page);

    await page.goto(url(`/orders/${order.id}`));
    await page.getByRole('heading', { level: 1, name: `Pedido ${order.number}` }).waitFor();
    const help = page.getByRole('button', { name: 'Ayuda con este pedido' });
    expect(await help.getAttribute('aria-expanded')).toBe('false');
    await help.click();
    expect(await help.getAttribute('aria-expanded')).toBe('true');
    await a11y.check('order-help');

    // A subject of blanks passes the browser's length check; the API refuses it by code, in Spanish here.
    await page.getByLabel('Asunto').fill('    ');
    await page.getByLabel('Mensaje').fill('No ha llegado mi pedido.');
    await page.getByRole('button', { name: 'Abrir ticket' }).click();
    await page.locator('[data-code="INVALID_INPUT"]').filter({ hasText: 'Revisa el asunto: de 3 a 120 caracteres.' }).waitFor();
    await a11y.check('order-help-invalid');

    const subject = `No llega el pedido ${order.number}`;
    await page.getByLabel('Asunto').fill(subject);
    await page.getByRole('button', { name: 'Abrir ticket' }).click();
    await page.waitForURL(/\/support\/tickets\/[0-9a-f-]{36}$/);
    const heading = page.getByRole('heading', { level: 1, name: /^Ticket TKT-\d{6}$/ });
    await heading.waitFor();
    const number = (await heading.textContent())!.replace('Ticket ', '');
    await page.getByText(subject).waitFor();
    const messages = page.getByTestId('ticket-message');
    expect(await messages.count()).toBe(1);
    expect(await messages.first().getByText('No ha llegado mi pedido.').count()).toBe(1);
    expect(await page.getByTestId('ticket-status').getAttribute('data-status')).toBe('OPEN');
    await page.locator('.live-dot.on').waitFor();
    await a11y.check('ticket-customer');
    await markDocument(page);

    // The admin's queue has it; the admin opens it and answers.
    const admin = await session.newPage(adminToken);
    const adminErrors = watchErrors(admin);
    const adminA11y = a11yTracker(admin);
    await admin.goto(url('/admin/tickets'));
    await admin.getByRole('heading', { level: 1, name: 'Tickets de soporte' }).waitFor();
    const row = admin.getByTestId('admin-ticket-row').filter({ hasText: number });
    await row.waitFor();
    expect(await row.locator('td[data-label="Cliente"]').textContent()).toBe(customer.name);
    expect(await row.locator('td[data-label="Pedido"]').textContent()).toBe(order.number);
    await adminA11y.check('admin-tickets');
    await row.getByRole('link', { name: number }).click();
    await admin.getByRole('heading', { level: 1, name: `Ticket ${number}` }).waitFor();
    await admin.getByText(customer.email).waitFor();
    await adminA11y.check('admin-ticket');
    const reply = 'Hola, ya revisamos tu pedido: sale mañana.';
    await admin.getByLabel('Respuesta al cliente').fill(reply);
    await admin.getByRole('button', { name: 'Enviar respuesta' }).click();
    await poll(() => admin.getByTestId('ticket-message').count()).toBe(2);
    await poll(() => admin.getByTestId('ticket-status').getAttribute('data-status')).toBe('IN_PROGRESS');

    // The customer's page shows the answer and the new status as they happen (ticketUpdated), without a reload.
    await poll(() => messages.count()).toBe(2);
    expect(await messages.last().getAttribute('data-by-staff')).toBe('true');
    expect(await messages.last().getByText(reply).count()).toBe(1);
    await poll(() => page.getByTestId('ticket-status').getAttribute('data-status')).toBe('IN_PROGRESS');
    expect(await sameDocument(page)).toBe(true);
    await a11y.check('ticket-customer-answered');

    // The admin resolves it; the customer sees that live too, then closes it: no more replies.
    await admin.getByRole('button', { name: 'Marcar resuelto' }).click();
    await poll(() => page.getByTestId('ticket-status').getAttribute('data-status')).toBe('RESOLVED');
    await adminA11y.check('admin-ticket-resolved');
    await page.getByRole('button', { name: 'Cerrar ticket' }).click();
    await poll(() => page.getByTestId('ticket-status').getAttribute('data-status')).toBe('CLOSED');
    expect(await page.getByRole('button', { name: 'Enviar respuesta' }).count()).toBe(0);
    await poll(() => admin.getByTestId('ticket-status').getAttribute('data-status')).toBe('CLOSED');

    // The customer's lists: the order's tickets and "Mis tickets".
    await page.goto(url(`/orders/${order.id}`));
    await page.getByTestId('order-ticket').filter({ hasText: number }).getByTestId('ticket-status').and(page.locator('[data-status="CLOSED"]')).waitFor();
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Mis tickets' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mis tickets' }).waitFor();
    await page.getByTestId('my-ticket-row').filter({ hasText: number }).waitFor();
    await a11y.check('my-tickets');

    // The closed one is in the queue's "Cerrado" filter.
    await admin.getByRole('navigation', { name: 'Administración' }).getByRole('link', { name: 'Tickets' }).click();
    await admin.getByLabel('Estado').selectOption('CLOSED');
    await admin.waitForURL(/status=CLOSED/);
    await admin.getByTestId('admin-ticket-row').filter({ hasText: number }).waitFor();
    await adminA11y.check('admin-tickets-closed');

    expect(a11y.unchecked()).toEqual([]);
    expect(adminA11y.unchecked()).toEqual([]);
    expect(errors).toEqual([]);
    expect(adminErrors).toEqual([]);
  });

  it("shows a seller their product's low-stock threshold and saves a new one", async () => {
    const product = await session.shop.productWithStock('umbral', 8);
    const seller = demo.sellers[0]!;
    const page = await session.newPage(await session.shop.login(seller.email, seller.password));
    const errors = watchErrors(page);
    const a11y = a11yTracker(page);
    await page.goto(url(`/seller/products/${product.id}`));
    await page.getByRole('heading', { level: 1, name: product.name }).waitFor();
    const threshold = page.getByTestId('low-stock-threshold');
    expect(await threshold.getAttribute('data-threshold')).toBe('5');
    await page.getByLabel('Umbral').fill('10');
    await page.getByRole('button', { name: 'Guardar umbral' }).click();
    await page.getByText('Umbral guardado.').waitFor();
    await poll(() => threshold.getAttribute('data-threshold')).toBe('10');
    await poll(() => threshold.textContent()).toContain('(ahora mismo hay pocas)');
    await a11y.check('seller-threshold');
    await page.getByLabel('Umbral').fill('-1');
    await page.getByRole('button', { name: 'Guardar umbral' }).click();
    // The browser refuses it before the API would (min 0).
    expect(await page.getByLabel('Umbral').evaluate((input) => (input as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
    await page.reload();
    await poll(() => page.getByTestId('low-stock-threshold').getAttribute('data-threshold')).toBe('10');
    expect(a11y.unchecked()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

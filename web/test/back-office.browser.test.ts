import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
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

/** The admin's browser, phone-sized (the a11y checks also look at it at desktop width). */
const adminPage = () => session.newPage(adminToken);

/** A new shopper's order of one unit of a fresh product, through the API; paid with 4242… when asked. */
async function placeOrder(label: string, pay: boolean): Promise<{ id: string; number: string; customer: { name: string; email: string } }> {
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
  return { ...order, customer: { name: customer.name, email: customer.email } };
}

describe('back office in a real browser against npm start', { timeout: 180_000 }, () => {
  it('finds an order by its number, filters paid orders, opens one, ships it and shows its history; lists customers and stock', async () => {
    const order = await placeOrder('oficina', true);
    const page = await adminPage();
    const errors = watchErrors(page);
    const a11y = a11yTracker(page);

    await page.goto(url('/admin/orders'));
    await page.getByRole('heading', { level: 1, name: 'Pedidos' }).waitFor();
    await page.getByTestId('admin-order-row').first().waitFor();
    await a11y.check('admin-orders');

    // By its number, as a customer would quote it.
    await page.getByLabel('Número de pedido').fill(order.number);
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await poll(() => page.getByTestId('orders-total').getAttribute('data-total')).toBe('1');
    expect(await page.getByTestId('admin-order-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.number))).toEqual([order.number]);
    await a11y.check('admin-orders-by-number');

    // Paid orders only: every row is PAID, ours among them.
    await page.getByRole('button', { name: 'Quitar filtros' }).click();
    await page.getByLabel('Estado').selectOption({ label: 'Pagado' });
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.waitForURL(/status=PAID/);
    const row = page.getByTestId('admin-order-row').filter({ hasText: order.number });
    await row.waitFor();
    const statuses = await page.getByTestId('admin-order-row').getByTestId('order-status').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.status));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['PAID']));
    await a11y.check('admin-orders-paid');

    // Open it, ship it, and read its history.
    await row.getByRole('link', { name: order.number }).click();
    await page.getByRole('heading', { level: 1, name: `Pedido ${order.number}` }).waitFor();
    const history = page.getByTestId('history-entry');
    await poll(() => history.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.to))).toEqual(['AWAITING_PAYMENT', 'PAID']);
    await page.getByText(order.customer.email).waitFor();
    await a11y.check('admin-order-paid');
    await page.getByRole('button', { name: 'Marcar como enviado' }).click();
    await poll(() => history.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.to))).toEqual(['AWAITING_PAYMENT', 'PAID', 'SHIPPED']);
    const shipped = history.last();
    expect(await shipped.locator('td[data-label="Quién"]').textContent()).toBe(demo.admin.name);
    expect(await shipped.locator('td[data-label="De"]').getByTestId('order-status').getAttribute('data-status')).toBe('PAID');
    expect(await shipped.locator('td[data-label="Motivo"]').textContent()).toBe('Enviado por un administrador');
    await page.getByRole('button', { name: 'Marcar como entregado' }).waitFor();
    await a11y.check('admin-order-shipped');

    // Customers: searched by e-mail; their orders are one link away.
    await page.getByRole('navigation', { name: 'Administración' }).getByRole('link', { name: 'Clientes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clientes' }).waitFor();
    await page.getByTestId('admin-customer-row').first().waitFor();
    await page.getByLabel('Buscar por nombre o correo').fill(order.customer.email.toUpperCase());
    await poll(() => page.getByTestId('customers-total').getAttribute('data-total')).toBe('1');
    const customerRow = page.getByTestId('admin-customer-row');
    expect(await customerRow.locator('td[data-label="Nombre"]').textContent()).toBe(order.customer.name);
    await a11y.check('admin-customers');
    await customerRow.getByRole('link', { name: /Ver pedidos/ }).click();
    await page.waitForURL(/\/admin\/orders\?customer=/);
    await poll(() => page.getByTestId('orders-total').getAttribute('data-total')).toBe('1');
    await page.getByTestId('admin-order-row').filter({ hasText: order.number }).getByTestId('order-status').and(page.locator('[data-status="SHIPPED"]')).waitFor();

    // Stock across warehouses, low stock first.
    await page.getByRole('navigation', { name: 'Administración' }).getByRole('link', { name: 'Existencias' }).click();
    await page.getByRole('heading', { level: 1, name: 'Existencias' }).waitFor();
    await page.getByTestId('admin-stock-row').first().waitFor();
    const low = await page.getByTestId('admin-stock-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.low === 'true'));
    expect(low[0]).toBe(true);
    expect(low.indexOf(false) === -1 || low.slice(low.indexOf(false)).every((l) => !l)).toBe(true);
    await a11y.check('admin-stock');

    expect(a11y.unchecked()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows a new order in the admin list as soon as a shopper places it, without a reload', async () => {
    const page = await adminPage();
    const errors = watchErrors(page);
    const a11y = a11yTracker(page);
    await page.goto(url('/admin/orders'));
    await page.getByTestId('admin-order-row').first().waitFor();
    // The dot turns on once the admin's socket carries the orderUpdates subscription.
    await page.locator('.result-count .live-dot.on').waitFor();
    const before = Number(await page.getByTestId('orders-total').getAttribute('data-total'));
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const order = await placeOrder('en-vivo', false);
    const row = page.getByTestId('admin-order-row').filter({ hasText: order.number });
    await row.getByTestId('order-status').and(page.locator('[data-status="AWAITING_PAYMENT"]')).waitFor();
    expect(await page.getByTestId('admin-order-row').first().getAttribute('data-number')).toBe(order.number);
    await poll(() => page.getByTestId('orders-total').getAttribute('data-total')).toBe(String(before + 1));
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await a11y.check('admin-orders-live');

    // An order that does not exist, or an address that is no order id, says so (no error, no retry).
    await page.goto(url(`/admin/orders/${randomUUID()}`));
    await page.getByText('No existe un pedido con ese identificador.').waitFor();
    await a11y.check('admin-order-missing');
    await page.goto(url('/admin/orders/ORD-000001'));
    await page.getByText('No existe un pedido con ese identificador.').waitFor();
    await a11y.check('admin-order-not-an-id');
    expect(a11y.unchecked()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

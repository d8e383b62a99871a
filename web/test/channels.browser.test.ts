import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { screenshot, watchErrors } from './support/browser';
import { poll, storefrontSession } from './support/session';
import { DESKTOP, a11yTracker } from './support/a11y';
import { chooseDelivery } from './support/checkout';
import { multiplyDecimal, sumDecimals } from '../src/lib/money';

/** Issue 17 in the storefront: shipping at checkout, the seller's counter (POS) on the shared stock, product photos. */
const session = storefrontSession();
const { newPage, url } = session;

const sameDocument = {
  mark: () => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true),
  read: () => (window as unknown as { __sameDocument?: boolean }).__sameDocument,
};

describe('channels in a real browser against npm start', { timeout: 180_000 }, () => {
  it('checks out with a saved address and a shipping method: the order shows the shipping cost, total = lines + shipping, and its shipment', async () => {
    const { shop } = session;
    const product = await shop.productWithStock('envio', 4);
    const customer = await shop.registerCustomer('envio');
    const saved = await shop.call(
      `mutation($input: AddressInput!) { addAddress(input: $input) { address { id region } errors { code message } } }`,
      { input: { recipient: 'Lucía Envío', line1: 'Carrera 7 # 12-30', city: 'Bogotá', region: 'Bogotá D.C.', country: 'CO' } },
      customer.token,
    );
    expect(saved.addAddress.errors).toEqual([]);
    const page = await newPage(customer.token, DESKTOP);
    const errors = watchErrors(page);
    const a11y = a11yTracker(page);

    await page.goto(url(`/products/${product.id}`));
    await page.getByRole('heading', { level: 1, name: product.name }).waitFor();
    await a11y.check('product-before-checkout');
    await page.getByLabel('Cantidad').fill('2');
    await page.getByRole('button', { name: 'Agregar al carrito' }).click();
    await page.getByRole('status').filter({ hasText: 'Agregado' }).waitFor();
    await page.goto(url('/checkout'));
    // The saved address is chosen; the last method quoted for Bogotá D.C. (not the one chosen by default) is picked.
    await page.getByTestId('saved-address').filter({ hasText: 'Carrera 7 # 12-30' }).getByRole('radio').waitFor();
    expect(await page.getByTestId('saved-address').getByRole('radio').isChecked()).toBe(true);
    await page.getByTestId('shipping-option').first().waitFor();
    const options = await page.getByTestId('shipping-option').count();
    const cost = await chooseDelivery(page, { index: options - 1 });
    const quotes = await shop.call(`query($r: String!, $p: [ID!]!) { shippingQuotes(region: $r, productIds: $p) { method { id } cost { amount } } }`, { r: 'Bogotá D.C.', p: [product.id, product.id] });
    expect(quotes.shippingQuotes.map((q: { cost: { amount: string } }) => q.cost.amount)).toContain(cost);
    const lines = multiplyDecimal('125000.00', 2);
    const expected = sumDecimals([lines, cost]);
    await poll(() => page.getByTestId('checkout-shipping').locator('.price').getAttribute('data-amount')).toBe(cost);
    await poll(() => page.getByTestId('checkout-total').locator('.price').getAttribute('data-amount')).toBe(expected);
    await a11y.check('checkout-shipping');

    await page.getByRole('button', { name: 'Confirmar y pagar' }).click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    await poll(() => page.getByTestId('order-shipping-cost').locator('.price').getAttribute('data-amount')).toBe(cost);
    // Exact to the minor unit: lines plus shipping as Decimal strings, never floats.
    expect(await page.getByTestId('order-total').locator('.price').getAttribute('data-amount')).toBe(expected);
    await page.getByTestId('address').filter({ hasText: 'Carrera 7 # 12-30' }).waitFor();
    await a11y.check('order-with-shipping');

    // Paid: the shipping service prints the label (a tracking number); an admin's IN_TRANSIT ships the order, live.
    await page.evaluate(sameDocument.mark);
    await page.getByLabel('Número de tarjeta').fill('4242 4242 4242 4242');
    await page.getByLabel('CVC').fill('123');
    await page.getByRole('button', { name: 'Pagar' }).click();
    await poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('PAID');
    const shipment = page.getByTestId('shipment');
    await poll(() => shipment.getAttribute('data-status')).toBe('LABEL_CREATED');
    const tracking = (await shipment.locator('th').textContent())!.trim();
    expect(tracking.length).toBeGreaterThan(4);
    // An admin moves the parcel on /admin/shipments; the customer's open order page follows (orderStatusChanged).
    const admin = await newPage(await shop.login(demo.admin.email, demo.admin.password), DESKTOP);
    const adminA11y = a11yTracker(admin);
    await admin.goto(url('/admin/shipments?estado=LABEL_CREATED'));
    const row = admin.getByTestId('admin-shipment').filter({ hasText: tracking });
    await row.waitFor();
    await adminA11y.check('admin-shipments');
    await row.getByRole('button', { name: /^Marcar como En camino/ }).click();
    await row.waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('SHIPPED');
    await poll(() => shipment.getAttribute('data-status')).toBe('IN_TRANSIT');
    expect(await page.evaluate(sameDocument.read)).toBe(true);
    await screenshot(page, 'order-shipped');
    await a11y.check('order-shipped');
    expect([...a11y.unchecked(), ...adminA11y.unchecked()]).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("a seller's counter sale (/seller/pos) drops a shopper's live stock without a reload, a short line says so on the line, and a received reorder raises it again", async () => {
    const { shop } = session;
    const seller = demo.sellers[0];
    const token = await shop.login(seller.email, seller.password);
    const { myStores } = await shop.call(`{ myStores { id name } }`, {}, token);
    const store = myStores[0] as { id: string; name: string };
    expect(store).toBeTruthy();
    const suffix = randomUUID().slice(0, 6);
    const sku = `POS-${suffix}`.toUpperCase();
    const name = `Sombrero Mostrador ${suffix}`;
    const created = await shop.call(
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } errors { code message } } }`,
      { input: { sku, name, description: 'Vendido en la tienda física', price: '80000.00', currency: 'COP', status: 'ACTIVE' } },
      token,
    );
    const productId = created.createProduct.product.id as string;
    const stocked = await shop.call(
      `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { errors { code message } } }`,
      { input: { productId, warehouseId: store.id, delta: 3, reason: 'RESTOCK' } },
      token,
    );
    expect(stocked.adjustStock.errors).toEqual([]);

    const shopper = await newPage();
    await shopper.goto(url(`/products/${productId}`));
    await poll(() => shopper.getByTestId('stock-left').getAttribute('data-available')).toBe('3');
    await shopper.locator('.live-dot.on').waitFor();
    await shopper.evaluate(sameDocument.mark);

    const page = await newPage(token, DESKTOP);
    const errors = watchErrors(page);
    const a11y = a11yTracker(page);
    await page.goto(url('/seller/pos'));
    await page.getByLabel('Tienda física').selectOption(store.id);
    // A scanner types the code and presses Enter.
    await page.getByLabel('SKU o código de barras').fill(sku.toLowerCase());
    await page.getByLabel('SKU o código de barras').press('Enter');
    const line = page.getByTestId('pos-line').filter({ hasText: name });
    await poll(() => line.getByTestId('pos-line-available').getAttribute('data-available')).toBe('3');
    await page.getByLabel(`Cantidad de ${name}`).fill('2');
    await poll(() => page.getByTestId('pos-total').locator('.price').getAttribute('data-amount')).toBe('160000.00');
    await a11y.check('pos-ticket');
    await page.getByRole('button', { name: 'Cobrar' }).click();
    await poll(() => page.getByTestId('pos-receipt-number').textContent()).toMatch(/^POS-\d{6}$/);
    expect(await page.getByTestId('pos-receipt').locator('.price').last().getAttribute('data-amount')).toBe('160000.00');

    // The shopper's page follows the counter sale: pushed (stockChanged), not reloaded.
    await poll(() => shopper.getByTestId('stock-left').getAttribute('data-available')).toBe('1');
    expect(await shopper.evaluate(sameDocument.read)).toBe(true);
    await a11y.check('pos-receipt');

    // More than the shop has: refused, nothing sold, the reason on the line.
    await page.getByLabel('SKU o código de barras').fill(sku);
    await page.getByLabel('SKU o código de barras').press('Enter');
    await poll(() => line.getByTestId('pos-line-available').getAttribute('data-available')).toBe('1');
    await page.getByLabel(`Cantidad de ${name}`).fill('2');
    await page.getByRole('button', { name: 'Cobrar' }).click();
    await line.locator('[data-code="OUT_OF_STOCK"]').waitFor();
    expect(await shopper.getByTestId('stock-left').getAttribute('data-available')).toBe('1');
    await screenshot(page, 'pos-out-of-stock');
    await a11y.check('pos-line-error');

    // Restock from a supplier: a new supplier, a reorder into the shop, sent, received: the shopper's page rises live.
    const supplierName = `Telares del Cesar ${suffix}`;
    await page.getByRole('navigation', { name: 'Mi tienda' }).getByRole('link', { name: 'Proveedores' }).click();
    await page.getByLabel('Nombre').fill(supplierName);
    await page.getByLabel('Tiempo de entrega (días)').fill('5');
    await page.getByRole('button', { name: 'Agregar proveedor' }).click();
    await page.getByTestId('supplier').filter({ hasText: supplierName }).waitFor();
    await a11y.check('suppliers');
    await page.getByRole('navigation', { name: 'Mi tienda' }).getByRole('link', { name: 'Reabastecimiento' }).click();
    await page.getByText('Nuevo pedido a un proveedor').click();
    await page.getByLabel('Proveedor', { exact: true }).selectOption({ label: supplierName });
    await page.getByLabel('Producto').selectOption(productId);
    await page.getByLabel('Recibe').selectOption(store.id);
    await page.getByLabel('Unidades').fill('4');
    await page.getByRole('button', { name: 'Crear borrador' }).click();
    const reorder = page.getByTestId('reorder').filter({ hasText: name });
    await poll(() => reorder.getAttribute('data-status')).toBe('DRAFT');
    await a11y.check('reorders');
    await reorder.getByRole('button', { name: /^Enviar/ }).click();
    await poll(() => reorder.getAttribute('data-status')).toBe('SENT');
    await reorder.getByRole('button', { name: /^Recibido/ }).click();
    await poll(() => reorder.getAttribute('data-status')).toBe('RECEIVED');
    await poll(() => shopper.getByTestId('stock-left').getAttribute('data-available')).toBe('5');
    expect(await shopper.evaluate(sameDocument.read)).toBe(true);
    expect(a11y.unchecked()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('renders the catalog with responsive photos (srcset, loaded) and a signed-in shopper keeps favourites', async () => {
    const page = await newPage(undefined, DESKTOP);
    const errors = watchErrors(page);
    await page.goto(url('/'));
    await page.getByTestId('product-card').getByTestId('product-image').first().waitFor();
    // The demo catalog ships with pictures: every demo product's card has one (products the other tests made have none).
    const demoIds = new Set(demo.products.map((product) => product.id));
    const cards = await page.getByTestId('product-card').evaluateAll((nodes) => nodes.map((node) => ({ id: node.getAttribute('data-product-id')!, photo: node.querySelector('[data-testid="product-image"]') !== null })));
    const demoCards = cards.filter((card) => demoIds.has(card.id));
    expect(demoCards.length).toBeGreaterThanOrEqual(6);
    expect(demoCards.filter((card) => !card.photo)).toEqual([]);
    const cover = page.locator(`[data-testid="product-card"][data-product-id="${demoCards[0]!.id}"] [data-testid="product-image"]`);
    const srcset = (await cover.getAttribute('srcset')) ?? '';
    const widths = [...srcset.matchAll(/\s(\d+)w(?:,|$)/g)].map((m) => Number(m[1]));
    expect(widths.length).toBeGreaterThanOrEqual(2);
    expect(new Set(widths).size).toBe(widths.length);
    expect(await cover.getAttribute('sizes')).toBeTruthy();
    expect(Number(await cover.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(await cover.getAttribute('height'))).toBeGreaterThan(0);
    expect(await cover.getAttribute('loading')).toBe('lazy');
    // Actually fetched and decoded (the CSP allows the gateway's /media), one of the srcset's renditions.
    await poll(() => cover.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
    const chosen = await cover.evaluate((img: HTMLImageElement) => img.currentSrc);
    expect(srcset).toContain(chosen);

    // A signed-in shopper's heart on a card; /favorites lists that product.
    const customer = await session.shop.registerCustomer('favoritos');
    const shopper = await newPage(customer.token);
    const a11y = a11yTracker(shopper);
    await shopper.goto(url('/'));
    const card = shopper.locator(`[data-testid="product-card"][data-product-id="${demoCards[0]!.id}"]`);
    const productName = (await card.locator('.product-name').textContent())!;
    const heart = card.getByTestId('favorite-toggle');
    await poll(() => heart.isEnabled()).toBe(true);
    expect(await heart.getAttribute('aria-pressed')).toBe('false');
    await heart.click();
    await poll(() => heart.getAttribute('aria-pressed')).toBe('true');
    await a11y.check('catalog-favorite');
    await shopper.getByRole('link', { name: 'Favoritos' }).click();
    await shopper.getByTestId('favorite-card').filter({ hasText: productName }).waitFor();
    await poll(() => shopper.getByTestId('favorite-card').filter({ hasText: productName }).getByTestId('product-image').evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
    await a11y.check('favorites');
    expect(a11y.unchecked()).toEqual([]);
    await screenshot(page, 'catalog-with-photos');
    expect(errors).toEqual([]);
  });
});

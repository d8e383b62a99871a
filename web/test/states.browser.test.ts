import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demo } from '@shop/demo-store';
import { watchErrors } from './support/browser';
import { storefrontSession } from './support/session';
import { a11yTracker } from './support/a11y';

/**
 * The states a page can be in besides its data, through the real platform: a product or order that is not there (or
 * not the viewer's) is "no existe", not a load error; a request that never reached the server offers a retry that
 * works; server errors read in Spanish.
 */
const session = storefrontSession();
const { newPage, url } = session;

/** The page shows its not-found state with this heading, and neither the load-error state nor a retry. */
async function expectNotFound(page: Page, heading: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  expect(await page.locator('[data-state="not-found"]').count()).toBe(1);
  expect(await page.locator('[data-state="error"]').count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Reintentar' }).count()).toBe(0);
}

describe('not found', () => {
  it('a product that does not exist, or an address that is no product id, says it does not exist', async () => {
    const page = await newPage();
    const errors = watchErrors(page);
    const a11y = a11yTracker(page);
    await page.goto(url(`/products/${randomUUID()}`));
    await expectNotFound(page, 'Este producto no existe');
    await a11y.check('product-not-found');
    await page.goto(url('/products/not-a-product'));
    await expectNotFound(page, 'Este producto no existe');
    await a11y.check('product-not-an-id');
    expect(a11y.unchecked()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("someone else's order looks exactly like one that does not exist", async () => {
    const stranger = await session.shop.registerCustomer('foreign-order');
    const page = await newPage(stranger.token);
    const errors = watchErrors(page);
    const a11y = a11yTracker(page);
    // The demo customer's order, opened by another customer.
    await page.goto(url(`/orders/${demo.pastOrder.id}`));
    await expectNotFound(page, 'Este pedido no existe');
    await a11y.check('order-not-found');
    expect(await page.getByText(demo.pastOrder.number).count()).toBe(0);
    await page.goto(url(`/orders/${randomUUID()}`));
    await expectNotFound(page, 'Este pedido no existe');
    await a11y.check('order-missing');
    expect(a11y.unchecked()).toEqual([]);
    // Its owner still sees it.
    const owner = await newPage(await session.shop.login(demo.customer.email, demo.customer.password));
    await owner.goto(url(`/orders/${demo.pastOrder.id}`));
    const ownerA11y = a11yTracker(owner);
    await owner.getByRole('heading', { level: 1, name: `Pedido ${demo.pastOrder.number}` }).waitFor();
    await ownerA11y.check('order-own');
    expect(errors).toEqual([]);
  });
});

describe('forbidden and empty', () => {
  it("a customer on the seller's page is told it is not for their account; a new customer's orders are empty", async () => {
    const customer = await session.shop.registerCustomer('states');
    const page = await newPage(customer.token);
    const a11y = a11yTracker(page);
    await page.goto(url('/seller'));
    await page.getByRole('heading', { level: 1, name: 'No tienes permiso para ver esta página' }).waitFor();
    expect(await page.locator('[data-state="forbidden"]').count()).toBe(1);
    await a11y.check('forbidden');
    await page.goto(url('/orders'));
    const empty = page.locator('[data-state="empty"]');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('Aún no tienes pedidos.');
    expect(await page.locator('[data-state="error"], [data-state="not-found"], [data-state="forbidden"]').count()).toBe(0);
    await a11y.check('orders-empty');
    expect(a11y.unchecked()).toEqual([]);
  });
});

describe('network error', () => {
  it('offers a retry that loads the page once the gateway answers again', async () => {
    const product = await session.shop.productWithStock('retry', 16);
    const page = await newPage();
    const a11y = a11yTracker(page);
    const gateway = `${session.platform.gatewayUrl}**`;
    await page.route(gateway, (route) => route.abort('connectionrefused'));
    await page.goto(url(`/products/${product.id}`));
    const failure = page.locator('[data-state="error"][data-failure="network"]');
    await failure.waitFor();
    expect(await failure.textContent()).toContain('No hay conexión');
    expect(await page.locator('[data-state="not-found"]').count()).toBe(0);
    await a11y.check('network-error');
    await page.unroute(gateway);
    await failure.getByRole('button', { name: 'Reintentar' }).click();
    await page.getByRole('heading', { level: 1, name: product.name }).waitFor();
    // One stock text: the badge, in words and plural by Intl.PluralRules.
    expect((await page.getByTestId('stock-left').textContent())?.trim()).toBe('16 disponibles');
    expect(a11y.unchecked()).toEqual([]);
  });
});

describe('Spanish by code', () => {
  it('a refused sign-in reads in Spanish, not the server English', async () => {
    const page = await newPage();
    const a11y = a11yTracker(page);
    await page.goto(url('/signin'));
    await page.getByLabel('Correo').fill(demo.customer.email);
    await page.getByLabel('Contraseña').fill('not-the-password');
    await page.getByRole('button', { name: 'Entrar' }).click();
    const refusal = page.locator('[data-code="INVALID_CREDENTIALS"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('El correo o la contraseña no son correctos.');
    expect(await page.getByText('The email or password is not correct.').count()).toBe(0);
    await a11y.check('signin-refused');
    expect(a11y.unchecked()).toEqual([]);
  });

  it('one unit is "1 artículo" in the cart label', async () => {
    const customer = await session.shop.registerCustomer('plural');
    const product = await session.shop.productWithStock('plural', 5);
    const page = await newPage(customer.token);
    const a11y = a11yTracker(page);
    await page.goto(url(`/products/${product.id}`));
    await page.getByRole('button', { name: 'Agregar al carrito' }).click();
    await page.getByRole('status').filter({ hasText: 'Agregado' }).waitFor();
    await expect.poll(() => page.getByTestId('nav-cart').locator('.count-pill').getAttribute('aria-label'), { timeout: 30_000 }).toBe('1 artículo');
    await a11y.check('product-one-in-cart');
    expect(a11y.unchecked()).toEqual([]);
  });
});

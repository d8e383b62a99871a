import { beforeAll, describe, expect, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { rangeOf } from '../src/lib/analytics';
import { formatMoney } from '../src/lib/money';
import { watchErrors } from './support/browser';
import { poll, storefrontSession } from './support/session';
import { a11yTracker, DESKTOP } from './support/a11y';

// The forecast batch looks every second whether it is due (every minute by default), so the first one runs at once.
// The demo's whole year, as npm start seeds it: the dashboard's charts and forecasts are drawn from it.
const session = storefrontSession({ env: { FORECAST_CHECK_INTERVAL_MS: '1000', DEMO_HISTORY_DAYS: '365' } });
const { url } = session;
const [wayuu, raquira] = [demo.sellers[0], demo.sellers[1]];
let wayuuToken: string;
let raquiraToken: string;

beforeAll(async () => {
  [wayuuToken, raquiraToken] = await Promise.all([session.shop.login(wayuu.email, wayuu.password), session.shop.login(raquira.email, raquira.password)]);
});

interface Totals {
  units: number;
  orders: number;
  revenue: { amount: string };
}

const REPORT = `query($from: DateTime!, $to: DateTime!, $granularity: Granularity!) {
  salesReport(from: $from, to: $to) {
    totals { units orders revenue { amount } }
    series(granularity: $granularity) { period units revenue { amount } }
    topProducts(first: 10) { product { id } units revenue { amount } }
  }
}`;

/** The seller's report over the dashboard's "30 días", through the gateway with the seller's own token. */
async function report(token: string, granularity: 'DAY' | 'WEEK' | 'MONTH' = 'DAY') {
  const data = await session.shop.call<{ salesReport: { totals: Totals; series: { period: string; units: number; revenue: { amount: string } }[]; topProducts: { product: { id: string }; units: number }[] } }>(
    REPORT,
    { ...rangeOf('30d'), granularity },
    token,
  );
  return data.salesReport;
}

/** A new customer's paid order (4242…) of `quantity` units of a product. */
async function buyAndPay(productId: string, quantity: number, label: string) {
  const customer = await session.shop.registerCustomer(label);
  const placed = await session.shop.call(
    `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } errors { code message } } }`,
    { input: { idempotencyKey: `${label}-${productId}`, lines: [{ productId, quantity }] } },
    customer.token,
  );
  const order = placed.placeOrder.order as { id: string };
  expect(order, JSON.stringify(placed.placeOrder.errors)).toBeTruthy();
  const paid = await session.shop.call(
    `mutation($input: PayOrderInput!) { payOrder(input: $input) { payment { id } errors { code message } } }`,
    { input: { orderId: order.id, method: 'CARD', idempotencyKey: `pay-${order.id}`, card: { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2035, cvc: '123' } } },
    customer.token,
  );
  expect(paid.payOrder.errors).toEqual([]);
}

describe('seller dashboard and assistant in a real browser against npm start', { timeout: 300_000 }, () => {
  it("draws the seller's own sales, best sellers, forecast and stock cover, with the figures the API gives that seller and nothing of another seller's", async () => {
    // A sale for each of two sellers, so each has a product the other must never see.
    const [ours, theirs] = await Promise.all([session.shop.productWithStock('panel-propio', 10), session.shop.productWithStock('panel-ajeno', 10, raquira)]);
    const [oursBefore, theirsBefore] = await Promise.all([report(wayuuToken), report(raquiraToken)]);
    await buyAndPay(ours.id, 2, 'panel-propio');
    await buyAndPay(theirs.id, 3, 'panel-ajeno');
    // Analytics takes the payment from its queue: each seller's figures move by their own sale only.
    await poll(async () => (await report(wayuuToken)).totals.units).toBe(oursBefore.totals.units + 2);
    await poll(async () => (await report(raquiraToken)).totals.units).toBe(theirsBefore.totals.units + 3);
    const raquiraProducts = await session.shop.call<{ products: { edges: { node: { id: string; name: string } }[] } }>(
      `query($s: ID!) { products(first: 100, filter: { sellerId: $s }) { edges { node { id name } } } }`,
      { s: raquira.id },
      raquiraToken,
    );
    const foreignIds = raquiraProducts.products.edges.map((edge) => edge.node.id);
    expect(foreignIds).toContain(theirs.id);

    // The best seller of the range has a forecast once the first batch has run (this session's platform looks every
    // second whether one is due, and the first is); the batch itself takes a while on a busy machine.
    const expected = await report(wayuuToken);
    const best = expected.topProducts[0]!.product.id;
    await expect
      .poll(async () => (await session.shop.call(`query($p: ID!) { demandForecast(productId: $p) { days } }`, { p: best }, wayuuToken)).demandForecast?.days ?? null, { timeout: 200_000, interval: 2_000 })
      .toBe(30);

    const page = await session.newPage(wayuuToken, DESKTOP);
    const errors = watchErrors(page);
    const a11y = a11yTracker(page);
    await page.goto(url('/seller'));
    await page.getByTestId('seller-product').first().waitFor();
    await a11y.check('seller-products-menu');
    await page.getByRole('navigation', { name: 'Mi tienda' }).getByRole('link', { name: 'Panel de ventas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Panel de ventas' }).waitFor();
    await page.getByRole('radio', { name: '30 días' }).check({ force: true });
    await page.getByRole('radio', { name: 'Por día' }).check({ force: true });
    await page.waitForURL(/rango=30d/);
    await page.waitForURL(/por=DAY/);

    // Totals: the same figures the API gives this seller.
    const totals = page.getByTestId('sales-totals');
    await poll(() => totals.getByTestId('total-units').getAttribute('data-value')).toBe(String(expected.totals.units));
    expect(await totals.getByTestId('total-orders').getAttribute('data-value')).toBe(String(expected.totals.orders));
    expect(Number(await totals.getByTestId('total-revenue').getAttribute('data-value'))).toBe(Number(expected.totals.revenue.amount));
    expect(await totals.getByTestId('total-units').locator('dd').textContent()).toBe(new Intl.NumberFormat('es-CO').format(expected.totals.units));

    // Sales over time: a chart drawn, and its table has the API's periods with their units and revenue.
    const salesChart = page.getByTestId('sales-chart');
    await salesChart.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await salesChart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    const periods = await salesChart.getByTestId('sales-period').evaluateAll((rows) => rows.map((r) => ({ period: (r as HTMLElement).dataset.period, units: Number((r as HTMLElement).dataset.units), revenue: Number((r as HTMLElement).dataset.revenue) })));
    expect(periods).toEqual(expected.series.map((p) => ({ period: p.period, units: p.units, revenue: Number(p.revenue.amount) })));
    expect(periods.reduce((sum, p) => sum + p.units, 0)).toBe(expected.totals.units);

    // Best sellers: the API's, in its order, ours among the seller's products.
    await poll(() => page.getByTestId('top-product').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.productId))).toEqual(expected.topProducts.map((p) => p.product.id));

    // The forecast of the best seller: expected line inside its band, stock-out and reorder, the model's accuracy.
    const forecast = page.getByTestId('product-forecast');
    await poll(() => forecast.getAttribute('data-product-id')).toBe(best);
    const forecastChart = page.getByTestId('forecast-chart');
    await forecastChart.locator('.recharts-area-area').waitFor();
    await forecastChart.locator('.recharts-line-curve').waitFor();
    expect(await forecastChart.getByTestId('forecast-point').count()).toBe(30);
    await forecast.getByTestId('forecast-reorder').waitFor();
    expect(await page.getByTestId('forecast-accuracy').getAttribute('data-model')).toMatch(/^(prophet|ets|mstl|seasonal-naive)$/);

    // Stock cover: bars drawn, every row one of this seller's products.
    const cover = page.getByTestId('stock-cover');
    await cover.locator('.recharts-bar-rectangle').first().waitFor();
    const coverIds = await cover.getByTestId('stock-cover-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.productId!));
    expect(coverIds.length).toBeGreaterThan(0);

    // Nothing of the other seller anywhere: not in the lists, the picker or the page's text.
    const pickerIds = await page.getByLabel('Producto', { exact: true }).locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(pickerIds).toContain(ours.id);
    const topIds = await page.getByTestId('top-product').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.productId!));
    const shownIds = [...topIds, ...coverIds, ...pickerIds];
    expect(shownIds.filter((id) => foreignIds.includes(id))).toEqual([]);
    expect(await page.locator('main').textContent()).not.toContain(theirs.name);
    await a11y.check('seller-dashboard');

    // Another grouping reloads the series only: by week, the API's weeks.
    await page.getByRole('radio', { name: 'Por semana' }).check({ force: true });
    await page.waitForURL(/por=WEEK/);
    const weeks = await report(wayuuToken, 'WEEK');
    await poll(() => salesChart.getByTestId('sales-period').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.period))).toEqual(weeks.series.map((p) => p.period));
    expect(errors).toEqual([]);
    expect(a11y.unchecked()).toEqual([]);
  });

  it("takes a cost price in the product form and shows the profit it gives on the seller's best sellers", async () => {
    const mompox = demo.sellers[2];
    const token = await session.shop.login(mompox.email, mompox.password);
    const product = await session.shop.productWithStock('costo', 10, mompox);
    const page = await session.newPage(token, DESKTOP);
    const errors = watchErrors(page);
    // A price far above the seller's others, so one sale makes it their best seller of the range.
    await page.goto(url(`/seller/products/${product.id}`));
    await page.getByLabel(/^Precio/).fill('90.000.000');
    await page.getByLabel(/^Costo por unidad/).fill('40.000.000');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByText('Cambios guardados.').waitFor();
    const saved = await session.shop.call(`query($id: ID!) { product(id: $id) { price { amount } costPrice { amount } } }`, { id: product.id }, token);
    expect([Number(saved.product.price.amount), Number(saved.product.costPrice.amount)]).toEqual([90_000_000, 40_000_000]);

    // One unit: 90.000.000 of revenue less 40.000.000 of cost, once analytics has the product's cost and the sale.
    await buyAndPay(product.id, 1, 'costo');
    const best = async () => (await session.shop.call(`query($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to) { topProducts(first: 1) { product { id } profit { amount } } } }`, rangeOf('30d'), token)).salesReport.topProducts[0];
    await poll(best).toEqual({ product: { id: product.id }, profit: { amount: '50000000.00' } });
    await page.goto(url('/seller/dashboard?rango=30d'));
    const row = page.getByTestId('top-product').first();
    await poll(() => row.getAttribute('data-product-id')).toBe(product.id);
    expect(await row.locator('td[data-label="Ganancia"]').textContent()).toBe(formatMoney({ amount: '50000000.00', currency: 'COP' }));
    expect(errors).toEqual([]);
  });

  it("shows the admin the whole shop's figures: totals as the API gives an admin, top categories, customer rates, every seller's stock", async () => {
    const adminToken = await session.shop.login(demo.admin.email, demo.admin.password);
    const expected = await session.shop.call<{ salesReport: { totals: Totals; topCategories: { category: { id: string } }[]; conversionRate: number } }>(
      `query($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to) { totals { units orders revenue { amount } } topCategories(first: 10) { category { id } } conversionRate } }`,
      rangeOf('90d'),
      adminToken,
    );
    const page = await session.newPage(adminToken, DESKTOP);
    const errors = watchErrors(page);
    const a11y = a11yTracker(page);
    await page.goto(url('/admin/dashboard'));
    await page.getByRole('heading', { level: 1, name: 'Panel' }).waitFor();
    await poll(() => page.getByTestId('total-units').getAttribute('data-value')).toBe(String(expected.salesReport.totals.units));
    expect(Number(await page.getByTestId('total-revenue').getAttribute('data-value'))).toBe(Number(expected.salesReport.totals.revenue.amount));
    expect(Number(await page.getByTestId('conversion-rate').getAttribute('data-value'))).toBe(expected.salesReport.conversionRate);
    expect(await page.getByTestId('top-category').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.categoryId))).toEqual(expected.salesReport.topCategories.map((c) => c.category.id));
    await page.getByTestId('sales-chart').locator('.recharts-bar-rectangle').first().waitFor();
    // Stock of more than one seller.
    const sellers = await page.getByTestId('stock-cover-row').locator('td[data-label="Vendedor"]').allTextContents();
    expect(new Set(sellers).size).toBeGreaterThan(1);
    await page.getByTestId('category-forecast').or(page.locator('[data-state="empty"]')).first().waitFor();
    await a11y.check('admin-dashboard');
    expect(errors).toEqual([]);
  });

  it('answers a question in the assistant panel, with the data it used, and keeps the conversation', async () => {
    const page = await session.newPage(wayuuToken);
    const errors = watchErrors(page);
    await page.goto(url('/seller'));
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('button', { name: 'Asistente' }).click();
    const panel = page.getByRole('dialog', { name: 'Asistente de la tienda' });
    await panel.waitFor();
    // Suggestions for the viewer's roles, from the API.
    await panel.locator('.suggestion').first().waitFor();

    await panel.getByLabel('Tu pregunta').fill('¿Cuántas unidades vendí en los últimos 30 días?');
    await panel.getByRole('button', { name: 'Preguntar' }).click();
    const answers = panel.getByTestId('assistant-answer');
    await poll(() => answers.count()).toBe(1);
    expect(await answers.first().textContent()).toMatch(/\d/);
    await answers.first().getByText(/^Datos usados/).click();
    const sources = await answers.first().getByTestId('assistant-source').allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    expect(() => sources.map((s) => JSON.parse(s))).not.toThrow();
    const conversation = await panel.getByRole('log').getAttribute('data-conversation-id');
    expect(conversation).toBeTruthy();

    // A second question goes on in the same conversation.
    await panel.locator('.suggestion').first().click();
    await poll(() => answers.count()).toBe(2);
    expect(await panel.getByRole('log').getAttribute('data-conversation-id')).toBe(conversation);
    await panel.getByRole('button', { name: 'Cerrar' }).click();
    await poll(() => panel.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});

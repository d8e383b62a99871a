import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { startTestPlatform } from '../../../supergraph/test/support/platform.js';
import { adjustStock, login, payOrder, placeOrder } from '../../../supergraph/test/live/support.js';
import { ask } from './support/harness.js';

/**
 * The fixed question set, Spanish and English, against the whole platform in this process (the assistant's default
 * intent provider, asking the real gateway as each user): every figure is checked against the same data read through
 * the gateway directly, as that user.
 */
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
const tokens = {} as Record<'customer' | 'customerB' | 'wayuu' | 'raquira' | 'admin', string>;
const tutu = demo.products.find((p) => p.name === 'Mochila Wayuu Tutu')!;
const olla = demo.products.find((p) => p.name === 'Olla de Barro Ráquira')!;
const [bogota] = demo.warehouses;
let placedNumber: string;

const gql = (query: string, variables: Record<string, unknown>, token: string) => graphqlRequest(platform.gatewayUrl, query, variables, token);
const stockOf = async (productId: string, token: string) =>
  (await gql('query($id: ID!) { product(id: $id) { stock { available onHand reserved } } }', { id: productId }, token)).data.product.stock as { available: number; onHand: number; reserved: number };
const digits = /\d/;

beforeAll(async () => {
  // The first forecast batch starts within half a second instead of a minute.
  platform = await startTestPlatform(inject('databaseUrl'), { paymentProviderLatencyMs: 20, serviceConfig: { analytics: { FORECAST_CHECK_INTERVAL_MS: '500' } } });
  tokens.customer = await login(platform.gatewayUrl, demo.customer);
  tokens.wayuu = await login(platform.gatewayUrl, demo.sellers[0]);
  tokens.raquira = await login(platform.gatewayUrl, demo.sellers[1]);
  tokens.admin = await login(platform.gatewayUrl, demo.admin);
  const email = `cliente-b-${randomBytes(4).toString('hex')}@example.test`;
  const registered = await graphqlRequest(platform.gatewayUrl, 'mutation($i: RegisterInput!) { register(input: $i) { token } }', { i: { email, password: 'long-enough-pass', name: 'Beatriz Asistente' } });
  tokens.customerB = registered.data.register.token;
  // A paid sale of Tutu today, so this month's figures include one the test made.
  await adjustStock(platform.gatewayUrl, tokens.admin, tutu.id, bogota!.id, 20);
  const orderId = await placeOrder(platform.gatewayUrl, tokens.customer, tutu.id, `assistant-${randomBytes(4).toString('hex')}`);
  await payOrder(platform.gatewayUrl, tokens.customer, orderId, `assistant-pay-${randomBytes(4).toString('hex')}`);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const order = (await gql('query($id: ID!) { order(id: $id) { number status } }', { id: orderId }, tokens.customer)).data.order;
    placedNumber = order.number;
    if (order.status === 'PAID' || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 180_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

describe('stock of a product, by name', () => {
  it('answers in Spanish with the units available, on hand and reserved (accents and plurals forgiven)', async () => {
    const stock = await stockOf(olla.id, tokens.customer);
    const { answer, sources, errors } = await ask(platform.gatewayUrl, tokens.customer, '¿cuantas ollas de barro raquira quedan?');
    expect(errors).toEqual([]);
    expect(answer).toBe(`Olla de Barro Ráquira (${olla.sku}): ${stock.available} unidades disponibles (${stock.onHand} en bodega, ${stock.reserved} reservadas).${stock.available === 0 ? ' Está agotado.' : stock.available <= olla.lowStockThreshold ? ' Quedan pocas unidades.' : ''}`);
    expect(sources).toEqual([{ operation: 'AssistantProductStock', variables: { id: olla.id }, data: { product: expect.objectContaining({ id: olla.id, stock: expect.objectContaining(stock) }) } }]);
  });

  it('answers in English, with a typo in the name', async () => {
    const stock = await stockOf(tutu.id, tokens.customer);
    const { answer } = await ask(platform.gatewayUrl, tokens.customer, 'How many Mochila Wayu Tutu are in stock?');
    expect(answer).toContain(`Mochila Wayuu Tutu (${tutu.sku}): ${stock.available} units available (${stock.onHand} on hand, ${stock.reserved} reserved).`);
  });

  it('says the sold-out product is sold out', async () => {
    const soldOut = demo.products[7]!;
    const stock = await stockOf(soldOut.id, tokens.customer);
    const { answer } = await ask(platform.gatewayUrl, tokens.customer, `¿Hay existencias de ${soldOut.name.toLowerCase()}?`);
    expect(answer).toContain(`${stock.available} unidades disponibles`);
    if (stock.available === 0) expect(answer).toContain('Está agotado.');
  });
});

describe("an order's status", () => {
  it('by number, in Spanish, with the status, total and lines', async () => {
    const { answer, sources } = await ask(platform.gatewayUrl, tokens.customer, '¿Cómo va el pedido ORD-000001?');
    const total = Number(demo.pastOrderTotalMinor / 100n).toLocaleString('es-CO');
    expect(answer).toMatch(new RegExp(`^El pedido ORD-000001 está pagado \\(desde el .+\\)\\. Total: ${total.replace(/\./g, '\\.')} COP\\. Hecho el 1 de noviembre de 2026: 1 × ${demo.products[0]!.name}, 2 × ${demo.products[20]!.name}\\.$`));
    expect(sources[0]).toMatchObject({ operation: 'AssistantOrderByNumber', variables: { number: 'ORD-000001' }, data: { orderByNumber: { number: 'ORD-000001', status: 'PAID' } } });
  });

  it('"my last order", in English: the order the customer just paid', async () => {
    const { answer } = await ask(platform.gatewayUrl, tokens.customer, 'Where is my last order?');
    expect(answer).toMatch(new RegExp(`^Order ${placedNumber} is paid \\(since .+\\)\\. Total: COP ${Number(tutu.priceMinor / 100n).toLocaleString('en-US')}\\. Placed on .+: 1 × Mochila Wayuu Tutu\\.$`));
  });

  it("another customer's order is not found (the gateway gives it nobody else)", async () => {
    const { answer, sources } = await ask(platform.gatewayUrl, tokens.customerB, 'estado del pedido ord-1');
    expect(answer).toBe('No encuentro el pedido ORD-000001 entre los pedidos que puedes ver.');
    expect(sources[0]!.data).toEqual({ orderByNumber: null });
  });

  it('admins see any order', async () => {
    const { answer } = await ask(platform.gatewayUrl, tokens.admin, 'What is the status of order ORD-000001?');
    expect(answer).toMatch(/^Order ORD-000001 is paid/);
  });
});

describe('low stock', () => {
  type Node = { id: string; name: string; seller: { id: string }; stock: { available: number; lowStock: boolean } };
  it("a seller's own products under their threshold, fewest first (Spanish and English)", async () => {
    const mine = (await gql('{ me { products(first: 100) { edges { node { id name seller { id } stock { available lowStock } } } } } }', {}, tokens.wayuu)).data.me.products.edges.map((e: { node: Node }) => e.node) as Node[];
    const low = mine.filter((p) => p.stock.lowStock).sort((a, b) => a.stock.available - b.stock.available);
    expect(low.length).toBeGreaterThan(0);
    const es = await ask(platform.gatewayUrl, tokens.wayuu, '¿Qué productos tienen pocas existencias?');
    expect(es.answer).toContain(`Productos con pocas existencias (${low.length}), unidades disponibles: `);
    for (const p of low.slice(0, 10)) expect(es.answer).toContain(`${p.name} (`);
    expect(es.answer).toContain(`${low[0]!.name} (`);
    const en = await ask(platform.gatewayUrl, tokens.wayuu, 'Which products are low on stock?');
    expect(en.answer).toContain(`Products low on stock (${low.length}), units available: `);
    // Only the seller's own products.
    const others = demo.products.filter((p) => p.sellerId !== demo.sellers[0].id);
    for (const p of others) expect(en.answer).not.toContain(`${p.name} (`);
  });

  it('admins: every low-stock product of the store', async () => {
    const overview = (await gql('{ stockOverview(first: 50, lowStockOnly: true) { totalCount edges { node { name } } } }', {}, tokens.admin)).data.stockOverview;
    const { answer, sources } = await ask(platform.gatewayUrl, tokens.admin, 'productos con stock bajo');
    expect(sources[0]!.operation).toBe('AssistantLowStockOverview');
    expect(answer).toContain(`Productos con pocas existencias (${overview.edges.length})`);
  });

  it('a customer is told it is for sellers and admins', async () => {
    const { answer } = await ask(platform.gatewayUrl, tokens.customer, 'Which products are low on stock?');
    expect(answer).toMatch(/^Low stock is for sellers and admins/);
  });
});

describe('sales (analytics)', () => {
  it("top sellers this month, a seller's own, in Spanish: the figures salesReport gives that seller", async () => {
    const { answer, sources } = await ask(platform.gatewayUrl, tokens.wayuu, '¿Qué fue lo más vendido este mes?');
    const [source] = sources;
    expect(source).toMatchObject({ operation: 'AssistantSalesReport' });
    expect(source!.errors).toBeUndefined();
    const direct = await gql(
      'query($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to) { totals { units orders } topProducts(first: 5) { product { id name seller { id } } units } } }',
      { from: source!.variables.from, to: source!.variables.to },
      tokens.wayuu,
    );
    const report = direct.data.salesReport;
    expect(report.topProducts.length).toBeGreaterThan(0);
    for (const p of report.topProducts) expect(p.product.seller.id).toBe(demo.sellers[0].id);
    expect(answer).toContain('Los más vendidos en este mes: 1. ');
    report.topProducts.forEach((p: any, i: number) => expect(answer).toContain(`${i + 1}. ${p.product.name}: ${p.units.toLocaleString('es-CO')} unidades`));
    expect(answer).toContain(`En total: ${report.totals.units.toLocaleString('es-CO')} unidades en ${report.totals.orders.toLocaleString('es-CO')} pedidos`);
  });

  it('top sellers over the last 30 days, an admin, in English', async () => {
    const { answer, sources } = await ask(platform.gatewayUrl, tokens.admin, 'What were the top sellers in the last 30 days?');
    const direct = await gql('query($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to) { topProducts(first: 5) { product { name } units } } }', { from: sources[0]!.variables.from, to: sources[0]!.variables.to }, tokens.admin);
    expect(direct.data.salesReport.topProducts.length).toBeGreaterThan(0);
    expect(answer).toContain(`Top sellers in the last 30 days: 1. ${direct.data.salesReport.topProducts[0].product.name}: `);
  });

  it("a seller's own product's sales this month include the sale the test made", async () => {
    const { answer, sources } = await ask(platform.gatewayUrl, tokens.wayuu, 'How many Mochila Wayuu Tutu did I sell this month?');
    const line = sources[0]!.data.salesReport.topProducts.find((p: any) => p.product.id === tutu.id);
    expect(line.units).toBeGreaterThanOrEqual(1);
    expect(answer).toContain(`Mochila Wayuu Tutu sold ${line.units} units in this month`);
  });

  it("a product's demand forecast (Spanish) and its stock-out (English), the seller's own", { timeout: 200_000 }, async () => {
    // The first forecast batch runs soon after analytics starts, over the demo year: wait for its result.
    let forecast: any = null;
    for (const deadline = Date.now() + 180_000; !forecast && Date.now() < deadline; await new Promise((r) => setTimeout(r, 2000))) {
      forecast = (await gql('query($id: ID!) { demandForecast(productId: $id, days: 30) { days predictedStockout points { expected } } }', { id: tutu.id }, tokens.wayuu)).data?.demandForecast;
    }
    expect(forecast, 'analytics has a forecast for a demo product').not.toBeNull();
    const expected = forecast.points.reduce((s: number, p: { expected: number }) => s + p.expected, 0);
    const es = await ask(platform.gatewayUrl, tokens.wayuu, '¿Cuál es el pronóstico de demanda de la Mochila Wayuu Tutu?');
    expect(es.answer).toContain(`Demanda esperada de Mochila Wayuu Tutu en los próximos 30 días: ${expected.toLocaleString('es-CO', { maximumFractionDigits: 1 })} unidades.`);
    const en = await ask(platform.gatewayUrl, tokens.wayuu, 'When will the Mochila Wayuu Tutu run out?');
    expect(en.answer).toContain(forecast.predictedStockout ? 'It would run out on ' : 'The stock lasts beyond the next 30 days.');
  });
});

describe('what the user may not see', () => {
  it("a seller asking for another seller's product sales gets no figures: the report has none of it", async () => {
    const { answer, sources } = await ask(platform.gatewayUrl, tokens.raquira, '¿Cuánto vendió la Mochila Wayuu Tutu este mes?');
    expect(answer).toBe('No puedo ver las ventas de Mochila Wayuu Tutu: solo ves las de tus propios productos.');
    for (const source of sources) expect(JSON.stringify(source.data ?? {})).not.toContain(tutu.id);
  });

  it("a seller asking for another seller's product forecast gets no figures: the gateway answers null", async () => {
    // The forecast exists (its seller sees it, the case above waited for the batch): the refusal is the scope's.
    const owners = await gql('query($id: ID!) { demandForecast(productId: $id) { days } }', { id: tutu.id }, tokens.wayuu);
    expect(owners.data.demandForecast).not.toBeNull();
    const { answer, sources } = await ask(platform.gatewayUrl, tokens.raquira, 'Demand forecast for Mochila Wayuu Tutu');
    expect(answer).toMatch(/^I can't see a forecast for Mochila Wayuu Tutu with your account/);
    expect(answer).not.toMatch(digits);
    expect(sources[0]).toMatchObject({ operation: 'AssistantDemandForecast', data: { demandForecast: null } });
  });

  it('a customer asking for the top sellers gets none: the gateway refuses salesReport', async () => {
    const { answer, sources } = await ask(platform.gatewayUrl, tokens.customer, '¿Qué fue lo más vendido este mes?');
    expect(answer).toBe('No puedo ver cifras de ventas con tu cuenta: son solo para vendedores (de sus productos) y administradores.');
    expect(sources[0]).toMatchObject({ operation: 'AssistantSalesReport', data: null, errors: expect.arrayContaining(['FORBIDDEN']) });
  });
});

describe('anything else', () => {
  it('answers with what it can do, in the question\'s language', async () => {
    const es = await ask(platform.gatewayUrl, tokens.customer, 'cuéntame un chiste');
    expect(es.answer).toMatch(/^Puedo responder, con los datos de la tienda que tu cuenta puede ver: las existencias de un producto/);
    expect(es.sources).toEqual([]);
    const en = await ask(platform.gatewayUrl, tokens.wayuu, 'tell me a joke');
    expect(en.answer).toMatch(/^With the shop data your account can see, I can answer: .*top sellers.*forecast.*low on stock/);
  });
});

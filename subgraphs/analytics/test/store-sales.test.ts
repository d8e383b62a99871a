import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { salesDaily, salesLedger } from '../src/db/schema.js';
import { storeSaleRecorded } from '../src/events.js';
import { at, orderStory, product } from './support/events.js';
import { startHarness, type Harness } from './support/harness.js';

const DAY = 86_400_000;
const today = new Date(Math.floor(Date.now() / DAY) * DAY + 12 * 3_600_000);
const seller = randomUUID();
const [p1, p2] = [randomUUID(), randomUUID()];

let h: Harness;
let sellerToken: string;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'analytics_store_sales');
  sellerToken = await h.tokenFor(seller, ['SELLER']);
});
afterAll(async () => h?.stop());

const REPORT = `query($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to) {
  totals { units orders revenue { amount } } topProducts(first: 10) { product { id } units revenue { amount } } } }`;
const report = async () => {
  const res = await h.query(REPORT, { from: new Date(today.getTime() - DAY).toISOString(), to: new Date(today.getTime() + DAY).toISOString() }, sellerToken);
  expect(res.errors).toBeUndefined();
  return res.data.salesReport;
};

const storeSale = (lines: { productId: string; quantity: number; unitPriceMinor: number }[]) => {
  const totalMinor = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
  const payload = {
    saleId: randomUUID(), receiptNumber: 'POS-000001', warehouseId: randomUUID(), sellerId: seller, cashierId: seller, lines, totalMinor, currency: 'COP', at: today.toISOString(),
  };
  return at(storeSaleRecorded, payload, today);
};

describe('store_sale.recorded', () => {
  it('counts a counter sale as a sale of its own channel, once however often delivered, and a rebuild replays it', async () => {
    await h.deliver(product(p1, seller, null, 4_500_000, 2_000_000, new Date(today.getTime() - 2 * DAY)), product(p2, seller, null, 1_000_000, null, new Date(today.getTime() - 2 * DAY)));
    const web = orderStory(randomUUID(), [{ productId: p1, quantity: 1, unitPriceMinor: 4_500_000 }]);
    await h.deliver(web.placed(today), ...web.paid(today));
    // Two lines of p1 in one sale are one product's part of it.
    const sale = storeSale([
      { productId: p1, quantity: 2, unitPriceMinor: 4_500_000 },
      { productId: p2, quantity: 3, unitPriceMinor: 1_000_000 },
      { productId: p1, quantity: 1, unitPriceMinor: 4_500_000 },
    ]);
    await h.deliver(sale, sale);

    const expected = {
      totals: { units: 7, orders: 2, revenue: { amount: '210000.00' } },
      topProducts: [
        { product: { id: p1 }, units: 4, revenue: { amount: '180000.00' } },
        { product: { id: p2 }, units: 3, revenue: { amount: '30000.00' } },
      ],
    };
    expect(await report()).toEqual(expected);
    const ledger = await h.db.select().from(salesLedger).where(eq(salesLedger.orderId, sale.payload.saleId));
    expect(ledger.map((l) => [l.productId, l.units, Number(l.revenueMinor), l.channel, l.customerId]).sort()).toEqual(
      [[p1, 3, 13_500_000, 'STORE', null], [p2, 3, 3_000_000, 'STORE', null]].sort(),
    );
    const [daily] = await h.db.select().from(salesDaily).where(eq(salesDaily.productId, p1));
    expect(daily).toMatchObject({ units: 4, orders: 2, sellerId: seller });

    const rebuilt = await h.query(`mutation { rebuildAnalytics }`, {}, await h.tokenFor(randomUUID(), ['ADMIN']));
    expect(rebuilt.errors).toBeUndefined();
    expect(await report()).toEqual(expected);
  });
});

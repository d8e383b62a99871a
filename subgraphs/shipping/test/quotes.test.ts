import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { productChanged } from '@shop/products/contract';
import { RemoteShippingQuotes } from '../src/quotes.js';
import { productWeights } from '../src/db/schema.js';
import { quoteAll, quoteOne } from '../src/domain/quotes.js';
import { DEMO_REGION_ZONES, demoMethodId } from '../src/domain/seed.js';
import { startHarness, type Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'shipping_quotes');
});
afterAll(async () => h?.stop());

const STANDARD = demoMethodId('servientrega-estandar');
const EXPRESS = demoMethodId('coordinadora-expres');

/** The demo rate card as the README states it: whole pesos for up to 1, 3, 5, 10, 20 kg, then per started kg; business days. */
const RATES: Record<string, Record<string, { pesos: number[]; extraKg: number; days: number } | null>> = {
  [STANDARD]: {
    CENTRAL: { pesos: [8900, 11900, 14900, 19900, 29900], extraKg: 1500, days: 2 },
    ANDEAN: { pesos: [12900, 16900, 20900, 27900, 41900], extraKg: 2000, days: 3 },
    PERIPHERAL: { pesos: [15900, 20900, 25900, 34900, 52900], extraKg: 2600, days: 5 },
    REMOTE: { pesos: [29900, 39900, 49900, 69900, 99900], extraKg: 4900, days: 9 },
  },
  [EXPRESS]: {
    CENTRAL: { pesos: [14900, 18900, 22900, 29900, 44900], extraKg: 2200, days: 1 },
    ANDEAN: { pesos: [19900, 25900, 31900, 41900, 62900], extraKg: 3000, days: 2 },
    PERIPHERAL: { pesos: [24900, 32900, 40900, 53900, 79900], extraKg: 3900, days: 3 },
    REMOTE: null,
  },
};
/** Weights either side of every band boundary, and above the last band: [grams, band index or extra kg above 20 kg]. */
const WEIGHTS: [number, { band: number } | { extraKg: number }][] = [
  [1, { band: 0 }], [1000, { band: 0 }], [1001, { band: 1 }], [3000, { band: 1 }], [3001, { band: 2 }], [5000, { band: 2 }],
  [5001, { band: 3 }], [10_000, { band: 3 }], [10_001, { band: 4 }], [20_000, { band: 4 }],
  [20_001, { extraKg: 1 }], [21_000, { extraKg: 1 }], [21_001, { extraKg: 2 }], [35_500, { extraKg: 16 }],
];
const expectedMinor = (rate: { pesos: number[]; extraKg: number }, at: { band: number } | { extraKg: number }) =>
  BigInt('band' in at ? rate.pesos[at.band]! : rate.pesos[4]! + at.extraKg * rate.extraKg) * 100n;

/** A product of this unit weight, known to shipping. */
async function productWeighing(grams: number | null): Promise<string> {
  const productId = randomUUID();
  await h.db.insert(productWeights).values({ productId, weightGrams: grams, changedAt: new Date() });
  return productId;
}

const QUOTES = `query($region: String!, $ids: [ID!]!) { shippingQuotes(region: $region, productIds: $ids) { method { id name carrier } cost { amount currency } estimatedDays } }`;

describe('the demo rate card', () => {
  // One department per zone is enough for the price (the zone decides it); every department's zone is checked below.
  const oneRegionPerZone = Object.fromEntries(Object.entries(DEMO_REGION_ZONES).map(([region, zone]) => [zone, region]));

  it('prices every method in every zone at every band boundary exactly, in minor units of COP', async () => {
    const products = new Map(await Promise.all(WEIGHTS.map(async ([grams]) => [grams, await productWeighing(grams)] as const)));
    for (const [methodId, zones] of Object.entries(RATES)) {
      for (const [zone, rate] of Object.entries(zones)) {
        const outcomes = await Promise.all(WEIGHTS.map(([grams]) => quoteOne(h.db, methodId, oneRegionPerZone[zone]!, [{ productId: products.get(grams)!, quantity: 1 }])));
        for (const [i, [grams, at]] of WEIGHTS.entries()) {
          const outcome = outcomes[i]!;
          if (!rate) {
            expect(outcome).toMatchObject({ ok: false, code: 'REGION_NOT_SERVED' });
            continue;
          }
          expect(outcome.ok && { cost: outcome.quote.costMinor, days: outcome.quote.estimatedDays }, `${zone} ${grams} g`).toEqual({ cost: expectedMinor(rate, at), days: rate.days });
        }
      }
    }
  });

  it('puts every department in its zone: each quotes at its zone price', async () => {
    const product = await productWeighing(1000);
    for (const [region, zone] of Object.entries(DEMO_REGION_ZONES)) {
      const outcome = await quoteAll(h.db, region, [{ productId: product, quantity: 1 }]);
      const costs = outcome.ok ? Object.fromEntries(outcome.quotes.map((q) => [q.method.id, q.costMinor])) : null;
      const expected = Object.fromEntries(Object.entries(RATES).flatMap(([methodId, zones]) => (zones[zone] ? [[methodId, BigInt(zones[zone].pesos[0]!) * 100n]] : [])));
      expect(costs, region).toEqual(expected);
    }
  });
});

describe('shippingQuotes', () => {
  it('lists every method serving the region, cheapest first, with Money in pesos', async () => {
    const product = await productWeighing(800);
    const { data, errors } = await h.gql(QUOTES, { region: 'Antioquia', ids: [product] });
    expect(errors).toBeUndefined();
    expect(data.shippingQuotes).toEqual([
      { method: { id: STANDARD, name: 'Estándar', carrier: 'Servientrega' }, cost: { amount: '12900.00', currency: 'COP' }, estimatedDays: 3 },
      { method: { id: EXPRESS, name: 'Exprés', carrier: 'Coordinadora' }, cost: { amount: '19900.00', currency: 'COP' }, estimatedDays: 2 },
    ]);
  });

  it('counts a product listed n times as n units, and a product shipping never heard of (or without a weight) as 1000 g', async () => {
    const light = await productWeighing(900);
    const unweighed = await productWeighing(null);
    // 900 x 2 + 1000 (null) + 1000 (unknown) = 3800 g: the 5 kg band.
    const { data } = await h.gql(QUOTES, { region: 'bogota dc', ids: [light, unweighed, light, randomUUID()] });
    expect(data.shippingQuotes.map((q: any) => q.cost.amount)).toEqual(['14900.00', '22900.00']);
  });

  it('matches the region however it is written, and leaves out a method that does not serve it', async () => {
    const product = await productWeighing(500);
    const written = await Promise.all(['Bogotá D.C.', 'BOGOTÁ D.C.', 'bogota d.c.', ' Bogota '].map((region) => h.gql(QUOTES, { region, ids: [product] })));
    for (const answer of written) expect(answer.data.shippingQuotes).toEqual(written[0]!.data.shippingQuotes);
    const remote = await h.gql(QUOTES, { region: 'guainia', ids: [product] });
    expect(remote.data.shippingQuotes.map((q: any) => q.method.id)).toEqual([STANDARD]);
  });

  it('refuses a region that is not a department, and 0, more than 100 or malformed ids, with BAD_USER_INPUT', async () => {
    const product = await productWeighing(500);
    const texas = await h.gql(QUOTES, { region: 'Texas', ids: [product] });
    expect(texas.data).toBeNull();
    expect(texas.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: ['region'] } });
    expect(texas.errors![0]!.message).toMatch(/"Texas" is not a Colombian department/);
    for (const ids of [[], Array.from({ length: 101 }, () => product), ['not-an-id']]) {
      const refused = await h.gql(QUOTES, { region: 'Antioquia', ids });
      expect(refused.errors![0]!.extensions!.code, JSON.stringify(ids).slice(0, 40)).toBe('BAD_USER_INPUT');
    }
    expect((await h.gql(QUOTES, { region: 'Antioquia', ids: Array.from({ length: 100 }, () => product) })).data.shippingQuotes).toHaveLength(2);
  });

  it('is public, and shippingMethods lists every method by name', async () => {
    expect((await h.gql(`{ shippingMethods { id name carrier } }`)).data.shippingMethods).toEqual([
      { id: STANDARD, name: 'Estándar', carrier: 'Servientrega' },
      { id: EXPRESS, name: 'Exprés', carrier: 'Coordinadora' },
    ]);
  });
});

describe('the internal quote route, through RemoteShippingQuotes', () => {
  const client = () => new RemoteShippingQuotes({ url: h.shipping.url, credentials: h.credentials });

  it('answers the quote for a method, the region and the lines', async () => {
    const product = await productWeighing(1200);
    expect(await client().quote({ region: 'Valle del Cauca', methodId: EXPRESS, lines: [{ productId: product, quantity: 2 }] })).toEqual({
      ok: true,
      quote: { method: { id: EXPRESS, name: 'Exprés', carrier: 'Coordinadora' }, costMinor: 2_590_000, currency: 'COP', estimatedDays: 2 },
    });
  });

  it('refuses an unknown method (NOT_FOUND), a region it does not serve (REGION_NOT_SERVED), a non-department or a bad body (INVALID_INPUT)', async () => {
    const lines = [{ productId: await productWeighing(100), quantity: 1 }];
    expect(await client().quote({ region: 'Antioquia', methodId: randomUUID(), lines })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await client().quote({ region: 'Vaupés', methodId: EXPRESS, lines })).toEqual({ ok: false, code: 'REGION_NOT_SERVED', message: 'Coordinadora Exprés does not deliver to Vaupés.' });
    expect(await client().quote({ region: 'Ohio', methodId: EXPRESS, lines })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/not a Colombian department/) });
    expect(await client().quote({ region: 'Antioquia', methodId: EXPRESS, lines: [] })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: 'lines: Must have at least one line.' });
  });

  it('answers verified services only', async () => {
    const response = await fetch(new URL('/internal/shipping/quote', h.shipping.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
  });

  it('throws SubgraphUnavailableError when shipping does not answer', async () => {
    const down = new RemoteShippingQuotes({ url: 'http://127.0.0.1:1/graphql', credentials: h.credentials, timeoutMs: 500 });
    await expect(down.quote({ region: 'Antioquia', methodId: EXPRESS, lines: [{ productId: randomUUID(), quantity: 1 }] })).rejects.toMatchObject({ name: 'SubgraphUnavailableError' });
  });
});

describe("products' weights", () => {
  const weightOf = async (productId: string) => {
    const { data } = await h.gql(QUOTES, { region: 'Cundinamarca', ids: [productId] });
    return data.shippingQuotes[0].cost.amount;
  };
  const changed = (productId: string, weightGrams: number | null | undefined, occurredAt: Date) => ({
    ...productChanged.create({ productId, sellerId: randomUUID(), categoryId: null, name: 'Hamaca', priceMinor: 100, currency: 'COP', costPriceMinor: null, ...(weightGrams === undefined ? {} : { weightGrams }) }),
    occurredAt: occurredAt.toISOString(),
  });

  it('follow product.changed; an older event never overwrites a newer one; no weight (null or an old event without it) is 1000 g', async () => {
    const productId = randomUUID();
    const now = Date.now();
    await h.bus.publish(changed(productId, 4500, new Date(now)));
    await h.settle();
    expect(await weightOf(productId)).toBe('14900.00');
    await h.bus.publish(changed(productId, 200, new Date(now - 60_000)));
    await h.settle();
    expect(await weightOf(productId)).toBe('14900.00');
    await h.bus.publish(changed(productId, null, new Date(now + 1000)));
    await h.settle();
    expect(await weightOf(productId)).toBe('8900.00');
    await h.bus.publish(changed(productId, 12_000, new Date(now + 2000)));
    await h.bus.publish(changed(productId, undefined, new Date(now + 3000)));
    await h.settle();
    expect(await weightOf(productId)).toBe('8900.00');
  });
});

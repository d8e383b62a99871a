import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { InProcessEventBus } from '@shop/events';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { orderStatusChanged } from '@shop/orders/contract';
import { graphqlRequest } from '@shop/testing';
import { shipping as definition } from '../src/subgraph.js';
import { demoMethodId } from '../src/domain/seed.js';

// The embedded default (`npm start`) runs PostgreSQL in WASM: the same migrations and SQL (the composite rate keys,
// the conditional weight upsert, the tracking number sequence) must work there, and the demo seed with them.
let dataDir: string;
let shipping: RunningSubgraph<any, any>;
let issuer: Awaited<ReturnType<typeof createTokenIssuer>>;
const bus = new InProcessEventBus(20);
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'shipping-pglite-'));
  const keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  shipping = await startSubgraph(definition, { config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true' }, bus });
});
afterAll(async () => {
  await shipping?.stop();
  await bus.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('on embedded PGlite', () => {
  it('migrates, seeds the rate card and the demo weights, quotes, labels a paid order and moves its shipment', async () => {
    // Three units of a filigree piece (a few dozen grams each, seeded from the demo catalog): under 1 kg, where three
    // units of unknown weight (1000 g each) would be the 3 kg band.
    const jewel = demo.products.find((p) => p.sku === 'FIL-001')!;
    expect(3 * jewel.weightGrams).toBeLessThanOrEqual(1000);
    const quotes = await graphqlRequest(shipping.url, `query($ids: [ID!]!) { shippingQuotes(region: "Bogotá D.C.", productIds: $ids) { method { id } cost { amount } } }`, { ids: [jewel.id, jewel.id, jewel.id] });
    expect(quotes.errors).toBeUndefined();
    expect(quotes.data.shippingQuotes).toEqual([
      { method: { id: demoMethodId('servientrega-estandar') }, cost: { amount: '8900.00' } },
      { method: { id: demoMethodId('coordinadora-expres') }, cost: { amount: '14900.00' } },
    ]);

    const orderId = randomUUID();
    await bus.publish(orderStatusChanged.create({ orderId, customerId: demo.customer.id, from: 'AWAITING_PAYMENT', to: 'PAID', reason: null, lines: [], shipping: { methodId: demoMethodId('coordinadora-expres'), costMinor: 1_490_000, region: 'Bogotá D.C.' } }));
    await bus.drain();
    const customer = await issuer.issue({ id: demo.customer.id, roles: ['CUSTOMER'] });
    const ORDER = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { shipments { id trackingNumber status } } } }`;
    const [order] = (await graphqlRequest(shipping.url, ORDER, { reps: [{ __typename: 'Order', id: orderId }] }, customer)).data._entities;
    expect(order.shipments).toEqual([{ id: expect.any(String), trackingNumber: `CRD-${new Date().getUTCFullYear()}-000001`, status: 'LABEL_CREATED' }]);
    const admin = await issuer.issue({ id: demo.admin.id, roles: ['ADMIN'] });
    const moved = await graphqlRequest(shipping.url, `mutation($id: ID!) { advanceShipment(id: $id, status: IN_TRANSIT) }`, { id: order.shipments[0].id }, admin);
    expect(moved.data.advanceShipment).toBe(true);
  });
});

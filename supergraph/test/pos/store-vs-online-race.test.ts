import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem, type TokenIssuer } from '@shop/auth';
import { demo, stableId } from '@shop/demo-store';
import { openDatabase } from '@shop/db';
import { inventory as inventoryService } from '@shop/inventory';
import { startSubgraph } from '@shop/kernel';
import { orders as ordersService } from '@shop/orders';
import { products as productsService } from '@shop/products';
import type { RunningServer } from '@shop/server';
import { createTestDatabase, freePort, graphqlRequest, startServiceProcess, type ServiceProcess } from '@shop/testing';
import { schema } from '../../../subgraphs/inventory/src/db/schema.js';
import { seedDemoInventory } from '../../../subgraphs/inventory/src/domain/seed.js';

/**
 * The last unit of a product, in a seller's shop only, sold at the counter and ordered online at the same moment:
 * the counter sale goes to one inventory replica (its own OS process), the web order through orders to the other,
 * both over one inventory database. Exactly one of the two gets the unit; the other is OUT_OF_STOCK.
 */
const [wayuu] = demo.sellers;
// The demo shop of the wayuu seller (inventory's seed) and 30 of the seller's products, one unit each, only there.
const storeId = stableId('warehouse', 'store-wayuu');
const raced = demo.products.filter((p) => p.sellerId === wayuu.id).slice(0, 30);

let issuer: TokenIssuer;
let products: RunningServer;
let orders: RunningServer;
const inventory: ServiceProcess[] = [];
const dbs: { url: string; drop(): Promise<void> }[] = [];
let inventorySql: postgres.Sql;

beforeAll(async () => {
  const keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const [productsDb, inventoryDb, ordersDb] = await Promise.all(['pos_products', 'pos_inventory', 'pos_orders'].map((p) => createTestDatabase(inject('databaseUrl'), p)));
  dbs.push(productsDb!, inventoryDb!, ordersDb!);
  products = await startSubgraph(productsService, { config: { PORT: 0, DATABASE_URL: productsDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem } });
  // Migrated and seeded here, so both replicas start at once on the ready database.
  const direct = await openDatabase({ url: inventoryDb!.url, schema, migrationsFolder: fileURLToPath(inventoryService.database.migrations), maxConnections: 2 });
  await seedDemoInventory(direct.db);
  await direct.close();
  const common = { JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'false', EVENT_BUS: 'memory', PRODUCTS_URL: products.url, DATABASE_URL: inventoryDb!.url };
  inventory.push(...(await Promise.all([0, 1].map(async (i) => startServiceProcess(`pos-inventory-${i}`, 'platform/src/serve.ts inventory', await freePort(), common)))));
  orders = await startSubgraph(ordersService, {
    config: { PORT: 0, DATABASE_URL: ordersDb!.url, JWT_PUBLIC_KEY: keys.publicKeyPem, PRODUCTS_URL: products.url, INVENTORY_URL: inventory[1]!.url },
  });
  inventorySql = postgres(inventoryDb!.url, { max: 2, onnotice: () => {} });
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(inventory.map((p) => p.stop()));
  await orders?.stop();
  await products?.stop();
  await inventorySql?.end();
  for (const db of dbs) await db.drop();
});

const SELL = `mutation($input: StoreSaleInput!) { recordStoreSale(input: $input) { sale { receiptNumber } errors { code field } } }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } errors { code field } } }`;

const codeOf = (payload: { errors: { code: string }[] }) => payload.errors[0]?.code ?? 'WON';

describe('the last unit in a store, sold at the counter and online at once', () => {
  it('goes to exactly one of them in 30 races across two inventory replicas: the other is OUT_OF_STOCK, nothing is oversold, the ledger agrees', async () => {
    const ids = raced.map((p) => p.id);
    // One unit each, in the shop only (a web order may take from any warehouse: there is nothing elsewhere).
    await inventorySql`update stock_levels set on_hand = 0, reserved = 0 where product_id in ${inventorySql(ids)}`;
    await inventorySql`insert into stock_levels ${inventorySql(ids.map((id) => ({ product_id: id, warehouse_id: storeId, on_hand: 1, reserved: 0 })))}
      on conflict (product_id, warehouse_id) do update set on_hand = 1, reserved = 0`;
    const [sellerToken, ...customers] = await Promise.all([
      issuer.issue({ id: wayuu.id, roles: ['SELLER', 'CUSTOMER'] }),
      ...ids.map(() => issuer.issue({ id: randomUUID(), roles: ['CUSTOMER'] })),
    ]);

    // Every race starts together: 30 counter sales on replica 0 and 30 web orders through orders on replica 1.
    const races = await Promise.all(
      ids.map((productId, i) =>
        Promise.all([
          graphqlRequest(inventory[0]!.url, SELL, { input: { warehouseId: storeId, lines: [{ productId, quantity: 1 }], idempotencyKey: `pos-${i}` } }, sellerToken),
          graphqlRequest(orders.url, PLACE, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey: `web-${i}` } }, customers[i]),
        ]),
      ),
    );
    expect(races.flat().filter((r) => r.status !== 200 || r.errors)).toEqual([]);
    const outcomes = races.map(([pos, web]) => [codeOf(pos.data.recordStoreSale), codeOf(web.data.placeOrder)].join('/'));
    // Exactly one winner per race; the loser is told OUT_OF_STOCK (which side wins is the database's to decide).
    expect(outcomes.filter((o) => o !== 'WON/OUT_OF_STOCK' && o !== 'OUT_OF_STOCK/WON')).toEqual([]);
    const counterWins = new Set(ids.filter((_, i) => outcomes[i] === 'WON/OUT_OF_STOCK'));
    console.info(`store vs online: the counter won ${counterWins.size} of ${ids.length} races, the web ${ids.length - counterWins.size}`);

    // 0 oversold: per product, units sold at the counter + units held by web orders = the 1 unit there was.
    const levels = await inventorySql<{ productId: string; onHand: number; reserved: number }[]>`
      select product_id as "productId", sum(on_hand)::int as "onHand", sum(reserved)::int as reserved from stock_levels where product_id in ${inventorySql(ids)} group by product_id`;
    const sales = await inventorySql<{ productId: string; units: number; notes: string[] }[]>`
      select product_id as "productId", -sum(delta)::int as units, array_agg(note) as notes from stock_movements where reason = 'SALE' and product_id in ${inventorySql(ids)} group by product_id`;
    for (const productId of ids) {
      const level = levels.find((l) => l.productId === productId)!;
      const sold = sales.find((s) => s.productId === productId)?.units ?? 0;
      expect({ productId, sold, held: level.reserved }).toEqual({ productId, sold: counterWins.has(productId) ? 1 : 0, held: counterWins.has(productId) ? 0 : 1 });
      expect(level.onHand).toBe(1 - sold);
    }
    // The ledger: each counter win is one SALE movement noted with its receipt, and one sale line.
    const receipts = races.flatMap(([pos]) => (pos.data.recordStoreSale.sale ? [pos.data.recordStoreSale.sale.receiptNumber as string] : []));
    expect(sales.flatMap((s) => s.notes).sort()).toEqual(receipts.sort());
    const [lines] = await inventorySql<{ n: number }[]>`select count(*)::int as n from store_sale_lines where product_id in ${inventorySql(ids)}`;
    expect(lines!.n).toBe(counterWins.size);
  }, 60_000);
});

import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createServiceCredentials, processServiceSecret } from '@shop/auth';
import type { Database } from '@shop/db';
import type { RunningServer } from '@shop/server';
import { outbox, reservationLines, reservations, stockLevels, stockMovements, type InventorySchema } from '../../src/db/schema.js';

type Db = Database<InventorySchema>;

/** The internal API's base URL of a running inventory server (it listens beside /graphql). */
export const internalBase = (server: RunningServer | { url: string }) => server.url.replace(/\/graphql$/, '');

export interface HttpAnswer {
  status: number;
  body: any;
}

/** What the orders subgraph sends: inventory's internal endpoints answer verified services only. */
export const ordersCredentials = createServiceCredentials('orders', processServiceSecret());

export async function postJson(url: string, body: unknown, contentType = 'application/json', credentials: { headers(): Promise<Record<string, string>> } | null = ordersCredentials): Promise<HttpAnswer> {
  const headers = { 'content-type': contentType, ...(await credentials?.headers()) };
  const response = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a non-JSON answer stays text, so a test can show it
  }
  return { status: response.status, body: parsed };
}

export const reserveOver = (server: RunningServer | { url: string }, body: unknown) => postJson(`${internalBase(server)}/internal/reservations`, body);
export const releaseOver = (server: RunningServer | { url: string }, id: string) => postJson(`${internalBase(server)}/internal/reservations/${id}/release`, {});

export const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);

/** A product only this test knows, stocked directly: warehouseId -> onHand. */
export async function stockProduct(db: Db, levels: Record<string, number>): Promise<string> {
  const productId = randomUUID();
  await db.insert(stockLevels).values(Object.entries(levels).map(([warehouseId, onHand]) => ({ productId, warehouseId, onHand, reserved: 0 })));
  return productId;
}

/** stock.changed's warehouses from warehouseId -> [onHand, reserved], in the event's order (by warehouse id). */
export const warehouseFigures = (levels: Record<string, [onHand: number, reserved: number]>) =>
  Object.entries(levels)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([warehouseId, [onHand, reserved]]) => ({ warehouseId, onHand, reserved, available: onHand - reserved }));

export async function totalsOf(db: Db, productId: string) {
  const [row] = await db
    .select({
      onHand: sql<number>`coalesce(sum(${stockLevels.onHand}), 0)::int`,
      reserved: sql<number>`coalesce(sum(${stockLevels.reserved}), 0)::int`,
      minAvailable: sql<number>`coalesce(min(${stockLevels.onHand} - ${stockLevels.reserved}), 0)::int`,
    })
    .from(stockLevels)
    .where(eq(stockLevels.productId, productId));
  return { onHand: Number(row!.onHand), reserved: Number(row!.reserved), minAvailable: Number(row!.minAvailable) };
}

export async function levelOf(db: Db, productId: string, warehouseId: string) {
  const [row] = await db.select().from(stockLevels).where(and(eq(stockLevels.productId, productId), eq(stockLevels.warehouseId, warehouseId)));
  return row ? { onHand: row.onHand, reserved: row.reserved } : null;
}

export const reservationOf = async (db: Db, id: string) => (await db.select().from(reservations).where(eq(reservations.id, id)))[0];
export const linesOf = (db: Db, ids: string[]) => (ids.length ? db.select().from(reservationLines).where(inArray(reservationLines.reservationId, ids)) : Promise.resolve([]));
export const movementsOf = (db: Db, productId: string) => db.select().from(stockMovements).where(eq(stockMovements.productId, productId));
export const stockEventsOf = async (db: Db, productId: string) =>
  (await db.select().from(outbox).where(and(eq(outbox.type, 'stock.changed'), eq(outbox.aggregateId, productId))).orderBy(outbox.seq)).map((row) => row.payload);

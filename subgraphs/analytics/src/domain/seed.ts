import { count } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { demo, stableId } from '@shop/demo-store';
import type { DomainEvent, EventContract } from '@shop/events';
import { eventLog, type AnalyticsSchema } from '../db/schema.js';
import { orderStatusChanged, paymentStatusChanged, productChanged, stockChanged, type OrderStatusChangedPayload } from '../events.js';
import { appendEvents, projectIntoEmpty } from './event-log.js';
import { mulberry32 } from '@shop/common';

const DAY_MS = 86_400_000;
export const SEED_DAYS = 365;

/** Knuth's Poisson draw (fine for the small means here). */
function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}

/** Monday..Sunday: weekends sell most (gifts bought on Saturday), Monday least. */
export const WEEKLY = [0.75, 0.85, 0.9, 0.95, 1.1, 1.5, 1.25] as const;
/** Orders per day at the start of the year; the trend adds 80% over it. */
const BASE_ORDERS = 13;

/** Expected orders on a day: base × trend × weekday × season (peak in mid-December, low in late June). */
export function expectedOrders(day: Date, dayIndex: number): number {
  const trend = 1 + (0.8 * dayIndex) / SEED_DAYS;
  const weekday = WEEKLY[(day.getUTCDay() + 6) % 7]!;
  const dayOfYear = Math.floor((day.getTime() - Date.UTC(day.getUTCFullYear(), 0, 1)) / DAY_MS);
  const season = 1 + 0.35 * Math.cos((2 * Math.PI * (dayOfYear - 350)) / 365);
  return BASE_ORDERS * trend * weekday * season;
}

/** What one unit of a demo product costs its seller: 40–60% of its price, fixed per product. */
export const demoCostMinor = (priceMinor: number, index: number) => Math.round((priceMinor * (40 + ((index * 7) % 21))) / 100);

interface Generated {
  events: DomainEvent[];
  orders: number;
}

/**
 * A year of synthetic history for the demo catalog, ending at `now`, as the events the services would have
 * published: product.changed for each product, then orders placed, paid (payment captured), expired unpaid or
 * cancelled after paying and refunded, and stock.changed for the current stock (and 30 days before, for turnover).
 * `days` keeps only the year's last days (the same trend and season), for platforms that need no year.
 */
export function demoHistory(now: Date, seed = 20261206, days = SEED_DAYS): Generated {
  const random = mulberry32(seed);
  const events: DomainEvent[] = [];
  let n = 0;
  const emit = <P extends Record<string, unknown>>(contract: EventContract<P>, payload: P, at: Date) => {
    if (at > now) return;
    events.push({ ...contract.create(payload), id: stableId('analytics-seed-event', String(n++)), occurredAt: at.toISOString() });
  };
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const firstDay = today - (SEED_DAYS - 1) * DAY_MS;

  const products = demo.products.map((p, i) => ({ ...p, priceMinor: Number(p.priceMinor), costMinor: demoCostMinor(Number(p.priceMinor), i) }));
  for (const p of products) {
    emit(productChanged, { productId: p.id, sellerId: p.sellerId, categoryId: p.categoryId, name: p.name, priceMinor: p.priceMinor, currency: p.currency, costPriceMinor: p.costMinor }, new Date(firstDay - DAY_MS));
  }
  // Popularity: a few products sell far more than the rest (cumulative weights for the draw).
  const weights = products.map((_, i) => 1 / (1 + ((i * 13) % products.length) * 0.15));
  const cumulative = weights.map(((sum) => (w: number) => (sum += w))(0));
  const total = cumulative[cumulative.length - 1]!;
  const pick = () => {
    const draw = random() * total;
    return products[cumulative.findIndex((c) => c >= draw)]!;
  };

  const customers = Array.from({ length: 800 }, (_, i) => stableId('analytics-demo-customer', String(i)));
  const unitsByProductRecent = new Map<string, number>();
  let orders = 0;

  for (let dayIndex = SEED_DAYS - days; dayIndex < SEED_DAYS; dayIndex++) {
    const dayStart = firstDay + dayIndex * DAY_MS;
    const count = poisson(random, expectedOrders(new Date(dayStart), dayIndex));
    for (let k = 0; k < count; k++) {
      // Between 06:00 and 23:30 UTC, so an order and its payment fall on the same UTC day.
      const placedAt = new Date(dayStart + Math.floor((6 + random() * 17.5) * 3_600_000));
      const orderKey = `${dayIndex}-${k}`;
      const orderId = stableId('analytics-demo-order', orderKey);
      // Skewed towards the first customers, so many come back.
      const customerId = customers[Math.floor(customers.length * random() ** 2)]!;
      const lineCount = random() < 0.65 ? 1 : random() < 0.75 ? 2 : 3;
      const chosen = new Map<string, (typeof products)[number]>();
      while (chosen.size < lineCount) {
        const p = pick();
        chosen.set(p.id, p);
      }
      const lines = [...chosen.values()].map((p) => ({ productId: p.id, quantity: random() < 0.82 ? 1 : random() < 0.8 ? 2 : 3, unitPriceMinor: p.priceMinor }));
      const totalMinor = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
      const base: Omit<OrderStatusChangedPayload, 'from' | 'to' | 'reason'> = {
        orderId, customerId, lines, number: `SIM-${String(++orders).padStart(6, '0')}`, total: { amountMinor: totalMinor, currency: 'COP' },
      };
      emit(orderStatusChanged, { ...base, from: null, to: 'AWAITING_PAYMENT', reason: null }, placedAt);
      const outcome = random();
      if (outcome < 0.14) {
        emit(orderStatusChanged, { ...base, from: 'AWAITING_PAYMENT', to: 'CANCELLED', reason: 'EXPIRED' }, new Date(placedAt.getTime() + 30 * 60_000));
        continue;
      }
      const paidAt = new Date(placedAt.getTime() + Math.floor((1 + random() * 20) * 60_000));
      const paymentId = stableId('analytics-demo-payment', orderKey);
      const payment = { paymentId, orderId, customerId, failureReason: null, amountMinor: String(totalMinor), currency: 'COP' };
      emit(paymentStatusChanged, { ...payment, status: 'CAPTURED' }, paidAt);
      emit(orderStatusChanged, { ...base, from: 'AWAITING_PAYMENT', to: 'PAID', reason: null }, paidAt);
      if (random() < 0.03) {
        const cancelledAt = new Date(paidAt.getTime() + Math.floor((2 + random() * 46) * 3_600_000));
        emit(orderStatusChanged, { ...base, from: 'PAID', to: 'CANCELLED', reason: 'CUSTOMER' }, cancelledAt);
        emit(paymentStatusChanged, { ...payment, status: 'REFUNDED' }, new Date(cancelledAt.getTime() + 60_000));
      } else if (paidAt.getTime() >= today - 29 * DAY_MS && paidAt <= now) {
        for (const l of lines) unitsByProductRecent.set(l.productId, (unitsByProductRecent.get(l.productId) ?? 0) + l.quantity);
      }
    }
  }

  // The demo store's own paid order (orders' and payments' seed), as they would have published it.
  const past = demo.pastOrder;
  if (past.createdAt.getTime() >= today - (days - 1) * DAY_MS) {
    const lines = past.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPriceMinor: Number(l.unitPriceMinor) }));
    const base = { orderId: past.id, customerId: past.customerId, lines, number: past.number, total: { amountMinor: Number(demo.pastOrderTotalMinor), currency: past.currency } };
    emit(orderStatusChanged, { ...base, from: null, to: 'AWAITING_PAYMENT', reason: null }, past.createdAt);
    const payment = demo.pastPayment;
    emit(paymentStatusChanged, { paymentId: payment.id, orderId: past.id, customerId: past.customerId, status: 'CAPTURED', failureReason: null, amountMinor: String(payment.amountMinor), currency: payment.currency }, payment.createdAt);
    emit(orderStatusChanged, { ...base, from: 'AWAITING_PAYMENT', to: 'PAID', reason: null }, payment.createdAt);
  }

  // Stock: the demo's current units now, and (as if restocked since) what was sold over the last 30 days more before.
  for (const p of products) {
    const rows = demo.stock.filter((s) => s.productId === p.id);
    const warehouses = (extra: number) =>
      rows.map((s, i) => {
        const onHand = s.onHand + (i === 0 ? extra : 0);
        return { warehouseId: s.warehouseId, onHand, reserved: 0, available: onHand };
      });
    const sold = unitsByProductRecent.get(p.id) ?? 0;
    for (const [at, extra] of [[new Date(today - 30 * DAY_MS), sold], [new Date(now.getTime() - 1000), 0]] as const) {
      const ws = warehouses(extra);
      const onHand = ws.reduce((sum, w) => sum + w.onHand, 0);
      emit(stockChanged, { productId: p.id, onHand, reserved: 0, available: onHand, warehouses: ws }, at);
    }
  }
  events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return { events, orders };
}

/**
 * The demo seed: a year of history written into event_log and projected with the same rules as live events (into
 * memory, then bulk inserts), in one transaction. Runs once: only into an empty event_log.
 */
export async function seedDemoHistory(db: Database<AnalyticsSchema>, now = new Date(), days = SEED_DAYS): Promise<{ events: number; orders: number } | null> {
  const [existing] = await db.select({ n: count() }).from(eventLog);
  if ((existing?.n ?? 0) > 0) return null;
  const { events, orders } = demoHistory(now, undefined, days);
  await db.transaction(async (tx) => {
    await appendEvents(tx, events);
    await projectIntoEmpty(tx, events);
  });
  return { events: events.length, orders };
}

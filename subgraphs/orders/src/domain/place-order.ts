import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { createLogger, fail, issuesToUserErrors, ok, parseDecimalToMinor, type Result, type UserError, userError, zId } from '@shop/common';
import type { Database } from '@shop/db';
import { SubgraphUnavailableError } from '@shop/server';
import { carts, type OrderRow, type OrdersSchema } from '../db/schema.js';
import { OrdersErrorCode } from '../errors.js';
import type { ProductCatalog } from '../product-catalog.js';
import type { ReservationLine, StockReservations } from '../stock-reservations.js';
import { findCartLines, MAX_CART_LINES, MAX_LINE_QUANTITY } from './cart.js';
import { orderIdFor } from './order-id.js';
import { quoteOrderShipping, type OrderShipping, type ShippingDeps } from './order-shipping.js';
import { MAX_ORDER_TOTAL_MINOR, orderTotalMinor } from './order-total.js';
import type { PlacedOrders, PricedLine } from './placed-orders.js';

type Db = Database<OrdersSchema>;

export const DEFAULT_RESERVATION_TTL_MS = 15 * 60_000;
const logger = createLogger('orders.place-order');

export interface PlaceOrderDeps {
  /** The orders, read and written in batches across concurrent placements. */
  placed: PlacedOrders;
  catalog: ProductCatalog;
  reservations: StockReservations;
  /** The customer's saved addresses (users) and shipping's quotes, for an order placed with shipping. */
  shipping: ShippingDeps;
  reservationTtlMs: number;
  now?: () => Date;
}

export interface PlaceOrderInput {
  /** Omitted or null: the customer's cart. */
  lines?: readonly ReservationLine[] | null;
  idempotencyKey: string;
  /** With shippingMethodId, or neither: one of the customer's saved addresses. */
  shippingAddressId?: string | null;
  shippingMethodId?: string | null;
}

const quantityMessage = `Must be between 1 and ${MAX_LINE_QUANTITY}.`;
const lineInput = z.object({
  productId: zId,
  quantity: z.number().int({ message: 'Must be a whole number.' }).min(1, { message: quantityMessage }).max(MAX_LINE_QUANTITY, { message: quantityMessage }),
});
const linesInput = z
  .array(lineInput)
  .min(1, { message: 'An order needs at least one line.' })
  .max(MAX_CART_LINES, { message: `An order has at most ${MAX_CART_LINES} lines.` })
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      const key = line.productId.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'This product is already on another line.', path: [i, 'productId'] });
      seen.add(key);
    });
  });
const placeOrderInput = z
  .object({
    lines: linesInput.nullish(),
    idempotencyKey: z.string().min(1, { message: 'Must not be empty.' }).max(200, { message: 'Must be at most 200 characters.' }),
    shippingAddressId: zId.nullish(),
    shippingMethodId: zId.nullish(),
  })
  .superRefine((input, ctx) => {
    // Both or neither: an address without a method (or the reverse) cannot be priced.
    if (input.shippingAddressId && !input.shippingMethodId) ctx.addIssue({ code: 'custom', message: 'Required with shippingAddressId.', path: ['shippingMethodId'] });
    if (input.shippingMethodId && !input.shippingAddressId) ctx.addIssue({ code: 'custom', message: 'Required with shippingMethodId.', path: ['shippingAddressId'] });
  });

/**
 * Places an order: prices from products now and, with shipping, the address from users and its cost from shipping
 * (asked at the same time; total = lines + shipping cost), stock held in inventory (all lines or none), then the
 * order, its lines, its history and its order.status_changed event in one transaction (which also empties the cart
 * it came from; concurrent placements share that transaction, see PlacedOrders). Nothing is held before every
 * price is known, so a refused or unavailable quote leaves nothing to undo.
 * The order id derives from (customer, idempotency key): a replay, even a concurrent one, returns the same order.
 */
export async function placeOrder(deps: PlaceOrderDeps, customerId: string, input: PlaceOrderInput): Promise<Result<OrderRow>> {
  const parsed = placeOrderInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error, ['input']));
  const { idempotencyKey } = parsed.data;
  const orderId = orderIdFor(customerId, idempotencyKey);

  const existing = await deps.placed.find(orderId);
  if (existing) return ok(existing);

  const fromCart = !parsed.data.lines;
  const lines = parsed.data.lines ?? (await customerCartLines(deps.placed.db, customerId));
  if (lines.length === 0) return fail(userError(OrdersErrorCode.InvalidInput, 'The cart is empty: add products or send lines.', ['input', 'lines']));

  const { shippingAddressId, shippingMethodId } = parsed.data;
  const quoting: Promise<Result<OrderShipping | null>> =
    shippingAddressId && shippingMethodId ? quoteOrderShipping(deps.shipping, customerId, { addressId: shippingAddressId, methodId: shippingMethodId }, lines) : Promise.resolve(ok(null));
  const [priced, shipping] = await Promise.all([priceLines(deps.catalog, lines), quoting]);
  if (!priced.ok || !shipping.ok) return fail(...(priced.ok ? [] : priced.errors), ...(shipping.ok ? [] : shipping.errors));
  const totalled = checkTotal(priced.value, shipping.value);
  if (totalled) return fail(totalled);

  const now = deps.now?.() ?? new Date();
  const reservedUntil = new Date(now.getTime() + deps.reservationTtlMs);
  try {
    const outcome = await deps.reservations.reserve(orderId, lines, reservedUntil);
    if (outcome.status === 'ENDED') {
      // An earlier attempt with this key failed and was compensated (inventory keeps the id as released); the key is spent.
      return fail(userError(OrdersErrorCode.InvalidInput, 'An earlier attempt with this key failed and its stock was released; place the order with a new idempotency key.', ['input', 'idempotencyKey']));
    }
    if (outcome.status === 'OUT_OF_STOCK') {
      return fail(
        ...outcome.shortLines.map((s) =>
          userError(OrdersErrorCode.OutOfStock, `Only ${s.available} of ${s.requested} available.`, ['input', 'lines', s.index, 'quantity']),
        ),
      );
    }
  } catch (error) {
    if (!(error instanceof SubgraphUnavailableError)) throw error;
    // Inventory may have held the stock before it stopped answering: give it back (its orphan sweeper is the backstop).
    void compensate(deps, orderId);
    return fail(userError(OrdersErrorCode.ServiceUnavailable, 'Inventory is not answering; try again shortly with a new idempotency key.'));
  }

  try {
    return ok(await deps.placed.insert({ orderId, customerId, idempotencyKey, reservedUntil, lines: priced.value, shipping: shipping.value, fromCart }));
  } catch (error) {
    if (isUniqueViolation(error)) {
      // A concurrent twin with the same key committed first; its order (and the one reservation) is the answer.
      const twin = await deps.placed.find(orderId);
      if (twin) return ok(twin);
    }
    await compensate(deps, orderId);
    throw error;
  }
}

/** Read only: a customer without a cart has an empty one, and placing from it must write nothing. */
async function customerCartLines(db: Db, customerId: string): Promise<ReservationLine[]> {
  const [cart] = await db.select().from(carts).where(eq(carts.customerId, customerId));
  if (!cart) return [];
  return (await findCartLines(db, cart.id)).map((l) => ({ productId: l.productId, quantity: l.quantity }));
}

/** Today's price of every line from the products subgraph; every product must be ACTIVE and share one currency. */
async function priceLines(catalog: ProductCatalog, lines: readonly ReservationLine[]): Promise<Result<PricedLine[]>> {
  let products;
  try {
    products = await catalog.findProducts(lines.map((l) => l.productId));
  } catch (error) {
    if (!(error instanceof SubgraphUnavailableError)) throw error;
    return fail(userError(OrdersErrorCode.ServiceUnavailable, 'The product catalog is not answering; try again shortly.'));
  }
  const errors: UserError[] = [];
  const priced: PricedLine[] = [];
  lines.forEach((line, i) => {
    const product = products[i];
    if (product?.status !== 'ACTIVE') {
      errors.push(userError(OrdersErrorCode.NotFound, 'No product with this id is for sale.', ['input', 'lines', i, 'productId']));
      return;
    }
    // Refused before any stock is held: a line priced 0 (or below) makes an order no payment can take.
    if (/^\s*-/.test(product.price.amount) || parseDecimalToMinor(product.price.amount) === 0n) {
      errors.push(userError(OrdersErrorCode.NotPurchasable, 'This product has no price yet and cannot be ordered.', ['input', 'lines', i, 'productId']));
      return;
    }
    const unitPriceMinor = parseDecimalToMinor(product.price.amount);
    if (unitPriceMinor === null) throw new Error(`products answered an unreadable price for ${product.id}: ${product.price.amount}`);
    priced.push({ ...line, unitPriceMinor, currency: product.price.currency });
  });
  if (errors.length) return fail(...errors);
  const currency = priced[0]!.currency;
  priced.forEach((line, i) => {
    if (line.currency !== currency) errors.push(userError(OrdersErrorCode.InvalidInput, `Every line must be in one currency (${currency}).`, ['input', 'lines', i, 'productId']));
  });
  return errors.length ? fail(...errors) : ok(priced);
}

/** Why lines and shipping cannot make one order's total, or null when they can. */
function checkTotal(lines: readonly PricedLine[], shipping: OrderShipping | null): UserError | null {
  if (shipping && shipping.currency !== lines[0]!.currency) {
    return userError(OrdersErrorCode.InvalidInput, `Shipping is priced in ${shipping.currency}; these products are in ${lines[0]!.currency}.`, ['input', 'shippingMethodId']);
  }
  // A price may have 15 digits and a line 999 units: their product can pass what total_minor (a bigint) holds.
  if (orderTotalMinor(lines, shipping?.costMinor ?? null) > MAX_ORDER_TOTAL_MINOR) {
    return userError(OrdersErrorCode.InvalidInput, 'The order total is larger than one order can take; order fewer units.', ['input', 'lines']);
  }
  return null;
}

/**
 * Gives the reservation back after a failed placement, unless a concurrent twin's order with this id committed
 * (that order owns the hold now). Best effort: inventory's orphan sweeper releases what this misses.
 */
async function compensate(deps: PlaceOrderDeps, orderId: string): Promise<void> {
  // An unreachable database cannot have committed a twin either: release then.
  if (await deps.placed.find(orderId).catch(() => undefined)) return;
  try {
    await deps.reservations.release(orderId);
  } catch (error) {
    logger.warn({ err: error, orderId }, 'could not release the reservation of a failed placement; the orphan sweeper will');
  }
}

/** A unique violation on the order's id or its (customer, idempotency key), through drizzle's error wrapping. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') {
      const constraint = e.constraint_name ?? e.constraint;
      return constraint === undefined || constraint === 'orders_pkey' || constraint === 'orders_customer_idempotency_key';
    }
  }
  return false;
}

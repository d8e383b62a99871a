import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { fail, issuesToUserErrors, ok, type Result, userError, zId } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import { SubgraphUnavailableError } from '@shop/server';
import { cartLines, carts, type CartLineRow, type CartRow, type OrdersSchema } from '../db/schema.js';
import { OrdersErrorCode } from '../errors.js';
import type { ProductCatalog } from '../product-catalog.js';

type Db = Database<OrdersSchema>;
type Tx = Transaction<OrdersSchema>;

export const MAX_LINE_QUANTITY = 999;
export const MAX_CART_LINES = 50;

const quantity = (min: number) =>
  z
    .number()
    .int({ message: 'Must be a whole number.' })
    .min(min, { message: `Must be between ${min} and ${MAX_LINE_QUANTITY}.` })
    .max(MAX_LINE_QUANTITY, { message: `Must be between ${min} and ${MAX_LINE_QUANTITY}.` });
const addInput = z.object({ productId: zId, quantity: quantity(1) });
const setInput = z.object({ productId: zId, quantity: quantity(0) });

export interface CartLineInput {
  productId: string;
  quantity: number;
}

/** The customer's cart, created empty the first time it is asked for. */
export async function getOrCreateCart(db: Db | Tx, customerId: string): Promise<CartRow> {
  const [created] = await db.insert(carts).values({ customerId }).onConflictDoNothing({ target: carts.customerId }).returning();
  if (created) return created;
  const [existing] = await db.select().from(carts).where(eq(carts.customerId, customerId));
  return existing!;
}

export async function findCartLines(db: Db | Tx, cartId: string): Promise<CartLineRow[]> {
  return db.select().from(cartLines).where(eq(cartLines.cartId, cartId)).orderBy(asc(cartLines.addedAt), asc(cartLines.productId));
}

/** Adds to the line of that product (creating it), so the same product twice is one line with the sum. */
export async function addToCart(db: Db, catalog: ProductCatalog, customerId: string, input: CartLineInput): Promise<Result<CartRow>> {
  const parsed = addInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error));
  const sellable = await checkSellable(catalog, parsed.data.productId);
  if (!sellable.ok) return sellable;
  return changeLine(db, customerId, parsed.data.productId, (current) =>
    current + parsed.data.quantity > MAX_LINE_QUANTITY
      ? fail(userError(OrdersErrorCode.InvalidInput, `A cart line holds at most ${MAX_LINE_QUANTITY} units; it has ${current} already.`, ['quantity']))
      : ok(current + parsed.data.quantity),
  );
}

/** Sets the line to exactly quantity; 0 removes it, and removing needs no catalog (an archived product can still leave the cart). */
export async function setCartLine(db: Db, catalog: ProductCatalog, customerId: string, input: CartLineInput): Promise<Result<CartRow>> {
  const parsed = setInput.safeParse(input);
  if (!parsed.success) return fail(...issuesToUserErrors(parsed.error));
  if (parsed.data.quantity > 0) {
    const sellable = await checkSellable(catalog, parsed.data.productId);
    if (!sellable.ok) return sellable;
  }
  return changeLine(db, customerId, parsed.data.productId, () => ok(parsed.data.quantity));
}

/** Only ACTIVE products can go into a cart; the products subgraph is asked before any write. */
async function checkSellable(catalog: ProductCatalog, productId: string): Promise<Result<true>> {
  try {
    const [product] = await catalog.findProducts([productId]);
    if (product?.status === 'ACTIVE') return ok(true);
    return fail(userError(OrdersErrorCode.NotFound, 'No product with this id is for sale.', ['productId']));
  } catch (error) {
    if (!(error instanceof SubgraphUnavailableError)) throw error;
    return fail(userError(OrdersErrorCode.ServiceUnavailable, 'The product catalog is not answering; try again shortly.'));
  }
}

/**
 * Computes the line's next quantity from its current one (0 when absent) under a lock on the cart,
 * so concurrent changes to one cart queue up and the 50-line limit holds. Refusals write nothing:
 * a cart is only created here when there was none, and then no refusal is possible.
 */
async function changeLine(db: Db, customerId: string, productId: string, next: (current: number) => Result<number>): Promise<Result<CartRow>> {
  return db.transaction(async (tx) => {
    await tx.insert(carts).values({ customerId }).onConflictDoNothing({ target: carts.customerId });
    const [cart] = await tx.select().from(carts).where(eq(carts.customerId, customerId)).for('update');
    const thisLine = and(eq(cartLines.cartId, cart!.id), eq(cartLines.productId, productId));
    const [line] = await tx.select().from(cartLines).where(thisLine);
    const wanted = next(line?.quantity ?? 0);
    if (!wanted.ok) return wanted;
    if (!line && wanted.value === 0) return ok(cart!);
    if (!line) {
      const [{ lines } = { lines: 0 }] = await tx.select({ lines: count() }).from(cartLines).where(eq(cartLines.cartId, cart!.id));
      if (lines >= MAX_CART_LINES) {
        return fail(userError(OrdersErrorCode.InvalidInput, `A cart holds at most ${MAX_CART_LINES} different products.`, ['productId']));
      }
      await tx.insert(cartLines).values({ cartId: cart!.id, productId, quantity: wanted.value });
    } else if (wanted.value === 0) {
      await tx.delete(cartLines).where(thisLine);
    } else {
      await tx.update(cartLines).set({ quantity: wanted.value }).where(thisLine);
    }
    const [touched] = await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cart!.id)).returning();
    return ok(touched!);
  });
}

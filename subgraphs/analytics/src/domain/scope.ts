import type { Viewer } from '@shop/auth';
import { sql, type SQL } from 'drizzle-orm';

/** Whose figures a report covers: every product (admins) or one seller's products. */
export type Scope = { kind: 'all' } | { kind: 'seller'; sellerId: string };

/** Admins see everything; anyone else (the schema lets only sellers through) their own products. */
export const scopeOf = (viewer: Viewer): Scope => (viewer.roles.includes('ADMIN') ? { kind: 'all' } : { kind: 'seller', sellerId: viewer.id });

/** A condition on a product id column: the product is in the scope (its product_facts seller is the viewer). */
export const productInScope = (scope: Scope, productId: SQL): SQL =>
  scope.kind === 'all' ? sql`true` : sql`exists (select 1 from product_facts pf_s where pf_s.product_id = ${productId} and pf_s.seller_id = ${scope.sellerId})`;

/** A condition on an order id column: the order has a line of the scope's products. */
export const orderInScope = (scope: Scope, orderId: SQL): SQL =>
  scope.kind === 'all'
    ? sql`true`
    : sql`exists (select 1 from order_lines ol_s join product_facts pf_s on pf_s.product_id = ol_s.product_id where ol_s.order_id = ${orderId} and pf_s.seller_id = ${scope.sellerId})`;

/** rows of a raw query, whichever driver answered (node-postgres and PGlite both put them in .rows). */
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []));

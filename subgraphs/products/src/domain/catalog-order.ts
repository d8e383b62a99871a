import { sql, type SQL } from 'drizzle-orm';
import { badUserInput, decodeCursor, encodeCursor, zId } from '@shop/common';
import { products, SEARCH_LANGUAGE } from '../db/schema.js';

export type ProductSort = 'NEWEST' | 'PRICE_ASC' | 'PRICE_DESC' | 'NAME' | 'RELEVANCE';

/** The values a cursor needs from a listed row. */
export interface KeyedRow {
  id: string;
  createdAt: Date;
  priceMinor: bigint;
  name: string;
  rank: number | null;
}

/**
 * How one sort order is run: the sort key, its direction, and how the key travels in a cursor.
 * The id always breaks ties in the same direction, so (key, id) compares as one row value and the
 * keyset condition is a single row comparison an index can serve.
 */
interface SortOrder {
  key: (searchQuery: SQL | null) => SQL;
  direction: 'asc' | 'desc';
  /** The SQL type the cursor's key value is cast to. */
  cast: 'timestamptz' | 'bigint' | 'text' | 'float8';
  toCursor: (row: KeyedRow) => string | number;
  /** Checks a decoded cursor key; false means a garbage cursor. */
  isValidKey: (value: unknown) => boolean;
}

// Strict shapes, so nothing a client forges can make PostgreSQL fail on the cast.
const isIsoDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;
const isInteger = (v: unknown) => typeof v === 'string' && /^\d{1,15}$/.test(v);
const isText = (v: unknown) => typeof v === 'string' && v.length <= 1000 && !v.includes('\u0000');

const newest: SortOrder = {
  key: () => sql`${products.createdAt}`,
  direction: 'desc',
  cast: 'timestamptz',
  toCursor: (row) => row.createdAt.toISOString(),
  isValidKey: isIsoDate,
};
const price = (direction: 'asc' | 'desc'): SortOrder => ({
  key: () => sql`${products.priceMinor}`,
  direction,
  cast: 'bigint',
  toCursor: (row) => row.priceMinor.toString(),
  isValidKey: isInteger,
});

export const SORT_ORDERS: Record<ProductSort, SortOrder> = {
  NEWEST: newest,
  PRICE_ASC: price('asc'),
  PRICE_DESC: price('desc'),
  NAME: { key: () => sql`${products.name}`, direction: 'asc', cast: 'text', toCursor: (row) => row.name, isValidKey: isText },
  RELEVANCE: {
    // float8, so any finite number a cursor carries casts without overflow and round-trips exactly.
    key: (searchQuery) => sql`ts_rank(${products.search}, ${searchQuery})::float8`,
    direction: 'desc',
    cast: 'float8',
    toCursor: (row) => row.rank ?? 0,
    isValidKey: (v) => typeof v === 'number' && Number.isFinite(v),
  },
};

/** The parsed search string as a tsquery; websearch syntax never raises an error, whatever the text. */
export const searchQuery = (search: string): SQL => sql`websearch_to_tsquery(${sql.raw(`'${SEARCH_LANGUAGE}'::regconfig`)}, ${search})`;

/** RELEVANCE means nothing without a search string, so it falls back to NEWEST. */
export const effectiveSort = (sort: ProductSort, search: string | undefined): ProductSort => (sort === 'RELEVANCE' && !search ? 'NEWEST' : sort);

export function orderBy(sort: ProductSort, query: SQL | null): SQL[] {
  const order = SORT_ORDERS[sort];
  const direction = sql.raw(order.direction);
  return [sql`${order.key(query)} ${direction}`, sql`${products.id} ${direction}`];
}

/** The cursor names its sort, so a cursor from another order is refused instead of silently skipping rows. */
export const cursorOf = (sort: ProductSort, row: KeyedRow): string => encodeCursor([sort, SORT_ORDERS[sort].toCursor(row), row.id]);

/** Rows strictly after the cursor's row in this sort order. */
export function afterCursor(sort: ProductSort, cursor: string, query: SQL | null): SQL {
  const [tag, key, id] = decodeCursor(cursor, 3);
  const order = SORT_ORDERS[sort];
  if (tag !== sort || !order.isValidKey(key) || !zId.safeParse(id).success) {
    throw badUserInput('The cursor is not valid for this list and sort order.', ['after']);
  }
  const op = sql.raw(order.direction === 'asc' ? '>' : '<');
  return sql`(${order.key(query)}, ${products.id}) ${op} (${key}::${sql.raw(order.cast)}, ${id}::uuid)`;
}

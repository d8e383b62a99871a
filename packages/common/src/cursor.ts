import { badUserInput } from './errors.js';

/** Opaque Relay cursors: the keyset values of the last row, as base64url JSON. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): (string | number | null)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => v === null || ['string', 'number'].includes(typeof v))) {
      return values as (string | number | null)[];
    }
  } catch {
    // fall through to the client error below
  }
  throw badUserInput('The cursor is not valid for this list.', ['after']);
}

/**
 * The cursor of a newest-first list: the row's created_at as PostgreSQL's microsecond text (a JS Date would round it
 * to milliseconds and skip or repeat rows) and its uuid. Anything else is BAD_USER_INPUT at after.
 */
export function decodeTimeIdCursor(cursor: string): { at: string; id: string } {
  const [at, id] = decodeCursor(cursor, 2);
  if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw badUserInput('The cursor is not valid for this list.', ['after']);
  }
  return { at, id };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Builds a connection from rows fetched with limit first+1, so the extra row tells whether there is a next page. */
export function toConnection<T>(rows: T[], first: number, cursorOf: (row: T) => string, totalCount: number): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

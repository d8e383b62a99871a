import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { badUserInput, decodeCursor, decodeTimeIdCursor, encodeCursor, toConnection, type Connection } from '@shop/common';
import { newestFirstKeyset, type Database } from '@shop/db';
import { tickets, type SupportSchema, type TicketRow, type TicketStatus } from '../db/schema.js';

type Db = Database<SupportSchema>;

/** The statuses supportQueue lists when none is asked for: the tickets waiting on staff. */
export const QUEUE_DEFAULT_STATUSES: readonly TicketStatus[] = ['OPEN', 'IN_PROGRESS'];

const createdAtText = sql<string>`to_char(${tickets.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function decodeQueueCursor(cursor: string): { rank: number; at: string; id: string } {
  const [rank, at, id] = decodeCursor(cursor, 3);
  if (typeof rank !== 'number' || !Number.isInteger(rank) || typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw badUserInput('The cursor is not valid for this list.', ['after']);
  }
  return { rank, at, id };
}

/**
 * The admins' queue: priority rank first (URGENT, HIGH and untriaged, NORMAL, LOW: tickets.priority_rank), then the
 * oldest, ties by id; keyset pages on exactly that order (the cursor keeps created_at as microsecond text).
 */
export async function listQueue(db: Db, status: TicketStatus | null, first: number, after: string | null): Promise<Connection<TicketRow>> {
  const statuses = status ? [status] : [...QUEUE_DEFAULT_STATUSES];
  const where: SQL[] = [inArray(tickets.status, statuses)];
  if (after) {
    const c = decodeQueueCursor(after);
    const at = sql`${c.at}::timestamptz`;
    where.push(
      or(
        lt(tickets.priorityRank, c.rank),
        and(eq(tickets.priorityRank, c.rank), or(gt(tickets.createdAt, at), and(eq(tickets.createdAt, at), sql`${tickets.id} > ${c.id}::uuid`))),
      )!,
    );
  }
  const [rows, [total]] = await Promise.all([
    db
      .select({ ticket: tickets, at: createdAtText })
      .from(tickets)
      .where(and(...where))
      .orderBy(desc(tickets.priorityRank), asc(tickets.createdAt), asc(tickets.id))
      .limit(first + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(tickets).where(inArray(tickets.status, statuses)),
  ]);
  const page = toConnection(rows, first, (row) => encodeCursor([row.ticket.priorityRank, row.at, row.ticket.id]), total?.n ?? 0);
  return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.ticket })) };
}

const newestFirst = newestFirstKeyset(tickets.createdAt, tickets.id);

/** One customer's tickets, newest first (User.tickets). */
export async function listCustomerTickets(db: Db, customerId: string, first: number, after: string | null): Promise<Connection<TicketRow>> {
  const where: SQL[] = [eq(tickets.customerId, customerId)];
  if (after) where.push(newestFirst.after(decodeTimeIdCursor(after)));
  const [rows, [total]] = await Promise.all([
    db.select({ ticket: tickets, at: newestFirst.createdAtText }).from(tickets).where(and(...where)).orderBy(...newestFirst.orderBy).limit(first + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(tickets).where(eq(tickets.customerId, customerId)),
  ]);
  const page = toConnection(rows, first, (row) => encodeCursor([row.at, row.ticket.id]), total?.n ?? 0);
  return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.ticket })) };
}

/** Tickets not CLOSED that the assignment worker has not triaged yet: grows while the worker is down or behind. */
export async function countUntriaged(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(tickets).where(and(isNull(tickets.priority), ne(tickets.status, 'CLOSED')));
  return row?.n ?? 0;
}

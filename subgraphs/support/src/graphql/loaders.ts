import DataLoader from 'dataloader';
import type { Database } from '@shop/db';
import type { SupportSchema, TicketMessageRow, TicketRow, TicketStatusHistoryRow } from '../db/schema.js';
import { findHistory, findMessages, findTicketsByIds, findTicketsByOrders } from '../domain/tickets.js';

const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const groups = new Map<K, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
};

/** Per request: a page of N tickets costs one query for their messages and one for their histories. */
export function createLoaders(db: Database<SupportSchema>) {
  return {
    ticketById: new DataLoader<string, TicketRow | null>(async (ids) => {
      const byId = new Map((await findTicketsByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    messagesByTicketId: new DataLoader<string, TicketMessageRow[]>(async (ids) => {
      const groups = groupBy(await findMessages(db, ids), (row) => row.ticketId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    historyByTicketId: new DataLoader<string, TicketStatusHistoryRow[]>(async (ids) => {
      const groups = groupBy(await findHistory(db, ids), (row) => row.ticketId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    ticketsByOrderId: new DataLoader<string, TicketRow[]>(async (ids) => {
      const groups = groupBy(await findTicketsByOrders(db, ids), (row) => row.orderId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}
export type SupportLoaders = ReturnType<typeof createLoaders>;

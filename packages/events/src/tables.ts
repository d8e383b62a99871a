import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Each subgraph's own outbox: events written in the same transaction as the change they describe. */
export const outbox = pgTable(
  'outbox',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    type: text('type').notNull(),
    version: integer('version').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    source: text('source').notNull(),
    payload: jsonb('payload').notNull(),
    /** W3C trace context of the transaction that recorded it, so the consumers' work joins that trace. */
    headers: jsonb('headers').$type<Record<string, string>>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Failed publish attempts: a row that keeps failing shows here (and in outbox_oldest_unpublished_age_seconds). */
    attempts: integer('attempts').notNull().default(0),
  },
  // A partial index keeps the relay's scan small as the outbox grows.
  (t) => [index('outbox_unpublished_idx').on(t.seq).where(sql`published_at is null`)],
);

/** Events a consumer has already applied, so a redelivery has its effect once. */
export const inbox = pgTable(
  'inbox',
  {
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    handledAt: timestamp('handled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);

export const eventTables = { outbox, inbox };

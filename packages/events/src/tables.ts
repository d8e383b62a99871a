import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DomainEvent } from './event.js';

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

/**
 * A consumer's deliveries that failed, one row per event: attempts counted here are shared by every replica and
 * survive restarts. A row whose dead_at is set is a dead letter: it is no longer redelivered and waits for a replay
 * (the kernel's /internal/dead-letters, `npm run dead-letters`). A row without dead_at belongs to an event still being
 * retried (or one that later succeeded; the inbox prune removes those).
 */
export const deadLetters = pgTable(
  'dead_letters',
  {
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    type: text('type').notNull(),
    /** The whole event as delivered (payload and trace headers), to be replayed as it was. */
    event: jsonb('event').$type<DomainEvent>().notNull(),
    /** Failed deliveries that counted (transient failures do not; see the kernel's consumers). */
    attempts: integer('attempts').notNull().default(1),
    /** The last failure: its message (causes included) and stack, for operators only; never shown to API clients. */
    error: text('error').notNull(),
    errorStack: text('error_stack'),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull().defaultNow(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull().defaultNow(),
    deadAt: timestamp('dead_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] }), index('dead_letters_dead_idx').on(t.consumer, t.deadAt).where(sql`dead_at is not null`)],
);

export const eventTables = { outbox, inbox, deadLetters };

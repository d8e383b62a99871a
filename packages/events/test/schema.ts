import { bigserial, pgTable, text, uuid } from 'drizzle-orm/pg-core';
export { outbox, inbox } from '../src/tables.js';

/** A consumer's effect in the tests: one row per application, with no unique key, so applying an event twice would show. */
export const effects = pgTable('effects', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  consumer: text('consumer').notNull(),
  eventId: uuid('event_id').notNull(),
});

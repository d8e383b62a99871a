import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { inbox, outbox } from '@shop/events';

// The event tables live in @shop/events; each subgraph migrates its own copy.
export { inbox, outbox };

/** One user's thread with the assistant; nobody else ever reads it. */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The users subgraph's User id; no foreign key across services. */
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Moves with every turn, so "newest first" lists the conversation last spoken in. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conversations_user_updated_idx').on(t.userId, t.updatedAt.desc(), t.id)],
);

export const MESSAGE_ROLES = ['USER', 'ASSISTANT'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** The turns of a conversation, oldest first by created_at then id. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MESSAGE_ROLES }).notNull(),
    text: text('text').notNull(),
    /** The assistant's sources: each the JSON of one graph read (operation, variables, data); empty for the user's turns. */
    sources: jsonb('sources').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('messages_conversation_created_idx').on(t.conversationId, t.createdAt, t.id),
    check('messages_role', sql`${t.role} in ('USER', 'ASSISTANT')`),
  ],
);

/** askAssistant's per-user budget (rate-limiter-flexible's RateLimiterDrizzle): shared by every replica. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

export const schema = { outbox, inbox, conversations, messages, rateLimits };
export type AssistantSchema = typeof schema;

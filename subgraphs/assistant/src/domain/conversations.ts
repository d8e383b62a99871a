import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@shop/db';
import { conversations, messages, type AssistantSchema, type ConversationRow, type MessageRow, type MessageRole } from '../db/schema.js';

type Db = Database<AssistantSchema> | Transaction<AssistantSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user's own conversation, or null: for an id of another user's exactly as for one that does not exist. */
export async function findOwnConversation(db: Db, userId: string, id: string): Promise<ConversationRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.select().from(conversations).where(and(eq(conversations.id, id), eq(conversations.userId, userId)));
  return row ?? null;
}

/** The user's conversations, the one last spoken in first. */
export const listConversations = (db: Db, userId: string, first: number): Promise<ConversationRow[]> =>
  db.select().from(conversations).where(eq(conversations.userId, userId)).orderBy(desc(conversations.updatedAt), desc(conversations.id)).limit(first);

/** Turns of these conversations, each conversation's oldest first. */
export const findMessages = (db: Db, conversationIds: readonly string[]): Promise<MessageRow[]> =>
  conversationIds.length
    ? db.select().from(messages).where(inArray(messages.conversationId, [...conversationIds])).orderBy(asc(messages.createdAt), asc(messages.id))
    : Promise.resolve([]);

export const startConversation = async (tx: Db, userId: string): Promise<ConversationRow> => (await tx.insert(conversations).values({ userId }).returning())[0]!;

/** One question and its answer, in order (the answer a moment after), and the conversation moved to the top. */
export async function recordTurn(tx: Transaction<AssistantSchema>, conversationId: string, turns: readonly { role: MessageRole; text: string; sources: string[] }[]): Promise<void> {
  const base = Date.now();
  await tx.insert(messages).values(turns.map((turn, i) => ({ conversationId, ...turn, createdAt: new Date(base + i) })));
  await tx.update(conversations).set({ updatedAt: sql`now()` }).where(eq(conversations.id, conversationId));
}

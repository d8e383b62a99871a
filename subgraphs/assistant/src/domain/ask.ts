import { z } from 'zod';
import type { Viewer } from '@shop/auth';
import { fail, ok, userError, type Logger, type Result } from '@shop/common';
import type { Database } from '@shop/db';
import type { AssistantSchema, MessageRow } from '../db/schema.js';
import { AssistantErrorCode } from '../errors.js';
import { GatewayUnavailable, sourceOf, type GraphReader } from '../graph/client.js';
import { ProviderUnavailable } from '../providers/openai-provider.js';
import type { AssistantProvider } from '../providers/provider.js';
import { findMessages, findOwnConversation, recordTurn, startConversation } from './conversations.js';
import type { QuestionLimits } from './question-limits.js';

/** Turns of the conversation a provider sees for context. */
const HISTORY_TURNS = 20;

export const questionSchema = z.string().trim().min(1, 'Ask a question (1 to 500 characters).').max(500, 'A question is at most 500 characters.');

export interface AskDeps {
  db: Database<AssistantSchema>;
  provider: AssistantProvider;
  limits: QuestionLimits;
  logger: Logger;
  now?: () => Date;
}

export interface AssistantAnswer {
  conversationId: string;
  answer: string;
  sources: string[];
}

/**
 * One question: checked, counted against the user's budget (RateLimited past it), answered by the provider from the
 * graph as this user, and stored with its answer. Nothing is stored when the question or conversation is refused or
 * when the gateway or the model's API did not answer.
 */
export async function askAssistant(deps: AskDeps, viewer: Viewer, graph: GraphReader, input: { question: string; conversationId?: string | null }): Promise<Result<AssistantAnswer>> {
  const question = questionSchema.safeParse(input.question);
  if (!question.success) return fail(userError(AssistantErrorCode.InvalidInput, question.error.issues[0]!.message, ['question']));
  let history: MessageRow[] = [];
  if (input.conversationId != null) {
    const conversation = await findOwnConversation(deps.db, viewer.id, input.conversationId);
    if (!conversation) return fail(userError(AssistantErrorCode.NotFound, 'No such conversation.', ['conversationId']));
    history = (await findMessages(deps.db, [conversation.id])).slice(-HISTORY_TURNS);
  }
  await deps.limits.take(viewer.id);
  let reply;
  try {
    reply = await deps.provider.answer({ question: question.data, history: history.map((m) => ({ role: m.role, text: m.text })), viewer, graph, now: deps.now?.() ?? new Date() });
  } catch (error) {
    if (!(error instanceof GatewayUnavailable || error instanceof ProviderUnavailable)) throw error;
    deps.logger.warn({ provider: deps.provider.name, reason: error.message }, 'assistant: no answer');
    return fail(userError(AssistantErrorCode.ServiceUnavailable, 'The assistant cannot answer right now; try again in a moment.'));
  }
  const sources = reply.reads.map(sourceOf);
  const conversationId = await deps.db.transaction(async (tx) => {
    const id = input.conversationId ?? (await startConversation(tx, viewer.id)).id;
    await recordTurn(tx, id, [
      { role: 'USER', text: question.data, sources: [] },
      { role: 'ASSISTANT', text: reply.text, sources },
    ]);
    return id;
  });
  return ok({ conversationId, answer: reply.text, sources });
}

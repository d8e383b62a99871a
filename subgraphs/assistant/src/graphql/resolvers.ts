import { z } from 'zod';
import { rateLimitedError, RateLimited } from '@shop/server';
import { parseArgs, zFirst } from '@shop/common';
import { askAssistant } from '../domain/ask.js';
import { findOwnConversation, listConversations } from '../domain/conversations.js';
import { suggestionsFor } from '../domain/suggestions.js';
import type { Resolvers } from './__generated__/resolvers-types.js';

const iso = (date: Date) => date.toISOString();
const listArgs = z.object({ first: zFirst });

// Every field is @authenticated: the kernel has checked there is a viewer.
export const resolvers: Resolvers = {
  Query: {
    assistantSuggestions: (_root, _args, ctx) => suggestionsFor(ctx.viewer!),
    assistantConversations: (_root, args, ctx) => listConversations(ctx.db, ctx.viewer!.id, parseArgs(listArgs, args).first),
    // Another user's conversation is null, exactly like one that does not exist.
    assistantConversation: (_root, args, ctx) => findOwnConversation(ctx.db, ctx.viewer!.id, args.id),
  },
  Mutation: {
    askAssistant: async (_root, args, ctx) => {
      try {
        const result = await askAssistant(ctx, ctx.viewer!, ctx.graph, { question: args.question, conversationId: args.conversationId });
        return result.ok ? { answer: result.value, errors: [] } : { answer: null, errors: result.errors };
      } catch (error) {
        // The limit is a GraphQL error with retryAfterSeconds, as every rate limit of the API.
        throw error instanceof RateLimited ? rateLimitedError(error) : error;
      }
    },
  },
  AssistantConversation: {
    messages: (conversation, _args, ctx) => ctx.loaders.messagesByConversation.load(conversation.id),
    createdAt: (conversation) => iso(conversation.createdAt),
  },
  AssistantMessage: {
    createdAt: (message) => iso(message.createdAt),
  },
};

import { z } from 'zod';
import { defineSubgraph } from '@shop/kernel';
import { schema } from './db/schema.js';
import { pruneExpiredQuestionLimits, storedQuestionLimits } from './domain/question-limits.js';
import { createContext, type AssistantServices } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import { IntentAssistantProvider } from './providers/intent-provider.js';
import { OpenAiAssistantProvider } from './providers/openai-provider.js';
import type { AssistantProvider } from './providers/provider.js';

/** The shop assistant: answers questions from the graph, as the asking user. */
export const assistant = defineSubgraph({
  name: 'assistant',
  port: 4010,
  config: {
    /** The public gateway (never a subgraph): every read goes through it with the asking user's own token. */
    GATEWAY_URL: z.string().url().default('http://localhost:4000/graphql'),
    GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5000),
    /** intents: the deterministic default (no model); openai: an OpenAI-compatible chat completions API. */
    ASSISTANT_PROVIDER: z.enum(['intents', 'openai']).default('intents'),
    ASSISTANT_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
    OPENAI_BASE_URL: z.string().url().default('https://api.openai.com/v1'),
    OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
    /** Requests to the model per question; the last one offers no tools, so it must answer. */
    OPENAI_MAX_ROUNDS: z.coerce.number().int().min(1).max(10).default(4),
  },
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url) },
  // Stand-ins a test passes (provider, limits) are laid over these by the kernel.
  services: ({ db, config, logger }): AssistantServices => ({
    db,
    logger,
    provider: providerFrom(config),
    limits: storedQuestionLimits(db, config.ASSISTANT_RATE_PER_MINUTE),
    gateway: { url: config.GATEWAY_URL, timeoutMs: config.GATEWAY_TIMEOUT_MS },
  }),
  context: (services, viewer, _kit, request) => createContext(services, viewer, request),
  workers: (_services, { db }) => [{ name: 'assistant-rate-limits-prune', everyMs: 15 * 60_000, run: () => pruneExpiredQuestionLimits(db) }],
});

function providerFrom(config: { ASSISTANT_PROVIDER: 'intents' | 'openai'; OPENAI_BASE_URL: string; OPENAI_MODEL: string; OPENAI_API_KEY?: string; OPENAI_TIMEOUT_MS: number; OPENAI_MAX_ROUNDS: number }): AssistantProvider {
  if (config.ASSISTANT_PROVIDER === 'intents') return new IntentAssistantProvider();
  // Named, never shown: the key's value stays out of the message.
  if (!config.OPENAI_API_KEY) throw new Error('OPENAI_API_KEY is required with ASSISTANT_PROVIDER=openai');
  return new OpenAiAssistantProvider({
    baseUrl: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    apiKey: config.OPENAI_API_KEY,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    maxRounds: config.OPENAI_MAX_ROUNDS,
  });
}

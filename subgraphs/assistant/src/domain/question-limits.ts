import { lt, sql } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Database } from '@shop/db';
import { RateLimited } from '@shop/server';
import { rateLimits, type AssistantSchema } from '../db/schema.js';

/** Questions per user per minute. */
export interface QuestionLimits {
  take(userId: string): Promise<void>;
}

/**
 * Counted in the assistant's rate_limits table, so every replica shares one budget per user; while the database is
 * away, each process counts in memory instead (never unlimited, never refusing everyone).
 */
export function storedQuestionLimits(db: Database<AssistantSchema>, perMinute: number): QuestionLimits {
  const memory = new RateLimiterMemory({ keyPrefix: 'assistant-questions', points: perMinute, duration: 60 });
  const budget: RateLimiterAbstract = new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix: 'assistant-questions',
    points: perMinute,
    duration: 60,
    // Expired rows go with pruneExpiredQuestionLimits, on the service's scheduler, not a timer per limiter.
    clearExpiredByTimeout: false,
    inMemoryBlockOnConsumed: perMinute,
    insuranceLimiter: memory,
  });
  return {
    async take(userId) {
      try {
        await budget.consume(userId);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new RateLimited(seconds, 'assistant', `Too many questions to the assistant; try again in ${seconds} s.`);
      }
    },
  };
}

export async function pruneExpiredQuestionLimits(db: Database<AssistantSchema>): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.expire, sql`now() - interval '1 hour'`));
}

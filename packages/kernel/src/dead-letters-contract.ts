import { z } from 'zod';

/**
 * The kernel's dead-letter endpoints, on every service with consumers (service token required, as on all of
 * /internal): the routes answer with these shapes and the admin command (`npm run dead-letters`) parses them.
 */
export const deadLetterPaths = { list: '/internal/dead-letters', replay: '/internal/dead-letters/replay' } as const;

export const deadLetterEntry = z.object({
  eventId: z.string(),
  type: z.string(),
  attempts: z.number().int(),
  error: z.string(),
  errorStack: z.string().nullable(),
  firstFailedAt: z.string(),
  deadAt: z.string(),
  /** The event as it was delivered. */
  event: z.record(z.string(), z.unknown()),
});
export type DeadLetterEntry = z.infer<typeof deadLetterEntry>;

export const deadLetterList = z.object({ consumer: z.string(), deadLetters: z.array(deadLetterEntry) });

/** Replay these dead letters (by event id), or every one of the consumer's. */
export const replayRequest = z.union([z.object({ eventIds: z.array(z.uuid()).min(1).max(1000) }), z.object({ all: z.literal(true) })]);

/**
 * Per event: applied / duplicate (the inbox had it: it was applied before) / skipped (nothing to do) — the dead letter
 * is gone; failed / malformed — it stays, with the new error; not_found — no such dead letter (already replayed?).
 */
export const replayOutcome = z.enum(['applied', 'duplicate', 'skipped', 'failed', 'malformed', 'not_found']);
export const replayAnswer = z.object({
  consumer: z.string(),
  results: z.array(z.object({ eventId: z.string(), type: z.string().nullable(), outcome: replayOutcome, error: z.string().optional() })),
});
export type ReplayAnswer = z.infer<typeof replayAnswer>;

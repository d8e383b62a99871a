import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Database } from '@shop/db';

/**
 * Request budgets per client, counted by rate-limiter-flexible: in this process's memory by default, or in a
 * PostgreSQL table that every replica shares (the store below), with memory as the fallback while the database is away.
 */
export const rateLimitsTable = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});

/** Idempotent, and safe when replicas start together ("if not exists" alone races in the catalog). */
export async function createRateLimitsTable(db: Database<any>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('rate_limits'))`);
    await tx.execute(sql`create table if not exists rate_limits (key text primary key, points integer not null, expire timestamptz)`);
  });
}

export interface RateLimitStore {
  /** A database holding rate_limits (createRateLimitsTable): replicas over the same one share every budget. */
  db: Database<any>;
}

/** `points` requests per `seconds` for each key; the key's prefix keeps budgets apart in a shared store. */
export function createBudget(name: string, points: number, seconds: number, store?: RateLimitStore): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix: name, points, duration: seconds });
  if (!store) return memory;
  return new RateLimiterDrizzle({
    storeClient: store.db,
    schema: rateLimitsTable,
    keyPrefix: name,
    points,
    duration: seconds,
    // A key over its budget is refused from memory until its window ends: a flood does not become database load.
    inMemoryBlockOnConsumed: points,
    insuranceLimiter: memory,
  });
}

export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number, readonly scope: string, message = `Too many requests; try again in ${retryAfterSeconds} s.`) {
    super(message);
    this.name = 'RateLimited';
  }
}

/** Takes one point from each (budget, key) in turn; a spent budget throws RateLimited with its wait. */
export async function consumeEach(charges: readonly (readonly [scope: string, budget: RateLimiterAbstract, key: string | null | undefined])[]): Promise<void> {
  for (const [scope, budget, key] of charges) {
    if (!key) continue;
    try {
      await budget.consume(key);
    } catch (rejection) {
      // A store failure with no insurance left is not the client's fault: serve it rather than refuse everyone.
      if (!(rejection instanceof RateLimiterRes)) continue;
      throw new RateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), scope);
    }
  }
}

/** The error a client gets; `Error` is the graphql instance's class the caller's protocol checks errors against. */
export const rateLimitedError = (limited: RateLimited, Error: typeof GraphQLError = GraphQLError): GraphQLError =>
  new Error(limited.message, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: limited.retryAfterSeconds } });

export interface RequestBudgets {
  perIp: RateLimiterAbstract;
  perUser: RateLimiterAbstract;
  /** The client's address (express's req.ip, which honours 'trust proxy'). */
  ipOf(req: IncomingMessage & { ip?: string }): string | undefined;
  /** The signed-in user's id for a request's Authorization header, or null (anonymous or a bad token). */
  userOf(authorization: string | undefined): Promise<string | null>;
  onLimited?(scope: string): void;
}

/** HTTP 429 with Retry-After and the RATE_LIMITED code, before the body is even parsed. */
export function rateLimitRequests(budgets: RequestBudgets): RequestHandler {
  return async (req, res, next) => {
    try {
      await consumeEach([
        ['ip', budgets.perIp, budgets.ipOf(req)],
        ['user', budgets.perUser, await budgets.userOf(req.headers.authorization)],
      ]);
      next();
    } catch (error) {
      if (!(error instanceof RateLimited)) return next(error);
      budgets.onLimited?.(error.scope);
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
      res.status(429).json({ errors: [rateLimitedError(error).toJSON()] });
    }
  };
}

export type { RateLimiterAbstract };

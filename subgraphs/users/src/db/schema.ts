import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const role = pgEnum('role', ['CUSTOMER', 'SELLER', 'ADMIN']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull().unique(),
    /** scrypt$N$r$p$salt$hash, never the password. */
    passwordHash: text('password_hash').notNull(),
    name: text('name').notNull(),
    roles: role('roles').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Query.users: every account, newest first.
  (t) => [index('users_created_idx').on(t.createdAt.desc(), t.id)],
);

export type UserRow = typeof users.$inferSelect;

/**
 * Sign-in and registration budgets (rate-limiter-flexible's RateLimiterDrizzle): counted here so every replica of
 * users shares them. Keys are hashed, never an email or an address in clear.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});

export const schema = { users, rateLimits };
export type UsersSchema = typeof schema;

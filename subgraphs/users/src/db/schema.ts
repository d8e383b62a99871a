import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { inbox, outbox } from '@shop/events';

// The event tables live in @shop/events; each service migrates its own copy.
export { inbox, outbox };

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

/** A user's saved delivery addresses (User.addresses); orders copy the one chosen, so edits never change an order. */
export const addresses = pgTable(
  'addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recipient: text('recipient').notNull(),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    region: text('region').notNull(),
    postalCode: text('postal_code'),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('addresses_user_idx').on(t.userId, t.createdAt)],
);
export type AddressRow = typeof addresses.$inferSelect;

/** Products a user marked as favourites (User.favorites); the product lives in the products subgraph (no foreign key). */
export const favorites = pgTable(
  'favorites',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.productId] }), index('favorites_user_idx').on(t.userId, t.createdAt.desc())],
);
export type FavoriteRow = typeof favorites.$inferSelect;

export const schema = { users, rateLimits, addresses, favorites, outbox, inbox };
export type UsersSchema = typeof schema;

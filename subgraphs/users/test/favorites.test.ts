import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, count, eq, like, sql } from 'drizzle-orm';
import { createTokenIssuer, generateKeyPairPem, type Role, type TokenIssuer } from '@shop/auth';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { SubgraphUnavailableError } from '@shop/server';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import { favoriteAdded } from '../src/contract.js';
import { favorites, outbox, users as usersTable, type UsersSchema } from '../src/db/schema.js';
import { MAX_FAVORITES } from '../src/domain/favorites.js';
import type { ProductDirectory, ProductRef } from '../src/domain/product-directory.js';
import { users } from '../src/subgraph.js';

/** The catalogue as the products subgraph would answer (its own tests cover _entities); `down` makes it unreachable. */
const catalogue = new Map<string, ProductRef>();
let productsDown = false;
const products: ProductDirectory = {
  findProduct: async (id) => {
    if (productsDown) throw new SubgraphUnavailableError('products', new Error('connect ECONNREFUSED'));
    return catalogue.get(id) ?? null;
  },
};
const product = (status = 'ACTIVE', sellerId = randomUUID()) => {
  const ref = { id: randomUUID(), sellerId, status };
  catalogue.set(ref.id, ref);
  return ref.id;
};

let server: RunningSubgraph<UsersSchema, any>;
let drop: () => Promise<void>;
let issuer: TokenIssuer;

beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'users_favorites');
  drop = database.drop;
  const keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  server = await startSubgraph(users, {
    config: { PORT: 0, HOST: '127.0.0.1', DATABASE_URL: database.url, JWT_PRIVATE_KEY: keys.privateKeyPem, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'false', LOGIN_LIMITS: 'off' },
    services: { products },
  });
});
afterAll(async () => {
  await server?.stop();
  await drop?.();
});

/** A fresh account (written directly: signing up is users.test.ts's business) and a token for it. */
async function account(roles: Role[] = ['CUSTOMER']) {
  const id = randomUUID();
  await server.db.insert(usersTable).values({ id, email: `${id}@example.com`, passwordHash: 'unused', name: 'Favouriter', roles });
  return { id, token: await issuer.issue({ id, roles }) };
}

const ADD = `mutation($p: ID!) { addFavorite(productId: $p) }`;
const REMOVE = `mutation($p: ID!) { removeFavorite(productId: $p) }`;
const FAVORITES = `query($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { favorites { id } } } }`;
const add = (token: string | undefined, productId: string) => graphqlRequest(server.url, ADD, { p: productId }, token);
const remove = (token: string | undefined, productId: string) => graphqlRequest(server.url, REMOVE, { p: productId }, token);
const favoritesOf = (userId: string, token?: string) => graphqlRequest(server.url, FAVORITES, { id: userId }, token);

/** The favourite events recorded for a user, oldest first. */
const eventsOf = async (userId: string) =>
  (await server.db.select({ type: outbox.type, payload: outbox.payload }).from(outbox).where(and(like(outbox.type, 'favorite.%'), sql`${outbox.payload}->>'userId' = ${userId}`)).orderBy(outbox.seq)).map(
    (row) => `${row.type} ${(row.payload as { productId: string }).productId}`,
  );

describe('addFavorite and removeFavorite', () => {
  it('adds once and removes once: true when something changed, false when not, one event per change', async () => {
    const me = await account();
    const vase = product();
    expect((await add(me.token, vase)).data).toEqual({ addFavorite: true });
    expect((await add(me.token, vase)).data).toEqual({ addFavorite: false });
    expect((await remove(me.token, vase)).data).toEqual({ removeFavorite: true });
    expect((await remove(me.token, vase)).data).toEqual({ removeFavorite: false });
    expect((await add(me.token, vase)).data).toEqual({ addFavorite: true });
    expect(await eventsOf(me.id)).toEqual([`favorite.added ${vase}`, `favorite.removed ${vase}`, `favorite.added ${vase}`]);
    // The events parse with the contract notifications consumes them with.
    const [row] = await server.db.select({ payload: outbox.payload }).from(outbox).where(sql`${outbox.payload}->>'userId' = ${me.id}`).limit(1);
    expect(favoriteAdded.parse({ payload: row!.payload } as never)).toEqual({ ok: true, payload: { userId: me.id, productId: vase } });
  });

  it('lists the viewer\'s favourites most recently added first, as Product references', async () => {
    const me = await account();
    const [first, second, third] = [product(), product(), product()];
    for (const id of [first, second, third]) expect((await add(me.token, id)).data.addFavorite).toBe(true);
    await remove(me.token, second);
    const res = await graphqlRequest(server.url, `{ me { favorites { id } } }`, {}, me.token);
    expect(res.data.me.favorites).toEqual([{ id: third }, { id: first }]);
  });

  it('two adds of the same product at once: one true, one false, one row and one event', async () => {
    const me = await account();
    const rug = product();
    const answers = await Promise.all([add(me.token, rug), add(me.token, rug)]);
    expect(answers.map((a) => a.data.addFavorite).sort()).toEqual([false, true]);
    expect(await eventsOf(me.id)).toEqual([`favorite.added ${rug}`]);
  });

  it('refuses a non-uuid (BAD_USER_INPUT), no product and another seller\'s draft (NOT_FOUND); nothing written', async () => {
    const me = await account();
    const bad = await add(me.token, 'not-a-uuid');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await remove(me.token, 'not-a-uuid')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await add(me.token, randomUUID());
    expect(missing.data).toBeNull();
    expect(missing.errors?.[0]).toMatchObject({ message: 'No product with this id.', extensions: { code: 'NOT_FOUND' } });
    expect((await add(me.token, product('DRAFT'))).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify([bad, missing])).not.toMatch(/stack|\.ts:/);
    expect(await server.db.select().from(favorites).where(eq(favorites.userId, me.id))).toEqual([]);
    expect(await eventsOf(me.id)).toEqual([]);
  });

  it('lets a seller favourite their own draft and an admin any product; an archived one only for them', async () => {
    const seller = await account(['SELLER']);
    const admin = await account(['ADMIN']);
    const shopper = await account();
    const draft = product('DRAFT', seller.id);
    const archived = product('ARCHIVED');
    expect((await add(seller.token, draft)).data.addFavorite).toBe(true);
    expect((await add(admin.token, archived)).data.addFavorite).toBe(true);
    expect((await add(shopper.token, archived)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps at most MAX_FAVORITES: one more is BAD_USER_INPUT and nothing changes; re-adding one held is still false', async () => {
    const me = await account();
    const held = Array.from({ length: MAX_FAVORITES }, () => randomUUID());
    await server.db.insert(favorites).values(held.map((productId) => ({ userId: me.id, productId })));
    for (const id of held.slice(0, 1)) catalogue.set(id, { id, sellerId: randomUUID(), status: 'ACTIVE' });
    const over = await add(me.token, product());
    expect(over.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: `At most ${MAX_FAVORITES} favourites; remove one first.` });
    expect((await add(me.token, held[0]!)).data.addFavorite).toBe(false);
    const [{ kept }] = (await server.db.select({ kept: count() }).from(favorites).where(eq(favorites.userId, me.id))) as [{ kept: number }];
    expect(kept).toBe(MAX_FAVORITES);
    expect(await eventsOf(me.id)).toEqual([]);
  });

  it('products not answering: SERVICE_UNAVAILABLE and nothing added; removing still works', async () => {
    const me = await account();
    const jar = product();
    await add(me.token, jar);
    productsDown = true;
    try {
      const res = await add(me.token, product());
      expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect((await remove(me.token, jar)).data.removeFavorite).toBe(true);
    } finally {
      productsDown = false;
    }
    expect(await eventsOf(me.id)).toEqual([`favorite.added ${jar}`, `favorite.removed ${jar}`]);
  });
});

describe('who may see and change favourites', () => {
  it('anonymous: UNAUTHENTICATED for both mutations', async () => {
    for (const res of [await add(undefined, product()), await remove(undefined, product())]) expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('User.favorites: the user and admins see them; nobody else does (a public seller profile: FORBIDDEN)', async () => {
    const owner = await account();
    const bowl = product();
    await add(owner.token, bowl);
    const admin = await account(['ADMIN']);
    const other = await account();
    const seller = await account(['SELLER']);
    expect((await favoritesOf(owner.id, owner.token)).data._entities).toEqual([{ favorites: [{ id: bowl }] }]);
    expect((await favoritesOf(owner.id, admin.token)).data._entities).toEqual([{ favorites: [{ id: bowl }] }]);
    // A customer's account is theirs alone: to anyone else it is not there at all.
    for (const stranger of [other, seller]) expect(await favoritesOf(owner.id, stranger.token)).toMatchObject({ data: { _entities: [null] } });
    // A seller's profile is public, but not their favourites: FORBIDDEN on the non-null field.
    await add(seller.token, bowl);
    const peek = await favoritesOf(seller.id, other.token);
    expect(peek.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, path: ['_entities', 0, 'favorites'] });
    expect(JSON.stringify(peek.data)).not.toContain(bowl);
    // A mutation only ever touches the viewer's own favourites: another's add leaves the owner's list alone.
    await add(other.token, product());
    expect((await favoritesOf(owner.id, owner.token)).data._entities[0].favorites).toEqual([{ id: bowl }]);
  });
});

import { describe, expect, it } from 'vitest';
import { Client, fetchExchange } from 'urql';
import { shopCacheExchange } from '../src/app/cache';
import { viewerGuardExchange } from '../src/app/viewer-guard';
import { ViewerQuery } from '../src/operations/session';
import { UnreadNotificationCountQuery } from '../src/operations/notifications';

const viewer = { __typename: 'User', id: 'u1', name: 'Ana', email: 'ana@example.test', roles: ['CUSTOMER'] };

/**
 * The storefront's cache behind a gateway answering as it did with the notifications subgraph down: the failing
 * non-null field nulls the whole `me` (the gateway's real answer, recorded).
 */
function clientWith(guard: boolean) {
  const fetch = (async (_url: string, init: RequestInit) => {
    const { operationName } = JSON.parse(String(init.body)) as { operationName: string };
    const body =
      operationName === 'Viewer'
        ? { data: { me: viewer } }
        : { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: { me: null } };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return new Client({ url: 'http://gateway.test/graphql', fetch, preferGetMethod: false, exchanges: [shopCacheExchange(), ...(guard ? [viewerGuardExchange] : []), fetchExchange] });
}

describe('a failing field of `me` does not sign the viewer out', () => {
  it.each([
    [true, 'Ana'],
    [false, null],
  ])('with the guard %s, the cached viewer after the bell fails is %s', async (guard, name) => {
    const client = clientWith(guard);
    expect((await client.query(ViewerQuery, {}).toPromise()).data?.me?.name).toBe('Ana');
    const bell = await client.query(UnreadNotificationCountQuery, {}).toPromise();
    expect(bell.error?.graphQLErrors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(bell.data?.me?.unreadNotificationCount).toBeUndefined();
    const cached = await client.query(ViewerQuery, {}, { requestPolicy: 'cache-only' }).toPromise();
    expect(cached.data?.me?.name ?? null).toBe(name);
  });
});

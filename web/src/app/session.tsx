import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider, useQuery } from 'urql';
import { ViewerQuery } from '../operations/session';
import type { ViewerQuery as ViewerData } from '../gql/graphql';
import { createShopClient, type ShopClient } from './client';

const TOKEN_KEY = 'artesanias.token';

export type Viewer = NonNullable<ViewerData['me']>;

interface Session {
  token: string | null;
  viewer: Viewer | null;
  /** True until the first `me` answer arrives for a stored token (avoids flashing "sign in"). */
  loading: boolean;
  signIn(token: string): void;
  signOut(): void;
  hasRole(role: Viewer['roles'][number]): boolean;
}

const SessionContext = createContext<Session | null>(null);

function readStoredToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage blocked (private mode): the session lasts until reload
  }
}

/** Keeps the token in localStorage so a reload stays signed in; a new token gets a new client (fresh cache, re-authenticated socket). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(readStoredToken);
  const current = useRef<{ token: string | null; shop: ShopClient } | null>(null);
  if (!current.current || current.current.token !== token) current.current = { token, shop: createShopClient(token) };
  const shop = current.current.shop;
  // Dispose a client only once it has been replaced (StrictMode's trial unmount must not close the live socket).
  useEffect(
    () => () => {
      queueMicrotask(() => {
        if (current.current?.shop !== shop) shop.dispose();
      });
    },
    [shop],
  );

  const signIn = useCallback((next: string) => {
    try {
      window.localStorage.setItem(TOKEN_KEY, next);
    } catch {
      /* session-only */
    }
    setToken(next);
  }, []);
  const signOut = useCallback(() => {
    try {
      window.localStorage.removeItem(TOKEN_KEY);
    } catch {
      /* nothing stored */
    }
    setToken(null);
  }, []);

  // Another tab signing in or out changes this one too.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === TOKEN_KEY) setToken(event.newValue);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  return (
    <Provider value={shop.client}>
      <ViewerLoader token={token} signIn={signIn} signOut={signOut}>
        {children}
      </ViewerLoader>
    </Provider>
  );
}

function ViewerLoader({ token, signIn, signOut, children }: { token: string | null; signIn(token: string): void; signOut(): void; children: ReactNode }) {
  const [{ data, fetching, error }] = useQuery({ query: ViewerQuery, pause: !token, requestPolicy: 'cache-and-network' });
  const viewer = token ? (data?.me ?? null) : null;
  // A stored token that the gateway no longer accepts (expired, keys rotated) is dropped rather than kept failing.
  useEffect(() => {
    const rejected = error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') || (error?.response as Response | undefined)?.status === 401;
    if (token && !fetching && (rejected || (!error && data && data.me === null))) signOut();
  }, [token, fetching, error, data, signOut]);
  const session = useMemo<Session>(
    () => ({
      token,
      viewer,
      loading: Boolean(token) && !data && fetching,
      signIn,
      signOut,
      hasRole: (role) => Boolean(viewer?.roles.includes(role)),
    }),
    [token, viewer, data, fetching, signIn, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

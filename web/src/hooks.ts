import { useEffect, useState, useSyncExternalStore } from 'react';
import { useSubscription, type AnyVariables, type TypedDocumentNode } from 'urql';
import { getSocketStatus, onReconnected, onSocketStatus } from './app/client';

/**
 * Subscribes for live updates. The handler is not needed: graphcache writes each event into the
 * normalized entity and every query showing it re-renders. A failing subscription (the gateway may
 * not offer it, or be restarting) never breaks the page; the socket keeps retrying underneath.
 */
export function useLive<Data, Variables extends AnyVariables>(query: TypedDocumentNode<Data, Variables>, variables: Variables, pause = false) {
  const [result] = useSubscription<Data, Data, Variables>({ query, variables, pause });
  // graphql-ws does not acknowledge a subscription: it is live while its socket is up and the server has not refused it.
  const connected = useSocketConnected();
  return { live: !pause && connected && !result.error, error: result.error, data: result.data };
}

/** True while the live socket is connected; false while it is (re)connecting or down. */
export function useSocketConnected(): boolean {
  return useSyncExternalStore(onSocketStatus, () => getSocketStatus() === 'connected');
}

/** Refetches after the socket reconnects: events published while it was down were missed. */
export function useRefetchOnReconnect(refetch: () => void) {
  useEffect(() => onReconnected(refetch), [refetch]);
}

/** The current time, ticking every second (for countdowns). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A value that settles after the user stops typing, so search does not fire a request per keystroke. */
export function useDebounced<T>(value: T, delayMs = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

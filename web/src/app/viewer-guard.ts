import { mapExchange, type OperationResult } from 'urql';

/**
 * A `me: null` that comes with errors is a failure, not a sign-out. The API nulls the whole `me` when one of its
 * non-null fields fails (the notifications subgraph is down: `me { unreadNotificationCount }`), and graphcache would
 * write that null over the viewer every view reads, so the storefront would look signed out. Such a result reaches
 * the cache without `me`: the cached viewer stays, the failing query gets its error. A `me: null` without errors
 * (the token's account is gone) still signs out; an UNAUTHENTICATED error does too (see session.tsx).
 */
export function withoutFailedViewer(result: OperationResult): OperationResult {
  const data = result.data as Record<string, unknown> | null | undefined;
  if (!result.error || !data || data.me !== null) return result;
  const { me: _failed, ...rest } = data;
  return { ...result, data: rest };
}

/** Goes between the cache and the network, so the cache never sees the failed `me`. */
export const viewerGuardExchange = mapExchange({ onResult: withoutFailedViewer });

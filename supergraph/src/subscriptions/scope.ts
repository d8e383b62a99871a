import { createHash } from 'node:crypto';
import type { Viewer } from '@shop/auth';
import type { ConnectionIdentity } from '@shop/server';

/**
 * Who an upstream subscription runs as. Subscriptions share upstream work only inside one scope, because the subgraphs
 * authorize (and may shape results) by the token they receive: anonymous callers share one scope, a token its own.
 */
export interface Scope {
  key: string;
  viewer: Viewer | null;
  /** Forwarded to the subgraphs in connection_init and on every entity fetch. */
  authorization?: string;
}

export const ANONYMOUS: Scope = { key: 'anonymous', viewer: null };

export function scopeOf(identity: ConnectionIdentity): Scope {
  if (!identity.authorization) return ANONYMOUS;
  const digest = createHash('sha256').update(identity.authorization).digest('base64url').slice(0, 32);
  return { key: `bearer:${digest}`, viewer: identity.viewer, authorization: identity.authorization };
}

/** JSON with object keys sorted, so { a, b } and { b, a } name the same subscription. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

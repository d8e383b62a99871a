import { unauthenticated } from '@shop/common';
import type { TokenVerifier, Viewer } from '@shop/auth';

/** graphql-ws close codes the platform uses (the protocol's own numbering). */
export const WS_CLOSE = {
  /** Bad, forged or expired token: graphql-ws clients do not retry it. */
  unauthorized: 4401,
  /** The standard "try again later" (a per-user connection bound): graphql-ws clients retry it with backoff. */
  tryAgainLater: 1013,
} as const;

export interface ConnectionIdentity {
  viewer: Viewer | null;
  /** The header as it came, forwarded unchanged so the next hop verifies it again. */
  authorization?: string;
  /** Epoch ms when the token stops being valid; the connection is closed then. */
  expiresAt?: number;
}

/** The connection_init payload's { authorization: "Bearer <token>" }; throws UNAUTHENTICATED for a bad one. */
export async function identityFromConnectionParams(params: Readonly<Record<string, unknown>> | undefined, verifier: TokenVerifier): Promise<ConnectionIdentity> {
  const raw = params?.authorization ?? params?.Authorization;
  if (raw === undefined || raw === null || raw === '') return { viewer: null };
  if (typeof raw !== 'string') throw unauthenticated('connection_init authorization must be "Bearer <token>".');
  const match = /^Bearer\s+(\S+)$/i.exec(raw.trim());
  if (!match) throw unauthenticated('connection_init authorization must be "Bearer <token>".');
  const { id, roles, expiresAt } = await verifier.verify(match[1]!);
  return { viewer: { id, roles }, authorization: raw.trim(), expiresAt };
}

/** setTimeout caps at about 24.8 days; longer waits are re-armed. Returns a cancel function. */
export function runAt(epochMs: number, task: () => void): () => void {
  const MAX = 2 ** 31 - 1;
  let timer: NodeJS.Timeout;
  const arm = () => {
    const wait = epochMs - Date.now();
    timer = setTimeout(wait > MAX ? arm : task, Math.max(0, Math.min(wait, MAX)));
    timer.unref?.();
  };
  arm();
  return () => clearTimeout(timer);
}

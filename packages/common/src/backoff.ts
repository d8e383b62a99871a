/**
 * Exponential backoff: attempt 1 waits about minMs, each later attempt twice as long, up to about maxMs. The ±20%
 * jitter keeps replicas that failed together (a broker restart, a database failover) from retrying in lockstep.
 */
export function backoffDelay(attempt: number, { minMs = 100, maxMs, jitter = 0.2 }: { minMs?: number; maxMs: number; jitter?: number }): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 - jitter + Math.random() * 2 * jitter));
}

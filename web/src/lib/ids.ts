/** An idempotency key for one user intent (one click of "place order" or "pay"), reused on retry of that same intent. */
export function newIdempotencyKey(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

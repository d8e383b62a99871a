/**
 * What a consumer's failure says about retrying it. A transient failure is the infrastructure's, not the event's: the
 * consumer's database or a service it calls did not answer, the connection dropped, a transaction lost a
 * serialization race or a deadlock. Waiting fixes those, so they are retried with backoff for as long as they last
 * and never count toward dead-lettering. Any other failure is one the event itself may cause, and counts.
 */

/** Node and undici error codes of a connection that failed, dropped or timed out. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN', 'ENOTFOUND',
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
  // postgres.js, when its connection to the database is lost or cannot be made
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
]);

/**
 * PostgreSQL SQLSTATEs worth waiting out: 08 connection exceptions, 40001 serialization failure, 40P01 deadlock,
 * 53 insufficient resources, 55P03 lock not available, 57P01-57P03 the server shutting down or not yet accepting.
 */
const isTransientSqlState = (code: string) => /^(08|53)/.test(code) || ['40001', '40P01', '55P03', '57P01', '57P02', '57P03'].includes(code);

/** Errors of these names are thrown for a collaborator that did not answer (@shop/server's service clients, timeouts). */
const TRANSIENT_NAMES = new Set(['SubgraphUnavailableError', 'TimeoutError', 'AbortError', 'NotConnectedError']);

/** Marks an error as transient, for a consumer whose own dependency failure the rules above would not recognise. */
export function transientError(message: string, cause?: unknown): Error {
  return Object.assign(new Error(message, { cause }), { transient: true });
}

/** Whether err (or any error in its cause chain, or in an AggregateError) is one that waiting fixes. */
export function isTransient(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 8) return false;
  const e = err as { name?: unknown; code?: unknown; transient?: unknown; cause?: unknown; errors?: unknown };
  if (e.transient === true) return true;
  if (typeof e.name === 'string' && TRANSIENT_NAMES.has(e.name)) return true;
  if (typeof e.code === 'string' && (TRANSIENT_CODES.has(e.code) || (/^[0-9A-Z]{5}$/.test(e.code) && isTransientSqlState(e.code)))) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isTransient(inner, depth + 1))) return true;
  return isTransient(e.cause, depth + 1);
}

/** The error's message with its causes ("a: b: c"), for the dead-letter store and the admin command. */
export function describeError(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 8; depth++) {
    const text = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
    if (!parts.some((part) => part.includes(text))) parts.push(text);
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join(': ').slice(0, 4000) || 'unknown error';
}

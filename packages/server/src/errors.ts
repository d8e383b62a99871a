import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '@shop/common';
import { SubgraphUnavailableError } from './entity-client.js';
import { CLIENT_ERROR_CODES, MASKED_ERROR_CODE } from './error-codes.js';

/** Known codes reach the client as they are; anything else is a bug, logged here and masked there. */
export const CLIENT_CODES: ReadonlySet<string> = new Set(CLIENT_ERROR_CODES);

/** The only extensions a client sees: anything else (response, exception, stacktrace, serviceName) is internal. */
const CLIENT_EXTENSIONS = ['code', 'field', 'retryAfterSeconds'];

/**
 * PostgreSQL's SQLSTATEs for text it cannot hold (U+0000 above all): the input's fault, not a bug. Services check
 * their inputs field by field; this is the net for a string that reached a query unchecked (the statement failed,
 * so its transaction rolled back and nothing changed).
 */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

function causedByUnstorableText(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown; originalError?: unknown } | undefined, depth = 0; e && depth < 10; depth++) {
    if (typeof e.code === 'string' && UNSTORABLE_TEXT.has(e.code)) return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

/** Messages libraries give to errors a client caused, as the client should read them. */
function clientError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if ((code === undefined || code === 'INTERNAL_SERVER_ERROR') && causedByUnstorableText(error)) {
    return { ...formatted, message: 'Text may not contain the NUL character (U+0000).', extensions: { code: 'BAD_USER_INPUT' } };
  }
  // Apollo Server re-codes every validation error GRAPHQL_VALIDATION_FAILED; a rule's own code (a limit) wins.
  // Read by shape, not instanceof: the gateway's and this package's graphql are not always one module instance.
  const original = (error as { originalError?: { extensions?: Record<string, unknown> } } | null)?.originalError;
  const ownCode = original?.extensions?.code;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && typeof ownCode === 'string' && ownCode !== code && CLIENT_CODES.has(ownCode)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: ownCode } };
  }
  // graphql-js gives up comparing same-named fields past a budget (a field repeated thousands of times).
  if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message === 'Validation aborted.') {
    return { ...formatted, message: 'The operation repeats fields too often to be checked: ask for each field once.', extensions: { ...formatted.extensions, code: 'QUERY_TOO_COMPLEX' } };
  }
  if (code === 'GRAPHQL_PARSE_FAILED') {
    // graphql-js words it "more that N tokens".
    const tokens = /more th\w+ (\d+) tokens/.exec(formatted.message);
    if (tokens) return { ...formatted, message: `The operation is too long: at most ${tokens[1]} tokens are allowed.`, extensions: { ...formatted.extensions, code: 'TOO_MANY_TOKENS' } };
    return { ...formatted, message: `The operation is not valid GraphQL: ${formatted.message.replace(/^Syntax Error:\s*/, '')}` };
  }
  // Apollo Server's APQ check throws these without a code.
  if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
    if (formatted.message === 'provided sha does not match query') {
      return { ...formatted, message: 'The persisted query hash does not match the query sent with it (sha256 of the query text).', extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } };
    }
    if (formatted.message === 'Unsupported persisted query version') {
      return { ...formatted, message: 'Unsupported persisted query version: only version 1 is served.', extensions: { code: 'BAD_REQUEST' } };
    }
  }
  // @apollo/gateway names a subgraph's non-2xx answer "401: Unauthorized"; the code says it better.
  if (/^\d{3}: /.test(formatted.message) && code === 'UNAUTHENTICATED') return { ...formatted, message: 'Sign in to do this.' };
  if (/^\d{3}: /.test(formatted.message) && code === 'FORBIDDEN') return { ...formatted, message: 'You are not allowed to do this.' };
  return formatted;
}

/** A service this one called did not answer in time (or at all): the client may retry, nothing is the client's fault. */
function unavailable(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError | undefined {
  let cause = error as { originalError?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; cause && !(cause instanceof SubgraphUnavailableError) && depth < 10; depth++) cause = (cause.originalError ?? cause.cause) as typeof cause;
  if (!(cause instanceof SubgraphUnavailableError)) return undefined;
  logger.warn({ err: cause, path: formatted.path }, 'a called service did not answer');
  return { message: `The ${cause.service} service is not answering; try again shortly.`, path: formatted.path, locations: formatted.locations, extensions: { code: 'SERVICE_UNAVAILABLE' } };
}

export function maskErrors(logger: Logger) {
  return (raw: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const down = unavailable(raw, error, logger);
    if (down) return down;
    const formatted = clientError(raw, error);
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const extensions = Object.fromEntries(CLIENT_EXTENSIONS.flatMap((key) => (formatted.extensions?.[key] === undefined ? [] : [[key, formatted.extensions[key]]])));
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error.', path: formatted.path, locations: formatted.locations, extensions: { code: MASKED_ERROR_CODE } };
  };
}

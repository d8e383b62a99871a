/**
 * The GraphQL error codes (extensions.code) a client can receive, from a subgraph or the gateway: maskErrors passes
 * these through and turns every other error into MASKED_ERROR_CODE. No imports, so the storefront can check its
 * translations against this list by type.
 */
export const CLIENT_ERROR_CODES = [
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_NOT_IN_SAFELIST', 'PERSISTED_QUERY_HASH_MISMATCH',
  'OPERATION_RESOLUTION_FAILURE', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE',
  // A mutation answering a scalar refuses a change its state machine forbids (shipping's advanceShipment).
  'INVALID_TRANSITION',
  // Operation limits (supergraph/src/operation-limits.ts).
  'QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_ROOT_FIELDS', 'TOO_MANY_DIRECTIVES', 'TOO_MANY_TOKENS',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** What any other error becomes ("Internal server error."): a bug, logged on the server. */
export const MASKED_ERROR_CODE = 'INTERNAL_SERVER_ERROR';

/** The codes orders puts in payload errors. */
export const OrdersErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  NotFound: 'NOT_FOUND',
  /** A subgraph this one depends on (products) did not answer in time. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;

/** The codes purchasing puts in payload errors. */
export const PurchasingErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  /** No such supplier, product, warehouse or request, or a supplier or request that is not the viewer's: answered alike. */
  NotFound: 'NOT_FOUND',
  /** Someone else's product, or another seller named by a seller. */
  Forbidden: 'FORBIDDEN',
  /** The reorder transition table does not allow this change from the request's current status. */
  InvalidTransition: 'INVALID_TRANSITION',
  /** products or inventory did not answer in time; nothing was written. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;

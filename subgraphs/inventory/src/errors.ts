/** The codes inventory puts in payload errors. */
export const InventoryErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  NotFound: 'NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  InsufficientStock: 'INSUFFICIENT_STOCK',
  OutOfStock: 'OUT_OF_STOCK',
  NotPurchasable: 'NOT_PURCHASABLE',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;

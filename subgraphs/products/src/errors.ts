/** The codes products puts in payload errors. */
export const ProductsErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  NotFound: 'NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  SkuTaken: 'SKU_TAKEN',
} as const;

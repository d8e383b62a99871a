/** The codes products puts in payload errors. */
export const ProductsErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  NotFound: 'NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  SkuTaken: 'SKU_TAKEN',
  /** Uploads (POST /media/…), as HTTP answers { error: { code, message } }. */
  LimitReached: 'LIMIT_REACHED',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  InvalidImage: 'INVALID_IMAGE',
  Unauthenticated: 'UNAUTHENTICATED',
} as const;

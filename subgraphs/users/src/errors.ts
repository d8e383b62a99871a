/** The codes users puts in payload errors. */
export const UsersErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  EmailTaken: 'EMAIL_TAKEN',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  Forbidden: 'FORBIDDEN',
} as const;

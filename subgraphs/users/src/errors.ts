/** The codes users puts in payload errors. */
export const UsersErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  EmailTaken: 'EMAIL_TAKEN',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  Forbidden: 'FORBIDDEN',
  /** No saved address of the viewer's has this id (someone else's is answered alike). */
  NotFound: 'NOT_FOUND',
  /** The viewer already has as many saved addresses as one account may keep. */
  LimitReached: 'LIMIT_REACHED',
} as const;

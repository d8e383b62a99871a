/**
 * The codes notifications puts in payload errors: only bad input (markNotificationsRead's ids, through
 * @shop/common's issuesToUserErrors); an unknown or another user's notification is left alone, not an error.
 */
export const NotificationsErrorCode = {
  InvalidInput: 'INVALID_INPUT',
} as const;
